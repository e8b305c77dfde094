package org.cellarena.harness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Arguments written so that a POSIX shell reads them back as they are: the commands the demo echoes. */
final class ShellWords {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellWords() {}

  static String join(List<String> args) {
    return args.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }

  /**
   * Words over lines of about {@code width} characters, as a shell reads them back: each line but the last ends
   * in " \", the next ones are indented; a line breaks only before an option ("--x"), keeping it with its value.
   */
  static List<String> lines(List<String> words, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      boolean option = word.startsWith("--");
      String value = option && i + 1 < words.size() && !words.get(i + 1).startsWith("--") ? words.get(i + 1) : "";
      if (option && line.length() + word.length() + value.length() + 2 > width && !line.toString().isBlank()) {
        lines.add(line.append(" \\").toString());
        line = new StringBuilder("   ");
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** The word as it is when nothing in it is special to a shell, else in single quotes. */
  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
