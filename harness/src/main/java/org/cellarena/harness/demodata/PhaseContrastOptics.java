package org.cellarena.harness.demodata;

import java.util.Random;
import org.cellarena.harness.dataset.OpenCv;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Images a thickness map the way a phase-contrast microscope roughly does: the gray level drops with the
 * thickness minus its blurs at two scales (a band-pass of the optical path), so bodies and neurites come out
 * dark and every edge gets a bright halo outside, with a slight relief (light from one side); then a gray
 * background (mean 128, as the competition's images) that is nearly flat, as in the real images (flat-field
 * corrected: their 64x64 block medians differ by at most 3 gray levels), with faint grain, scan lines and sensor
 * noise. Output: 8-bit range gray values, row-major.
 */
final class PhaseContrastOptics {
  private PhaseContrastOptics() {}

  static float[] image(ThicknessMap map, Random random) {
    OpenCv.load();
    int w = map.width;
    int h = map.height;
    Mat thickness = new Mat(h, w, CvType.CV_32F);
    thickness.put(0, 0, map.values);
    float[] sharp = blur(thickness, 0.5);
    float[] near = blur(thickness, 1.2 + random.nextDouble() * 0.4);
    float[] wide = blur(thickness, 6 + random.nextDouble() * 2);
    thickness.release();

    float[] grain = new float[w * h];
    for (int p = 0; p < grain.length; p++) {
      grain[p] = (float) random.nextGaussian();
    }
    Mat grainMat = new Mat(h, w, CvType.CV_32F);
    grainMat.put(0, 0, grain);
    float[] fineGrain = blur(grainMat, 0.55);
    grainMat.release();

    double base = 128;
    double stripes = 0.2 + random.nextDouble() * 0.4;
    double edgeContrast = 110 + random.nextDouble() * 30;
    double relief = 12 + random.nextDouble() * 10;
    double bodyContrast = 12 + random.nextDouble() * 6;
    double tiltX = (random.nextDouble() - 0.5) * 3;
    double tiltY = (random.nextDouble() - 0.5) * 3;
    double spotX = random.nextDouble() * w;
    double spotY = random.nextDouble() * h;
    double spotRadius = 0.4 * Math.max(w, h) * (0.7 + random.nextDouble());
    double spotGain = (random.nextDouble() - 0.3) * 3;
    double noise = 0.6 + 0.4 * random.nextDouble();
    float[] pixels = new float[w * h];
    for (int y = 0; y < h; y++) {
      double scanLine = 0.3 * random.nextGaussian() + stripes * ((y % 3) - 1);
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        double dx = (x - spotX) / spotRadius;
        double dy = (y - spotY) / spotRadius;
        double light = base + tiltX * (x / (double) w - 0.5) + tiltY * (y / (double) h - 0.5)
            + spotGain * Math.exp(-(dx * dx + dy * dy));
        double phase = -edgeContrast * (sharp[p] - near[p]) - bodyContrast * (sharp[p] - wide[p]);
        if (x > 0 && y > 0 && x < w - 1 && y < h - 1) {
          phase += relief * (sharp[p - w - 1] - sharp[p + w + 1]);
        }
        pixels[p] = (float) (light + phase + 1.5 * fineGrain[p] + scanLine + noise * random.nextGaussian());
      }
    }
    centreOn(pixels, base);
    return pixels;
  }

  /** Shifts the gray values so their mean is {@code mean}, as the competition's images were normalised. */
  private static void centreOn(float[] pixels, double mean) {
    double sum = 0;
    for (float v : pixels) {
      sum += v;
    }
    float shift = (float) (mean - sum / pixels.length);
    for (int p = 0; p < pixels.length; p++) {
      pixels[p] += shift;
    }
  }

  private static float[] blur(Mat source, double sigma) {
    Mat blurred = new Mat();
    Imgproc.GaussianBlur(source, blurred, new Size(0, 0), sigma, sigma, org.opencv.core.Core.BORDER_REFLECT);
    float[] values = new float[source.rows() * source.cols()];
    blurred.get(0, 0, values);
    blurred.release();
    return values;
  }
}
