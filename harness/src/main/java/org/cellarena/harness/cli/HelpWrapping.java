package org.cellarena.harness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Help texts that break lines between words only. picocli wraps with the JDK's line BreakIterator, which breaks
 * after '.', '/' and ':' ("optimizer.lr=0." / "0025", "latest." / "json"). So picocli renders each section on
 * one wide line, and this wraps it again at {@link #WIDTH} columns, at spaces, keeping its layout: a two-column row
 * (an option, a command) continues under its description, indented two more; a synopsis under its first option; a
 * paragraph at its own indent.
 */
final class HelpWrapping {
  static final int WIDTH = 80;
  private static final int UNWRAPPED = 1000;
  /** A row of two columns: what is left of a run of 2+ spaces, then the description. */
  private static final Pattern TWO_COLUMNS = Pattern.compile("^(\\s*\\S.*?\\S)\\s{2,}(?=\\S)");
  private static final Pattern SYNOPSIS = Pattern.compile("^Usage: (?:[^\\s\\[<-]\\S*\\s)+");

  private HelpWrapping() {}

  /** Applies to a command line and every subcommand below it. */
  static void apply(CommandLine cli) {
    cli.setUsageHelpWidth(UNWRAPPED);
    cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // plain text to measure
    Map<String, IHelpSectionRenderer> sections = cli.getHelpSectionMap();
    sections.replaceAll((key, renderer) -> switch (key) {
      case CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS -> help -> { // wrapped behind its heading
        String heading = help.synopsisHeading();
        return wrap(heading + renderer.render(help), 0).substring(heading.length());
      };
      case CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST -> help -> wrap(renderer.render(help), 2);
      default -> help -> wrap(renderer.render(help), 0);
    });
    cli.setHelpSectionMap(sections);
    cli.getSubcommands().values().forEach(HelpWrapping::apply);
  }

  /**
   * Each line of {@code text} wrapped at spaces to {@link #WIDTH} columns; a line that is not a synopsis nor a
   * two-column row continues {@code moreIndent} further in than it starts.
   */
  static String wrap(String text, int moreIndent) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(String.join("\n", wrapLine(lines[i], moreIndent)));
    }
    return out.toString();
  }

  /**
   * One line wrapped: its head (a synopsis' "Usage: cellarena train ", a row's left column and gap, a paragraph's
   * indent) stays as it is, the words after it fill the lines, continuations start at the indent of its kind.
   */
  private static List<String> wrapLine(String line, int moreIndent) {
    List<String> out = new ArrayList<>();
    if (line.stripTrailing().length() <= WIDTH) {
      out.add(line);
      return out;
    }
    Matcher synopsis = SYNOPSIS.matcher(line);
    Matcher columns = TWO_COLUMNS.matcher(line);
    int head;
    int indent;
    if (synopsis.find()) {
      head = synopsis.end();
      indent = head;
    } else if (columns.find()) {
      head = columns.end();
      indent = head + 2;
    } else {
      head = line.length() - line.stripLeading().length();
      indent = head + moreIndent;
    }
    StringBuilder current = new StringBuilder(line.substring(0, head));
    boolean empty = true;
    for (String word : line.substring(head).strip().split(" +")) {
      if (!empty && current.length() + 1 + word.length() > WIDTH) {
        out.add(current.toString());
        current = new StringBuilder(" ".repeat(indent));
        empty = true;
      }
      current.append(empty ? "" : " ").append(word);
      empty = false;
    }
    out.add(current.toString());
    return out;
  }
}
