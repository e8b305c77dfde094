package org.cellarena.harness.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** Grayscale PNG input and output: 8 or 16 bit in, 8 bit out. */
public final class PngImages {
  private PngImages() {}

  /** The image as one 8-bit gray channel; a 16-bit image is stretched from its own min..max to 0..255. */
  public static Mat read8Bit(Path file) throws IOException {
    Mat raw = readGray(file);
    if (raw.depth() == CvType.CV_8U) {
      return raw;
    }
    Mat gray = new Mat();
    Core.normalize(raw, gray, 0, 255, Core.NORM_MINMAX, CvType.CV_8U);
    raw.release();
    return gray;
  }

  /** The image as read, 8 or 16 bit, one gray channel; a clear error when it is missing or unreadable. */
  private static Mat readGray(Path file) throws IOException {
    OpenCv.load();
    if (!Files.isRegularFile(file)) {
      throw new DataException("missing image " + file);
    }
    Mat raw = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_ANYDEPTH | Imgcodecs.IMREAD_GRAYSCALE);
    if (raw.empty()) {
      throw new DataException("not a readable image: " + file);
    }
    return raw;
  }

  /** The image's gray values (0..255 for 8 bit, 0..65535 for 16 bit), row-major. */
  public static float[] readPixels(Path file) throws IOException {
    Mat raw = readGray(file);
    Mat floats = new Mat();
    raw.convertTo(floats, CvType.CV_32F);
    float[] pixels = new float[raw.rows() * raw.cols()];
    floats.get(0, 0, pixels);
    raw.release();
    floats.release();
    return pixels;
  }

  /** Writes row-major gray values as an 8-bit PNG (rounded, clamped to 0..255). */
  public static void write8Bit(Path file, float[] pixels, int width, int height) throws IOException {
    OpenCv.load();
    byte[] bytes = new byte[width * height];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Math.max(0, Math.min(255, Math.round(pixels[i])));
    }
    Mat mat = new Mat(height, width, CvType.CV_8UC1);
    mat.put(0, 0, bytes);
    write(file, mat);
    mat.release();
  }

  /** Writes an OpenCV image as PNG, creating the folder. */
  public static void write(Path file, Mat image) throws IOException {
    OpenCv.load();
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (!Imgcodecs.imwrite(file.toString(), image)) {
      throw new IOException("could not write " + file);
    }
  }
}
