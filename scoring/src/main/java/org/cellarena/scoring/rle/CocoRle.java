package org.cellarena.scoring.rle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * COCO's run-length encoding (as in LIVECell): alternating counts of 0s and 1s over the pixels in column-major
 * order, starting with a count of 0s; optionally compressed into COCO's LEB128-like ASCII string.
 */
public final class CocoRle {
  private CocoRle() {}

  /** The mask described by uncompressed COCO counts for a {@code width x height} image. */
  public static RunMask toRunMask(int[] counts, int width, int height) {
    long total = (long) width * height;
    long sum = 0;
    for (int c : counts) {
      if (c < 0) {
        throw new RleFormatException("COCO RLE count is negative: " + c);
      }
      sum += c;
    }
    if (sum != total) {
      throw new RleFormatException("COCO RLE counts sum to " + sum + ", the image has " + total + " pixels");
    }
    // Column-major runs become one row-major pixel per row they cross: collect and sort the row-major indices.
    int area = 0;
    for (int i = 1; i < counts.length; i += 2) {
      area += counts[i];
    }
    int[] pixels = new int[area];
    int n = 0;
    long position = 0;
    for (int i = 0; i < counts.length; i++) {
      if (i % 2 == 1) {
        for (long q = position; q < position + counts[i]; q++) {
          int col = (int) (q / height), row = (int) (q % height);
          pixels[n++] = row * width + col;
        }
      }
      position += counts[i];
    }
    Arrays.sort(pixels);
    RunMask.RunBuilder builder = new RunMask.RunBuilder(width, height);
    for (int p : pixels) {
      builder.add(p);
    }
    return builder.build();
  }

  /** Uncompressed COCO counts (column-major, starting with zeros) of {@code mask}. */
  public static int[] fromRunMask(RunMask mask) {
    int width = mask.width(), height = mask.height();
    int[] columnMajor = new int[mask.area()];
    int n = 0;
    for (int r = 0; r < mask.runCount(); r++) {
      int start = mask.runStart(r);
      for (int p = start; p < start + mask.runLength(r); p++) {
        columnMajor[n++] = (p % width) * height + p / width;
      }
    }
    Arrays.sort(columnMajor);
    List<Integer> counts = new ArrayList<>();
    int position = 0;
    int i = 0;
    while (i < n) {
      int runStart = columnMajor[i];
      int j = i;
      while (j + 1 < n && columnMajor[j + 1] == columnMajor[j] + 1) {
        j++;
      }
      counts.add(runStart - position);
      counts.add(j - i + 1);
      position = columnMajor[j] + 1;
      i = j + 1;
    }
    int total = width * height;
    if (position < total) {
      counts.add(total - position);
    }
    if (counts.isEmpty()) {
      counts.add(0);
    }
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Decodes COCO's compressed counts string (pycocotools {@code rleFrString}). */
  public static int[] decompress(String s) {
    List<Integer> counts = new ArrayList<>();
    int p = 0;
    while (p < s.length()) {
      long x = 0;
      int k = 0;
      boolean more = true;
      while (more) {
        if (p >= s.length()) {
          throw new RleFormatException("COCO compressed RLE ends inside a number");
        }
        int c = s.charAt(p) - 48;
        if (c < 0 || c > 63) {
          throw new RleFormatException("COCO compressed RLE has an invalid character at " + p);
        }
        x |= (long) (c & 0x1f) << (5 * k);
        more = (c & 0x20) != 0;
        p++;
        k++;
        if (!more && (c & 0x10) != 0) {
          x |= -1L << (5 * k);
        }
      }
      if (counts.size() > 2) {
        x += counts.get(counts.size() - 2);
      }
      counts.add((int) x);
    }
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Encodes counts into COCO's compressed string (pycocotools {@code rleToString}). */
  public static String compress(int[] counts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      long x = counts[i];
      if (i > 2) {
        x -= counts[i - 2];
      }
      boolean more = true;
      while (more) {
        long c = x & 0x1f;
        x >>= 5;
        more = (c & 0x10) != 0 ? x != -1 : x != 0;
        if (more) {
          c |= 0x20;
        }
        sb.append((char) (c + 48));
      }
    }
    return sb.toString();
  }
}
