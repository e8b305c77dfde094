package org.cellarena.scoring.io;

import java.time.Duration;

/**
 * Bounds on the work one submission may cause, checked while it is read and scored so that a file past a bound
 * fails at once with a message naming the bound, rather than holding a scoring worker and its memory.
 *
 * <p>Whatever the bounds, the masks of one image may never cover more pixels than the image has: they must not
 * overlap, so such an image is refused as soon as its masks pass its size.
 *
 * @param masksPerImage the most predicted masks one image may have
 * @param masksPerFile the most predicted masks in the whole file
 * @param pixelsPerFile the most pixels the file's masks may cover in all
 * @param time the longest that reading and scoring one file may take
 */
public record SubmissionLimits(int masksPerImage, long masksPerFile, long pixelsPerFile, Duration time) {
  /** No bound beyond the image sizes. */
  public static final SubmissionLimits NONE =
      new SubmissionLimits(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofDays(365));

  public static final int DEFAULT_MASKS_PER_IMAGE = 5_000;
  public static final long DEFAULT_MASKS_PER_FILE = 1_000_000;
  public static final long DEFAULT_SECONDS = 10;

  /**
   * The server's defaults: far above any honest submission (the densest Sartorius image has about 790 cells),
   * far below what would hold up a worker.
   */
  public static final SubmissionLimits DEFAULTS = new SubmissionLimits(DEFAULT_MASKS_PER_IMAGE,
      DEFAULT_MASKS_PER_FILE, Long.MAX_VALUE, Duration.ofSeconds(DEFAULT_SECONDS));

  public SubmissionLimits {
    if (masksPerImage < 1 || masksPerFile < 1 || pixelsPerFile < 1 || time.isNegative() || time.isZero()) {
      throw new IllegalArgumentException("submission limits must be positive: " + masksPerImage + ", "
          + masksPerFile + ", " + pixelsPerFile + ", " + time);
    }
  }

  public SubmissionLimits withMasksPerImage(int value) {
    return new SubmissionLimits(value, masksPerFile, pixelsPerFile, time);
  }

  public SubmissionLimits withMasksPerFile(long value) {
    return new SubmissionLimits(masksPerImage, value, pixelsPerFile, time);
  }

  public SubmissionLimits withPixelsPerFile(long value) {
    return new SubmissionLimits(masksPerImage, masksPerFile, value, time);
  }

  public SubmissionLimits withTime(Duration value) {
    return new SubmissionLimits(masksPerImage, masksPerFile, pixelsPerFile, value);
  }
}
