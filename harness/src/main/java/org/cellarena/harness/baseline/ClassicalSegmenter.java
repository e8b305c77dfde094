package org.cellarena.harness.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cellarena.harness.dataset.OpenCv;
import org.cellarena.scoring.rle.RunMask;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds cells in one phase-contrast image without learning:
 * <ol>
 *   <li>flatten: subtract a wide median (smoothed), so uneven illumination goes; smooth the noise;</li>
 *   <li>threshold the darkness (cell bodies are darker than the background, their halos brighter) with
 *       hysteresis: regions darker than median + {@code lowMads} MADs that somewhere reach median +
 *       {@code thresholdMads} MADs (most pixels are background, so median and MAD measure its noise);</li>
 *   <li>clean: close, fill holes, open (which also cuts thin neurites off the bodies);</li>
 *   <li>split touching cells: watershed on the distance transform from its local maxima;</li>
 *   <li>grow each cell back by {@code growSteps} pixels (smoothing and watershed lines take a rim);</li>
 *   <li>drop objects below the minimum area.</li>
 * </ol>
 * Each pixel gets at most one label, so the masks never overlap.
 */
public final class ClassicalSegmenter {
  /** Tunable settings; {@link CellTypeSettings} holds those that suit each cell type. */
  public record Settings(int backgroundWindow, double smoothSigma, double lowMads, double thresholdMads, int openSize,
      int peakWindow, int growSteps, int minArea) {}

  private final Settings settings;

  public ClassicalSegmenter(Settings settings) {
    this.settings = settings;
  }

  /** The cells found in an 8-bit gray image. */
  public List<RunMask> segment(Mat gray) {
    OpenCv.load();
    Mat foreground = foreground(gray);
    Mat labels = splitTouching(foreground);
    List<RunMask> cells = masks(labels, gray.cols(), gray.rows());
    foreground.release();
    labels.release();
    return cells;
  }

