package org.cellarena.scoring.io;

import java.util.List;

/** A file that cannot be used, with every problem found (up to a limit) rather than only the first. */
public final class InvalidFileException extends Exception {
  private final String file;
  private final List<Problem> problems;
  private final long omitted;

  public InvalidFileException(String file, List<Problem> problems, long omitted) {
    super(summary(file, problems, omitted));
    this.file = file;
    this.problems = List.copyOf(problems);
    this.omitted = omitted;
  }

  /** The file's name as given by the caller. */
  public String file() {
    return file;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** How many further problems were found but not kept. */
  public long omitted() {
    return omitted;
  }

  /** All problems, one per line, as a person should read them. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(file).append(": ").append(problems.size() + omitted)
        .append(problems.size() + omitted == 1 ? " problem" : " problems").append('\n');
    for (Problem p : problems) {
      sb.append("  ").append(p).append('\n');
    }
    if (omitted > 0) {
      sb.append("  ... and ").append(omitted).append(" more\n");
    }
    return sb.toString();
  }

  private static String summary(String file, List<Problem> problems, long omitted) {
    String first = problems.isEmpty() ? "invalid" : problems.get(0).toString();
    long more = problems.size() - 1 + omitted;
    return file + ": " + first + (more > 0 ? " (and " + more + " more problems)" : "");
  }
}
