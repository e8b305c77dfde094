package org.cellarena.harness.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.cellarena.scoring.rle.RunMask;

/**
 * One annotation's COCO segmentation as read from the JSON stream: polygons or RLE, kept in binary in the spill
 * file between the two passes and turned into a mask once its image's size is known. Malformed or misfitting
 * segmentations throw {@link IllegalArgumentException} saying what is wrong; the caller adds where.
 */
sealed interface CocoSegmentation permits CocoPolygons, CocoRleSegmentation {
  /** A hostile annotation cannot hold more numbers than this (a 704x520 cell outline needs a few hundred). */
  int MAX_NUMBERS = 1 << 22;

  /** The mask on a width x height image; throws when the segmentation does not fit it. */
  RunMask mask(int width, int height);

  /** Throws when the segmentation does not fit a width x height image (cheaper than {@link #mask} for polygons). */
  void checkFits(int width, int height);

  void write(DataOutput out) throws IOException;

  static CocoSegmentation read(DataInput in) throws IOException {
    return in.readByte() == CocoPolygons.TAG ? CocoPolygons.read(in) : CocoRleSegmentation.read(in);
  }

  /** Parses the value at the parser's current token: an RLE object or a list of polygons. */
  static CocoSegmentation parse(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_ARRAY -> CocoPolygons.parse(p);
      case START_OBJECT -> CocoRleSegmentation.parse(p);
      default -> throw new IllegalArgumentException(
          "expected an RLE object or a list of polygons, found " + p.getText());
    };
  }

  /** The number at the parser's current token. */
  static Number number(JsonParser p) throws IOException {
    if (!p.currentToken().isNumeric()) {
      throw new IllegalArgumentException("expected a number, found " + p.getText());
    }
    return p.getNumberValue();
  }
}