  /** Steps 1-3: the binary (0/255) mask of everything that looks like a cell body. */
  Mat foreground(Mat gray) {
    Mat image = new Mat();
    gray.convertTo(image, CvType.CV_32F);
    Mat median = new Mat();
    Imgproc.medianBlur(gray, median, settings.backgroundWindow());
    Mat background = new Mat();
    median.convertTo(background, CvType.CV_32F);
    Imgproc.GaussianBlur(background, background, new Size(0, 0), settings.backgroundWindow() / 4.0);
    median.release();
    Mat flat = new Mat();
    Core.subtract(image, background, flat);
    Imgproc.GaussianBlur(flat, flat, new Size(0, 0), settings.smoothSigma());
    Mat darkness = new Mat();
    Core.multiply(flat, new Scalar(-1), darkness);
    double[] level = robustLevel(darkness);
    Mat mask = hysteresis(darkness, level[0] + settings.lowMads() * level[1],
        level[0] + settings.thresholdMads() * level[1]);
    Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_CLOSE, disc(3));
    fillHoles(mask);
    Imgproc.morphologyEx(mask, mask, Imgproc.MORPH_OPEN, disc(settings.openSize()));
    for (Mat m : List.of(image, background, flat, darkness)) {
      m.release();
    }
    return mask;
  }

  /** The median and the median absolute deviation of an image (sampled): most pixels are background. */
  private static double[] robustLevel(Mat darkness) {
    float[] values = new float[(int) darkness.total()];
    darkness.get(0, 0, values);
    float[] sample = new float[Math.min(values.length, 50_000)];
    int step = Math.max(1, values.length / sample.length);
    for (int i = 0; i < sample.length; i++) {
      sample[i] = values[Math.min(values.length - 1, i * step)];
    }
    Arrays.sort(sample);
    double median = sample[sample.length / 2];
    float[] deviations = new float[sample.length];
    for (int i = 0; i < sample.length; i++) {
      deviations[i] = (float) Math.abs(sample[i] - median);
    }
    Arrays.sort(deviations);
    return new double[] {median, deviations[deviations.length / 2]};
  }

  /** 255 where {@code values} pass {@code low} in a connected region that somewhere passes {@code high}. */
  private static Mat hysteresis(Mat values, double low, double high) {
    Mat weak = new Mat();
    Imgproc.threshold(values, weak, low, 255, Imgproc.THRESH_BINARY);
    weak.convertTo(weak, CvType.CV_8U);
    Mat regions = new Mat();
    int count = Imgproc.connectedComponents(weak, regions, 8, CvType.CV_32S);
    int[] label = new int[(int) regions.total()];
    regions.get(0, 0, label);
    float[] value = new float[label.length];
    values.get(0, 0, value);
    boolean[] strong = new boolean[count];
    for (int p = 0; p < label.length; p++) {
      if (value[p] > high) {
        strong[label[p]] = true;
      }
    }
    byte[] out = new byte[label.length];
    for (int p = 0; p < label.length; p++) {
      if (label[p] > 0 && strong[label[p]]) {
        out[p] = (byte) 255;
      }
    }
    Mat mask = new Mat(values.rows(), values.cols(), CvType.CV_8U);
    mask.put(0, 0, out);
    weak.release();
    regions.release();
    return mask;
  }

  /** Fills the background-enclosed holes of a 0/255 mask (flood from the border, keep what was not reached). */
  private static void fillHoles(Mat mask) {
    Mat padded = new Mat();
    Core.copyMakeBorder(mask, padded, 1, 1, 1, 1, Core.BORDER_CONSTANT, new Scalar(0));
    Mat flood = padded.clone();
    Mat floodMask = Mat.zeros(padded.rows() + 2, padded.cols() + 2, CvType.CV_8U);
    Imgproc.floodFill(flood, floodMask, new Point(0, 0), new Scalar(255));
    Mat holes = new Mat();
    Core.bitwise_not(flood, holes);
    Core.bitwise_or(padded, holes, padded);
    padded.submat(1, padded.rows() - 1, 1, padded.cols() - 1).copyTo(mask);
    for (Mat m : List.of(padded, flood, floodMask, holes)) {
      m.release();
    }
  }

  /** Step 4: a label image (CV_32S): 0 and 1 background, 2.. cells, -1 on watershed lines. */
  Mat splitTouching(Mat foreground) {
    Mat distance = new Mat();
    Imgproc.distanceTransform(foreground, distance, Imgproc.DIST_L2, 5);
    Imgproc.GaussianBlur(distance, distance, new Size(0, 0), 1.0);
    Mat dilated = new Mat();
    Imgproc.dilate(distance, dilated, disc(settings.peakWindow()));
    Mat peaks = new Mat();
    Core.compare(distance, dilated, peaks, Core.CMP_GE);
    Mat inside = new Mat();
    Imgproc.threshold(distance, inside, 1.5, 255, Imgproc.THRESH_BINARY);
    inside.convertTo(inside, CvType.CV_8U);
    Core.bitwise_and(peaks, inside, peaks);

    Mat markers = new Mat();
    Imgproc.connectedComponents(peaks, markers, 8, CvType.CV_32S);
    Core.add(markers, new Scalar(1), markers);
    Mat unknown = new Mat();
    Core.subtract(foreground, peaks, unknown);
    markers.setTo(new Scalar(0), unknown);

    Mat relief = new Mat();
    Core.normalize(distance, relief, 0, 255, Core.NORM_MINMAX, CvType.CV_8U);
    Core.bitwise_not(relief, relief);
    Mat colour = new Mat();
    Imgproc.cvtColor(relief, colour, Imgproc.COLOR_GRAY2BGR);
    Imgproc.watershed(colour, markers);
    for (Mat m : List.of(distance, dilated, peaks, inside, unknown, relief, colour)) {
      m.release();
    }
    return markers;
  }

  /** Steps 5-6: grown, one run mask per label of at least {@code minArea} pixels, built in one row-major pass. */
  private List<RunMask> masks(Mat labels, int width, int height) {
    int[] values = new int[width * height];
    labels.get(0, 0, values);
    for (int step = 0; step < settings.growSteps(); step++) {
      values = grow(values, width, height);
    }
    int maxLabel = 0;
    for (int v : values) {
      maxLabel = Math.max(maxLabel, v);
    }
    int[] areas = new int[maxLabel + 1];
    for (int v : values) {
      if (v > 1) {
        areas[v]++;
      }
    }
    RunMask.RunBuilder[] builders = new RunMask.RunBuilder[maxLabel + 1];
    for (int p = 0; p < values.length; p++) {
      int v = values[p];
      if (v > 1 && areas[v] >= settings.minArea()) {
        if (builders[v] == null) {
          builders[v] = new RunMask.RunBuilder(width, height);
        }
        builders[v].add(p);
      }
    }
    List<RunMask> cells = new ArrayList<>();
    for (RunMask.RunBuilder b : builders) {
      if (b != null) {
        cells.add(b.build());
      }
    }
    return cells;
  }

  /**
   * One step of growth: each unlabelled pixel (background or a watershed line) next to a cell takes that cell's
   * label (the first of left, right, up, down). It gives back the rim that smoothing and the lines took.
   */
  private static int[] grow(int[] labels, int width, int height) {
    int[] grown = labels.clone();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = y * width + x;
        if (labels[p] > 1) {
          continue;
        }
        int label = 0;
        if (x > 0 && labels[p - 1] > 1) {
          label = labels[p - 1];
        } else if (x < width - 1 && labels[p + 1] > 1) {
          label = labels[p + 1];
        } else if (y > 0 && labels[p - width] > 1) {
          label = labels[p - width];
        } else if (y < height - 1 && labels[p + width] > 1) {
          label = labels[p + width];
        }
        if (label > 1) {
          grown[p] = label;
        }
      }
    }
    return grown;
  }

  private static Mat disc(int size) {
    return Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(size, size));
  }
}
