package org.cellarena.harness.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cellarena.scoring.rle.RunMask;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * COCO polygons ({@code [[x1, y1, x2, y2, ...], ...]} in pixel coordinates), filled with OpenCV at pixel centres,
 * so a boundary pixel may differ from pycocotools' rasterisation. A point may lie on the image's edge or up to
 * {@link #SLACK} pixels beyond it (LIVECell's outlines reach 0 and the width); further out, the polygon does not
 * fit its image.
 */
record CocoPolygons(List<double[]> polygons) implements CocoSegmentation {
  static final byte TAG = 1;
  static final double SLACK = 1;

  @Override
  public void checkFits(int width, int height) {
    for (double[] xy : polygons) {
      for (int k = 0; k < xy.length; k += 2) {
        double x = xy[k];
        double y = xy[k + 1];
        if (!(x >= -SLACK && x <= width + SLACK && y >= -SLACK && y <= height + SLACK)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "polygon point (%s, %s) lies outside the %dx%d image", x, y, width, height));
        }
      }
    }
  }

  /** Fills the polygons within their bounding box. */
  @Override
  public RunMask mask(int width, int height) {
    checkFits(width, height);
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (double[] xy : polygons) {
      for (int k = 0; k < xy.length; k += 2) {
        minX = Math.min(minX, xy[k]);
        maxX = Math.max(maxX, xy[k]);
        minY = Math.min(minY, xy[k + 1]);
        maxY = Math.max(maxY, xy[k + 1]);
      }
    }
    int x0 = Math.max(0, (int) Math.floor(minX));
    int y0 = Math.max(0, (int) Math.floor(minY));
    int x1 = Math.min(width - 1, (int) Math.ceil(maxX));
    int y1 = Math.min(height - 1, (int) Math.ceil(maxY));
    if (x1 < x0 || y1 < y0) {
      return RunMask.empty(width, height);
    }
    return fill(x0, y0, x1 - x0 + 1, y1 - y0 + 1, width, height);
  }

  private RunMask fill(int x0, int y0, int w, int h, int width, int height) {
    OpenCv.load();
    List<MatOfPoint> shapes = new ArrayList<>();
    for (double[] xy : polygons) {
      Point[] points = new Point[xy.length / 2];
      for (int k = 0; k < points.length; k++) {
        points[k] = new Point(Math.round(xy[2 * k]) - x0, Math.round(xy[2 * k + 1]) - y0);
      }
      shapes.add(new MatOfPoint(points));
    }
    Mat canvas = Mat.zeros(h, w, CvType.CV_8U);
    Imgproc.fillPoly(canvas, shapes, new Scalar(1));
    byte[] pixels = new byte[w * h];
    canvas.get(0, 0, pixels);
    canvas.release();
    shapes.forEach(Mat::release);
    RunMask.RunBuilder runs = new RunMask.RunBuilder(width, height);
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        if (pixels[j * w + i] != 0) {
          runs.add((y0 + j) * width + x0 + i);
        }
      }
    }
    return runs.build();
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeByte(TAG);
    out.writeInt(polygons.size());
    for (double[] xy : polygons) {
      out.writeInt(xy.length);
      for (double v : xy) {
        out.writeDouble(v);
      }
    }
  }

  static CocoPolygons read(DataInput in) throws IOException {
    List<double[]> polygons = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      double[] xy = new double[in.readInt()];
      for (int i = 0; i < xy.length; i++) {
        xy[i] = in.readDouble();
      }
      polygons.add(xy);
    }
    return new CocoPolygons(polygons);
  }

  /** Parses {@code [[x1, y1, ...], ...]}, the parser on its opening bracket. */
  static CocoPolygons parse(JsonParser p) throws IOException {
    List<double[]> polygons = new ArrayList<>();
    int numbers = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("a polygon is a list of x, y numbers, found " + p.getText());
      }
      double[] xy = new double[64];
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (++numbers > MAX_NUMBERS) {
          throw new IllegalArgumentException("more than " + MAX_NUMBERS + " polygon numbers in one annotation");
        }
        if (n == xy.length) {
          xy = Arrays.copyOf(xy, 2 * n);
        }
        xy[n++] = CocoSegmentation.number(p).doubleValue();
      }
      if (n < 6 || n % 2 != 0) {
        throw new IllegalArgumentException("a polygon needs at least 3 x, y pairs, found " + n + " numbers");
      }
      polygons.add(Arrays.copyOf(xy, n));
    }
    return new CocoPolygons(polygons);
  }
}
