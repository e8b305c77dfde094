package org.cellarena.scoring.io;

/**
 * One thing wrong with an input file: where (the CSV line, 1 = the header; 0 when it concerns the whole file)
 * and which image, if any, and what.
 */
public record Problem(long line, String imageId, String message) {

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
