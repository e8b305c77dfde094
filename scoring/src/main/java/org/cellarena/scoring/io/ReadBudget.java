package org.cellarena.scoring.io;

/**
 * What a submission being read has cost so far against its {@link SubmissionLimits}: each mask is admitted before
 * it is kept, and the first bound passed ends the read with a problem that names the bound, the line and the image.
 */
final class ReadBudget {
  private static final int ROWS_BETWEEN_CLOCK_CHECKS = 4096;

  private final SubmissionLimits limits;
  private final Deadline deadline;
  private final Problems problems;
  private final String file;
  private long masks;
  private long pixels;
  private int rowsSinceClockCheck;

  ReadBudget(SubmissionLimits limits, Deadline deadline, Problems problems, String file) {
    this.limits = limits;
    this.deadline = deadline;
    this.problems = problems;
    this.file = file;
  }

  /** Counts one more row; every few thousand rows, stops the read once the deadline has passed. */
  void row(long line) throws InvalidFileException {
    if (++rowsSinceClockCheck >= ROWS_BETWEEN_CLOCK_CHECKS) {
      rowsSinceClockCheck = 0;
      if (deadline.passed()) {
        stop(line, null, "reading the file took longer than " + deadline.describe()
            + " for reading and scoring one submission; reading stopped here");
      }
    }
  }

  /**
   * Admits one more mask of {@code area} pixels for a {@code width} x {@code height} image that already has
   * {@code imageMasks} masks covering {@code imagePixels} pixels.
   */
  void admit(long line, String imageId, int width, int height, int imageMasks, long imagePixels, int area)
      throws InvalidFileException {
    if (imageMasks >= limits.masksPerImage()) {
      stop(line, imageId, "more than " + limits.masksPerImage() + " predicted masks for this image (the "
          + "limit per image; the densest Sartorius image has about 790 cells); reading stopped here");
    }
    if (++masks > limits.masksPerFile()) {
      stop(line, imageId, "more than " + limits.masksPerFile() + " predicted masks in the file (the limit "
          + "per file); reading stopped here");
    }
    long imageArea = (long) width * height;
    if (imagePixels + area > imageArea) {
      stop(line, imageId, "the masks of this image cover more pixels than the image has (" + imageArea
          + "), so some of them overlap; predicted masks must not overlap; reading stopped here");
    }
    pixels += area;
    if (pixels > limits.pixelsPerFile()) {
      stop(line, imageId, "the masks cover more than " + limits.pixelsPerFile() + " pixels in all (the limit "
          + "per file); reading stopped here");
    }
  }

  private void stop(long line, String imageId, String message) throws InvalidFileException {
    problems.addLast(line, imageId, message);
    problems.throwIfAny(file);
  }
}
