package org.cellarena.scoring.rle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One instance mask as sorted, disjoint, non-adjacent-or-adjacent runs of row-major pixel indices (0-based
 * internally; the competition's text format is 1-based). Immutable. Nothing here allocates a dense
 * height*width array except {@link #toDense()}.
 */
public final class RunMask {
  private final int width;
  private final int height;
  /** Run starts (0-based pixel index, strictly ascending) and their lengths (>= 1); runs never overlap. */
  private final int[] starts;
  private final int[] lengths;
  private final int area;
  private final int minRow, maxRow, minCol, maxCol;

  private RunMask(int width, int height, int[] starts, int[] lengths) {
    this.width = width;
    this.height = height;
    this.starts = starts;
    this.lengths = lengths;
    int a = 0, r0 = Integer.MAX_VALUE, r1 = -1, c0 = Integer.MAX_VALUE, c1 = -1;
    for (int i = 0; i < starts.length; i++) {
      int s = starts[i], e = s + lengths[i] - 1;
      a += lengths[i];
      int rs = s / width, re = e / width;
      r0 = Math.min(r0, rs);
      r1 = Math.max(r1, re);
      if (rs == re) {
        c0 = Math.min(c0, s % width);
        c1 = Math.max(c1, e % width);
      } else { // a run that wraps a row edge covers both the first and the last column
        c0 = 0;
        c1 = width - 1;
      }
    }
    this.area = a;
    this.minRow = a == 0 ? 0 : r0;
    this.maxRow = a == 0 ? -1 : r1;
    this.minCol = a == 0 ? 0 : c0;
    this.maxCol = a == 0 ? -1 : c1;
  }

  /** An empty mask of the given size. */
  public static RunMask empty(int width, int height) {
    checkSize(width, height);
    return new RunMask(width, height, new int[0], new int[0]);
  }

  /**
   * Builds a mask from runs with 0-based starts. The runs must be ascending and must not overlap;
   * {@link RleFormatException} otherwise.
   */
  public static RunMask ofRuns(int[] starts0, int[] lengths, int width, int height) {
    checkSize(width, height);
    if (starts0.length != lengths.length) {
      throw new RleFormatException("starts and lengths differ in count");
    }
    long total = (long) width * height;
    long previousEnd = -1;
    for (int i = 0; i < starts0.length; i++) {
      checkRun(i, starts0[i] + 1L, lengths[i], previousEnd, total);
      previousEnd = (long) starts0[i] + lengths[i] - 1;
    }
    return new RunMask(width, height, starts0.clone(), lengths.clone());
  }

  /**
   * Parses the competition's RLE: space-separated {@code start length} pairs, starts 1-indexed, pixels numbered
   * row-major over height x width. An empty or blank text is an empty mask.
   *
   * @throws RleFormatException with a message that names the offending token
   */
  public static RunMask parse(CharSequence rle, int width, int height) {
    byte[] bytes = rle.toString().getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length, width, height);
  }

  /**
   * {@link #parse(CharSequence, int, int)} on UTF-8 bytes {@code [from, to)}, digit by digit: a String is made only
   * for a token to name in a message.
   */
  public static RunMask parse(byte[] rle, int from, int to, int width, int height) {
    checkSize(width, height);
    long total = (long) width * height;
    int tokens = countTokens(rle, from, to);
    int runs = (tokens + 1) / 2;
    int[] starts = new int[runs];
    int[] lengths = new int[runs];
    int count = 0;
    long previousEnd = -1;
    int i = from;
    while (i < to) {
      byte c = rle[i];
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      int tokenStart = i;
      long v = 0;
      boolean digits = true;
      while (i < to && rle[i] != ' ' && rle[i] != '\t') {
        byte d = rle[i];
        if (d < '0' || d > '9') {
          digits = false;
        } else if (v <= total + 1) {
          v = v * 10 + (d - '0');
        }
        i++;
      }
      if (!digits || v > total) {
        throw badToken(new String(rle, tokenStart, i - tokenStart, StandardCharsets.UTF_8), count + 1, digits, total);
      }
      if (count % 2 == 0) {
        starts[count / 2] = (int) v;
      } else {
        lengths[count / 2] = (int) v;
      }
      count++;
    }
    if (count % 2 != 0) {
      throw new RleFormatException("odd number of tokens (" + count + "): RLE needs start/length pairs");
    }
    for (int r = 0; r < runs; r++) {
      int start = starts[r];
      int length = lengths[r];
      checkRun(r, start, length, previousEnd, total);
      starts[r] = start - 1;
      previousEnd = (long) start - 1 + length - 1;
    }
    return new RunMask(width, height, starts, lengths);
  }

  /** Tokens in bytes [from, to): runs of characters other than space and tab. */
  private static int countTokens(byte[] rle, int from, int to) {
    int tokens = 0;
    boolean inToken = false;
    for (int i = from; i < to; i++) {
      boolean separator = rle[i] == ' ' || rle[i] == '\t';
      if (!separator && !inToken) {
        tokens++;
      }
      inToken = !separator;
    }
    return tokens;
  }

  private static RleFormatException badToken(String token, int position, boolean digits, long total) {
    if (digits) {
      return new RleFormatException("token " + position + " is too large: " + abbreviate(token)
          + " (the image has " + total + " pixels)");
    }
    if (token.startsWith("-") && token.length() > 1 && token.substring(1).chars().allMatch(Character::isDigit)) {
      return new RleFormatException("token " + position + " is negative: '" + token + "'");
    }
    return new RleFormatException("token " + position + " is not an integer: '" + abbreviate(token) + "'");
  }

  private static void checkRun(int run, long start1, long length, long previousEnd0, long total) {
    if (start1 < 1) {
      throw badRun(run, start1, length, "start must be >= 1");
    }
    if (length < 1) {
      throw badRun(run, start1, length, "length must be >= 1");
    }
    if (start1 - 1 + length > total) {
      throw badRun(run, start1, length, "ends at pixel " + (start1 - 1 + length)
          + ", past the image's " + total + " pixels");
    }
    if (start1 - 1 <= previousEnd0) {
      throw badRun(run, start1, length, "runs must be ascending and must not overlap (previous run ends at "
          + (previousEnd0 + 1) + ")");
    }
  }

  private static RleFormatException badRun(int run, long start1, long length, String what) {
    return new RleFormatException("run " + (run + 1) + " (start " + start1 + ", length " + length + "): " + what);
  }

  private static void checkSize(int width, int height) {
    if (width < 1 || height < 1 || (long) width * height > Integer.MAX_VALUE) {
      throw new RleFormatException("invalid image size " + width + "x" + height);
    }
  }

  private static String abbreviate(String token) {
    return token.length() <= 24 ? token : token.substring(0, 21) + "...";
  }

  /** Builds a mask from a row-major dense array of {@code width*height} pixels. */
  public static RunMask fromDense(boolean[] pixels, int width, int height) {
    checkSize(width, height);
    if (pixels.length != width * height) {
      throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
    }
    RunBuilder builder = new RunBuilder(width, height);
    for (int p = 0; p < pixels.length; p++) {
      if (pixels[p]) {
        builder.add(p);
      }
    }
    return builder.build();
  }

  /** The competition's RLE text of this mask (1-based starts); empty for an empty mask. */
  public String toRle() {
    StringBuilder sb = new StringBuilder(starts.length * 12);
    for (int i = 0; i < starts.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(starts[i] + 1).append(' ').append(lengths[i]);
    }
    return sb.toString();
  }

  /** A dense row-major copy; for pictures and tests, never in the scoring path. */
  public boolean[] toDense() {
    boolean[] pixels = new boolean[width * height];
    for (int i = 0; i < starts.length; i++) {
      Arrays.fill(pixels, starts[i], starts[i] + lengths[i], true);
    }
    return pixels;
  }

  /** Whether the pixel at (row, col) belongs to the mask. */
  public boolean contains(int row, int col) {
    int p = row * width + col;
    int i = Arrays.binarySearch(starts, p);
    if (i >= 0) {
      return true;
    }
    int run = -i - 2;
    return run >= 0 && p < starts[run] + lengths[run];
  }

  /** Number of pixels shared with {@code other} (same image size), by merging the two run lists. */
  public int intersectionArea(RunMask other) {
    if (area == 0 || other.area == 0 || maxRow < other.minRow || other.maxRow < minRow
        || maxCol < other.minCol || other.maxCol < minCol) {
      return 0;
    }
    int[] as = starts, al = lengths, bs = other.starts, bl = other.lengths;
    int i = firstRunEndingAfter(as, al, bs[0]);
    int j = firstRunEndingAfter(bs, bl, as[0]);
    int inter = 0;
    while (i < as.length && j < bs.length) {
      int aStart = as[i], aEnd = aStart + al[i];
      int bStart = bs[j], bEnd = bStart + bl[j];
      int lo = Math.max(aStart, bStart), hi = Math.min(aEnd, bEnd);
      if (hi > lo) {
        inter += hi - lo;
      }
      if (aEnd <= bEnd) {
        i++;
      } else {
        j++;
      }
    }
    return inter;
  }

  /** Index of the first run whose end (exclusive) is past {@code pixel}. */
  private static int firstRunEndingAfter(int[] starts, int[] lengths, int pixel) {
    int i = Arrays.binarySearch(starts, pixel);
    if (i >= 0) {
      return i;
    }
    int run = -i - 2;
    if (run < 0) {
      return 0;
    }
    return starts[run] + lengths[run] > pixel ? run : run + 1;
  }

  public int width() { return width; }
  public int height() { return height; }
  public int area() { return area; }
  public boolean isEmpty() { return area == 0; }
  public int runCount() { return starts.length; }
  /** 0-based row-major start of run {@code i}. */
  public int runStart(int i) { return starts[i]; }
  public int runLength(int i) { return lengths[i]; }
  public int minRow() { return minRow; }
  public int maxRow() { return maxRow; }
  public int minCol() { return minCol; }
  public int maxCol() { return maxCol; }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunMask m && m.width == width && m.height == height
        && Arrays.equals(m.starts, starts) && Arrays.equals(m.lengths, lengths);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(starts) + Arrays.hashCode(lengths);
  }

  @Override
  public String toString() {
    return "RunMask[" + width + "x" + height + ", area " + area + ", " + starts.length + " runs]";
  }

  /** Collects pixels in ascending order into runs. */
  public static final class RunBuilder {
    private final int width, height;
    private int[] starts = new int[8], lengths = new int[8];
    private int count;
    private int last = -2;

    public RunBuilder(int width, int height) {
      checkSize(width, height);
      this.width = width;
      this.height = height;
    }

    /** Adds pixel {@code p} (row-major, 0-based); pixels must come in ascending order. */
    public RunBuilder add(int p) {
      if (p <= last) {
        throw new IllegalArgumentException("pixels must be added in ascending order");
      }
      if (p == last + 1 && count > 0) {
        lengths[count - 1]++;
      } else {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
          lengths = Arrays.copyOf(lengths, count * 2);
        }
        starts[count] = p;
        lengths[count++] = 1;
      }
      last = p;
      return this;
    }

    public RunMask build() {
      return new RunMask(width, height, Arrays.copyOf(starts, count), Arrays.copyOf(lengths, count));
    }
  }
}
