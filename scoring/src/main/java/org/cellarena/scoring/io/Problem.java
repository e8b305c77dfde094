package org.cellarena.scoring.io;

/**
 * One thing wrong with an input file: where (the CSV line, 1 = the header; 0 when it concerns the whole file)
 * and which image, if any, and what.
 */
public record Problem(long line, String imageId, String message) {
  /** Input echoed in a message is cut to this: an id or a column name. */
  public static final int MAX_ECHOED_ID = 100;
  /** A message is cut to this. */
  public static final int MAX_MESSAGE = 2000;

  public Problem {
    imageId = cut(imageId, MAX_ECHOED_ID);
    message = cut(message, MAX_MESSAGE);
  }

  /** The text cut to {@code max} characters, "..." marking the cut; null stays null. */
  public static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (line > 0) {
      sb.append("line ").append(line);
    }
    if (imageId != null && !imageId.isEmpty()) {
      sb.append(sb.length() > 0 ? ", " : "").append("image ").append(imageId);
    }
    return (sb.length() > 0 ? sb + ": " : "") + message;
  }
}
