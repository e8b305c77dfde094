package org.cellarena.harness.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.cellarena.scoring.rle.CocoRle;
import org.cellarena.scoring.rle.RunMask;

/**
 * COCO run-length encoding: {@code {"size": [h, w], "counts": "..."}} (compressed) or {@code "counts": [...]}
 * (uncompressed); {@code size} absent is height and width -1.
 */
record CocoRleSegmentation(int height, int width, String compressed, int[] counts) implements CocoSegmentation {
  static final byte TAG = 2;

  @Override
  public RunMask mask(int imageWidth, int imageHeight) {
    if (height >= 0 && (height != imageHeight || width != imageWidth)) {
      throw new IllegalArgumentException("RLE size [" + height + ", " + width + "] is not the image's ["
          + imageHeight + ", " + imageWidth + "]");
    }
    return CocoRle.toRunMask(compressed != null ? CocoRle.decompress(compressed) : counts, imageWidth, imageHeight);
  }

  @Override
  public void checkFits(int imageWidth, int imageHeight) {
    mask(imageWidth, imageHeight);
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(TAG);
    out.writeInt(height);
    out.writeInt(width);
    out.writeBoolean(compressed != null);
    if (compressed != null) {
      AnnotationSpill.writeString(out, compressed);
    } else {
      out.writeInt(counts.length);
      for (int c : counts) {
        out.writeInt(c);
      }
    }
  }

  static CocoRleSegmentation read(DataInput in) throws IOException {
    int height = in.readInt();
    int width = in.readInt();
    if (in.readBoolean()) {
      return new CocoRleSegmentation(height, width, AnnotationSpill.readString(in), null);
    }
    int[] counts = new int[in.readInt()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = in.readInt();
    }
    return new CocoRleSegmentation(height, width, null, counts);
  }

  static CocoRleSegmentation parse(JsonParser p) throws IOException {
    int[] size = null;
    Object counts = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("size")) {
        size = ints(p, 2);
        if (size.length != 2) {
          throw new IllegalArgumentException("RLE size must be [height, width], found " + size.length + " numbers");
        }
      } else if (field.equals("counts") && value == JsonToken.VALUE_STRING) {
        counts = p.getText();
      } else if (field.equals("counts") && value == JsonToken.START_ARRAY) {
        counts = ints(p, CocoSegmentation.MAX_NUMBERS);
      } else {
        p.skipChildren();
      }
    }
    if (counts == null) {
      throw new IllegalArgumentException("RLE without counts (a string or a list of numbers)");
    }
    int height = size == null ? -1 : size[0];
    int width = size == null ? -1 : size[1];
    return counts instanceof String s ? new CocoRleSegmentation(height, width, s, null)
        : new CocoRleSegmentation(height, width, null, (int[]) counts);
  }

  /** The integers of the array at the parser's current token, at most {@code max} of them. */
  private static int[] ints(JsonParser p, int max) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("expected a list of numbers, found " + p.getText());
    }
    int[] values = new int[16];
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (n == max) {
        throw new IllegalArgumentException("more than " + max + " numbers in a list");
      }
      if (n == values.length) {
        values = Arrays.copyOf(values, 2 * n);
      }
      values[n++] = CocoSegmentation.number(p).intValue();
    }
    return Arrays.copyOf(values, n);
  }
}
