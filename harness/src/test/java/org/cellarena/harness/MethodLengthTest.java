package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Methods that fit a screen (issue 25): no method or constructor in any module's {@code src/main/java} runs over
 * 60 lines, counted from the line of its name to its closing brace.
 */
class MethodLengthTest {
  private static final int MAX_LINES = 60;
  private static final List<String> MODULES = List.of("scoring", "web", "model", "harness");
  private static final JavaParser PARSER =
      new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17));

  @Test
  void noMethodInMainCodeIsOverSixtyLines() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> tooLong = new ArrayList<>();
    for (String module : MODULES) {
      Path sources = root.resolve(module).resolve("src/main/java");
      if (Files.isDirectory(sources)) {
        try (Stream<Path> files = Files.walk(sources)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
            tooLong.addAll(tooLong(root.relativize(file).toString(), Files.readString(file)));
          }
        }
      }
    }
    assertTrue(tooLong.isEmpty(), "methods over " + MAX_LINES + " lines:\n" + String.join("\n", tooLong));
  }

  @Test
  void aMethodOrConstructorOfSixtyOneLinesIsListedAndOneOfSixtyIsNot() {
    String source = "class A {\n"
        + "  A() {\n" + "    int a;\n".repeat(58) + "  }\n" // lines 2-61
        + "  @Deprecated\n  void b(int x,\n      int y) {\n" + "    int b;\n".repeat(58) + "  }\n" // 63-123
        + "  A(int c) {\n" + "    int c;\n".repeat(59) + "  }\n" // 124-184
        + "}\n";
    assertEquals(List.of("A.java:63 b (61 lines)", "A.java:124 A (61 lines)"), tooLong("A.java", source));
  }

  /** The methods and constructors of one source file over the limit, as {@code file:line name (n lines)}. */
  static List<String> tooLong(String file, String source) {
    ParseResult<CompilationUnit> parsed = PARSER.parse(source);
    CompilationUnit unit = parsed.getResult().filter(u -> parsed.isSuccessful())
        .orElseThrow(() -> new AssertionError(file + " does not parse: " + parsed.getProblems()));
    List<String> found = new ArrayList<>();
    for (CallableDeclaration<?> callable : unit.findAll(CallableDeclaration.class)) {
      int first = callable.getName().getBegin().orElseThrow().line;
      int lines = callable.getEnd().orElseThrow().line - first + 1;
      if (lines > MAX_LINES) {
        found.add(file + ":" + first + " " + callable.getNameAsString() + " (" + lines + " lines)");
      }
    }
    return found;
  }
}
