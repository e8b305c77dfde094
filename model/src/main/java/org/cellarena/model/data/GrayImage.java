package org.cellarena.model.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * A grayscale image as floats on the 8-bit scale (0..255), read with OpenCV: 8- or 16-bit PNGs (16-bit values
 * divided by 257; never a 16-bit NDArray, which aborts the engine), colour images converted to gray.
 */
public final class GrayImage {
  private static volatile boolean loaded;

  public final int width;
  public final int height;
  public final float[] values;

  public GrayImage(int width, int height, float[] values) {
    this.width = width;
    this.height = height;
    this.values = values;
  }

  /** Loads OpenCV's native library once. */
  public static void loadOpenCv() {
    if (!loaded) {
      synchronized (GrayImage.class) {
        if (!loaded) {
          nu.pattern.OpenCV.loadLocally();
          loaded = true;
        }
      }
    }
  }

  public static GrayImage read(Path path) {
    loadOpenCv();
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("image not found: " + path);
    }
    Mat m = Imgcodecs.imread(path.toString(), Imgcodecs.IMREAD_UNCHANGED);
    if (m.empty()) {
      throw new IllegalArgumentException("cannot read image " + path);
    }
    try {
      if (m.channels() == 3) {
        Imgproc.cvtColor(m, m, Imgproc.COLOR_BGR2GRAY);
      } else if (m.channels() == 4) {
        Imgproc.cvtColor(m, m, Imgproc.COLOR_BGRA2GRAY);
      }
      double scale = m.depth() == CvType.CV_16U ? 1.0 / 257.0 : 1.0;
      Mat f = new Mat();
      m.convertTo(f, CvType.CV_32F, scale);
      float[] v = new float[(int) f.total()];
      f.get(0, 0, v);
      GrayImage g = new GrayImage(f.cols(), f.rows(), v);
      f.release();
      return g;
    } finally {
      m.release();
    }
  }

  /** Writes an 8-bit PNG (values rounded and clamped to 0..255). */
  public void writePng(Path png) {
    loadOpenCv();
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) Math.max(0, Math.min(255, Math.round(values[i])));
    }
    Mat m = new Mat(height, width, CvType.CV_8UC1);
    try {
      m.put(0, 0, bytes);
      if (!Imgcodecs.imwrite(png.toString(), m)) {
        throw new IllegalArgumentException("cannot write image " + png);
      }
    } finally {
      m.release();
    }
  }

  /** Bilinear resize (OpenCV INTER_LINEAR, as mmdet). */
  public GrayImage resize(int newWidth, int newHeight) {
    if (newWidth == width && newHeight == height) {
      return this;
    }
    loadOpenCv();
    Mat src = new Mat(height, width, CvType.CV_32F);
    src.put(0, 0, values);
    Mat dst = new Mat();
    Imgproc.resize(src, dst, new Size(newWidth, newHeight), 0, 0, Imgproc.INTER_LINEAR);
    float[] v = new float[newWidth * newHeight];
    dst.get(0, 0, v);
    src.release();
    dst.release();
    return new GrayImage(newWidth, newHeight, v);
  }

  /** A flipped copy. */
  public GrayImage flip(boolean horizontal, boolean vertical) {
    if (!horizontal && !vertical) {
      return this;
    }
    float[] v = new float[values.length];
    for (int y = 0; y < height; y++) {
      int sy = vertical ? height - 1 - y : y;
      for (int x = 0; x < width; x++) {
        int sx = horizontal ? width - 1 - x : x;
        v[y * width + x] = values[sy * width + sx];
      }
    }
    return new GrayImage(width, height, v);
  }
}
