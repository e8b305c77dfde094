package org.cellarena.web.pages;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.cellarena.scoring.metric.ImageResult;
import org.cellarena.scoring.metric.Outcome;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.scoring.metric.Thresholds;
import org.cellarena.scoring.rle.RunMask;
import org.cellarena.web.competition.Disclosure;

/**
 * Draws one image of a submission with the contours of its predicted masks and, where the viewer may see them, of
 * its ground-truth cells, coloured by whether each is matched at one IoU threshold, and lists them with their
 * best IoU and their {@link Outcome} at IoU 0.5 (the breakdown's vocabulary). How much is drawn and listed is the
 * viewer's {@link Disclosure} of the image:
 *
 * <ul>
 *   <li>{@code COUNTS}: the predictions in one colour ({@link #PREDICTION}) with their areas and boxes, and the
 *       image's score and TP/FP/FN counts: nothing per prediction that the ground truth decides.
 *   <li>{@code DETAIL}: the predictions matched or unmatched, with their best IoU; nothing of the cells (no
 *       pixel, contour, area, box or index).
 *   <li>{@code TRUTH}: the cells too.
 * </ul>
 *
 * <p>The outcome comes from the scoring module: {@link Scorer#scoreImage} gives each cell's and prediction's best
 * partner and IoU, and a cell or prediction is matched at t_k when that IoU exceeds t_k, as the metric decides it.
 * Colours are from the Okabe-Ito palette (readable with the common forms of colour blindness, the unmatched-cell
 * colour brightened for dark backgrounds); unmatched cells and predictions are also lightly filled so they stand
 * out without relying on hue alone.
 */
public final class OverlayRenderer {
  /** A ground-truth cell matched by a prediction at the threshold: bluish green. */
  public static final int MATCHED_CELL = 0x009E73;
  /** A prediction that matches a cell at the threshold: orange (warm against the cells' bluish green). */
  public static final int MATCHED_PREDICTION = 0xE69F00;
  /** A ground-truth cell without a matching prediction (a false negative): a bright reddish purple. */
  public static final int UNMATCHED_CELL = 0xFF5CC8;
  /** A prediction without a matching cell (a false positive): yellow. */
  public static final int UNMATCHED_PREDICTION = 0xF0E442;
  /** A prediction where matches are not shown: the matched prediction's orange, never filled. */
  public static final int PREDICTION = MATCHED_PREDICTION;
  /** The canvas when the competition has no image for this id. */
  public static final int NEUTRAL = 0x3C4043;
  /** The image is drawn in this grey range, dimmed a little so that the contours stand out. */
  static final int GREY_LO = 16, GREY_HI = 200;
  /** Opacity of the fill of unmatched cells and predictions. */
  static final double FILL_ALPHA = 0.28;

  private OverlayRenderer() {}

  /** The PNG and the table of one rendering. */
  public record Overlay(byte[] png, JsonObject table) {}

  /**
   * Renders the overlay.
   *
   * @param imageFile the competition's {@code test/<id>.png}, 8 or 16 bit; null or absent for a neutral canvas
   * @param threshold one of 0.50, 0.55, ..., 0.95
   * @param shown how much of the matching is drawn and listed (not {@code NONE})
   * @throws IllegalArgumentException when the threshold is not one of the ten
   */
  public static Overlay render(Path imageFile, int width, int height, List<RunMask> truth,
      List<RunMask> predicted, double threshold, Disclosure shown) {
    BufferedImage background = null;
    if (imageFile != null && Files.isRegularFile(imageFile)) {
      try {
        background = ImageIO.read(imageFile.toFile());
      } catch (IOException e) {
        background = null; // an unreadable image is drawn as the neutral canvas
      }
    }
    return render(background, width, height, truth, predicted, threshold, shown);
  }

  /** Renders the overlay over an already loaded image (null for a neutral canvas). */
  public static Overlay render(BufferedImage image, int width, int height, List<RunMask> truth,
      List<RunMask> predicted, double threshold, Disclosure shown) {
    int k = Thresholds.indexOf(threshold);
    if (k < 0) {
      throw new IllegalArgumentException("threshold must be one of 0.50, 0.55, ..., 0.95; got " + threshold);
    }
    ImageResult result = Scorer.scoreImage(truth, predicted);
    boolean[] cellMatched = matched(result.cellBestIou(), k);
    boolean[] predictionMatched = matched(result.predictionBestIou(), k);
    if (!shown.showsOutcomes()) { // drawn as if all matched: one colour, no fill
      Arrays.fill(predictionMatched, true);
    }
    int[] rgb = background(image, width, height);
    draw(rgb, shown.showsTruth() ? truth : List.of(), cellMatched, predicted, predictionMatched);
    return new Overlay(png(rgb, width, height),
        table(result, truth, predicted, cellMatched, predictionMatched, k, width, height, image != null, shown));
  }

  /**
   * Which cells (or predictions) the scorer matched at t_k: those whose best partner's IoU exceeds it. The
   * scorer's IoU is a correctly rounded quotient of pixel counts, so this agrees with its exact integer test
   * ({@link Thresholds#exceeds}) for any image under 2^31 pixels: a quotient that exceeds t_k does so by more than
   * 1/(20 union), far above the rounding.
   */
  private static boolean[] matched(double[] bestIou, int k) {
    boolean[] matched = new boolean[bestIou.length];
    for (int i = 0; i < bestIou.length; i++) {
      matched[i] = bestIou[i] > Thresholds.value(k);
    }
    return matched;
  }

  /** Fills first, then contours: matched predictions, matched cells, unmatched predictions, unmatched cells on top. */
  private static void draw(int[] rgb, List<RunMask> cells, boolean[] cellMatched, List<RunMask> predicted,
      boolean[] predictionMatched) {
    paint(rgb, predicted, predictionMatched, false, UNMATCHED_PREDICTION, true);
    paint(rgb, cells, cellMatched, false, UNMATCHED_CELL, true);
    paint(rgb, predicted, predictionMatched, true, MATCHED_PREDICTION, false);
    paint(rgb, cells, cellMatched, true, MATCHED_CELL, false);
    paint(rgb, predicted, predictionMatched, false, UNMATCHED_PREDICTION, false);
    paint(rgb, cells, cellMatched, false, UNMATCHED_CELL, false);
  }

  /** Fills or outlines, in {@code color}, the masks whose matched flag is {@code which}. */
  private static void paint(int[] rgb, List<RunMask> masks, boolean[] matched, boolean which, int color,
      boolean fill) {
    for (int i = 0; i < masks.size(); i++) {
      if (matched[i] == which) {
        if (fill) {
          fill(rgb, masks.get(i), color);
        } else {
          contour(rgb, masks.get(i), color);
        }
      }
    }
  }

  private static byte[] png(int[] rgb, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, width, height, rgb, 0, width);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(out, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  private static JsonObject table(ImageResult r, List<RunMask> truth, List<RunMask> predicted,
      boolean[] cellMatched, boolean[] predictionMatched, int k, int width, int height, boolean imagePresent,
      Disclosure shown) {
    JsonObject table = new JsonObject()
        .put("threshold", Thresholds.value(k))
        .put("width", width)
        .put("height", height)
        .put("image", imagePresent)
        .put("shown", shown.name().toLowerCase(Locale.ROOT))
        .put("truth", shown.showsTruth())
        .put("score", round(r.score()))
        .put("precision", round(r.precision(k)))
        .put("tp", r.tp()[k])
        .put("fp", r.fp()[k])
        .put("fn", r.fn()[k])
        .put("predictions", predictions(r, predicted, predictionMatched, shown))
        .put("colors", new JsonObject()
            .put("matched_cell", hex(MATCHED_CELL))
            .put("matched_prediction", hex(MATCHED_PREDICTION))
            .put("unmatched_cell", hex(UNMATCHED_CELL))
            .put("unmatched_prediction", hex(UNMATCHED_PREDICTION))
            .put("prediction", hex(PREDICTION)));
    if (shown.showsOutcomes()) {
      int matched = 0;
      for (boolean m : predictionMatched) {
        matched += m ? 1 : 0;
      }
      table.put("matched_predictions", matched).put("unmatched_predictions", predicted.size() - matched);
    }
    if (shown.showsTruth()) {
      table.put("cells", cells(r, truth, cellMatched));
    }
    return table;
  }

  /** Each prediction's index, area and box; its best IoU and outcome where shown; its best cell with the truth. */
  private static JsonArray predictions(ImageResult r, List<RunMask> predicted, boolean[] matched, Disclosure shown) {
    JsonArray predictions = new JsonArray();
    for (int q = 0; q < predicted.size(); q++) {
      RunMask m = predicted.get(q);
      JsonObject p = new JsonObject().put("index", q + 1).put("area", m.area()).put("bbox", bbox(m));
      if (shown.showsOutcomes()) {
        p.put("best_iou", round(r.predictionBestIou()[q])).put("outcome", matched[q] ? "matched" : "unmatched");
      }
      if (shown.showsTruth()) {
        p.put("best_cell", r.predictionBestCell()[q] < 0 ? null : r.predictionBestCell()[q] + 1)
            .put("at_0_5", r.predictionOutcomes()[q].label());
      }
      predictions.add(p);
    }
    return predictions;
  }

  private static JsonArray cells(ImageResult r, List<RunMask> truth, boolean[] cellMatched) {
    JsonArray cells = new JsonArray();
    for (int c = 0; c < truth.size(); c++) {
      RunMask m = truth.get(c);
      cells.add(new JsonObject()
          .put("index", c + 1)
          .put("area", m.area())
          .put("best_iou", round(r.cellBestIou()[c]))
          .put("best_prediction", r.cellBestPrediction()[c] < 0 ? null : r.cellBestPrediction()[c] + 1)
          .put("outcome", cellMatched[c] ? "matched" : "unmatched")
          .put("at_0_5", r.cellOutcomes()[c].label())
          .put("bbox", bbox(m)));
    }
    return cells;
  }

  private static JsonArray bbox(RunMask m) {
    return m.isEmpty() ? new JsonArray() : new JsonArray().add(m.minCol()).add(m.minRow())
        .add(m.maxCol()).add(m.maxRow());
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static String hex(int rgb) {
    return String.format("#%06X", rgb);
  }

  /**
   * The image as opaque grey RGB, contrast-stretched between its 0.5th and 99.5th percentiles onto
   * [{@link #GREY_LO}, {@link #GREY_HI}] (phase-contrast
   * micrographs use a narrow band of grey); the neutral canvas when absent. An image of another size is scaled.
   */
  static int[] background(BufferedImage image, int width, int height) {
    int[] rgb = new int[width * height];
    if (image == null) {
      Arrays.fill(rgb, NEUTRAL);
      return rgb;
    }
    Raster raster = image.getRaster();
    int iw = image.getWidth(), ih = image.getHeight();
    // Grey samples are read as they are (8 or 16 bit); anything else (RGB, palette, alpha) through its colours.
    boolean grey = image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
        && !(image.getColorModel() instanceof java.awt.image.IndexColorModel) && raster.getNumBands() <= 2;
    boolean wide = grey && raster.getSampleModel().getSampleSize(0) > 8;
    int max = wide ? 65535 : 255;
    double[] gray = new double[width * height];
    int[] histogram = new int[max + 1];
    for (int y = 0; y < height; y++) {
      int sy = (int) ((long) y * ih / height);
      for (int x = 0; x < width; x++) {
        int sx = (int) ((long) x * iw / width);
        int v;
        if (grey) {
          v = raster.getSample(sx, sy, 0);
        } else {
          int c = image.getRGB(sx, sy);
          v = (((c >> 16) & 255) * 299 + ((c >> 8) & 255) * 587 + (c & 255) * 114) / 1000;
        }
        v = Math.max(0, Math.min(max, v));
        histogram[v]++;
        gray[y * width + x] = v;
      }
    }
    int lo = percentile(histogram, 0.005 * gray.length), hi = percentile(histogram, 0.995 * gray.length);
    if (hi <= lo) {
      lo = 0;
      hi = max;
    }
    for (int i = 0; i < gray.length; i++) {
      double unit = Math.max(0, Math.min(1, (gray[i] - lo) / (hi - lo)));
      int g = (int) Math.round(GREY_LO + (GREY_HI - GREY_LO) * unit);
      rgb[i] = (g << 16) | (g << 8) | g;
    }
    return rgb;
  }

  private static int percentile(int[] histogram, double rank) {
    long seen = 0;
    for (int v = 0; v < histogram.length; v++) {
      seen += histogram[v];
      if (seen > rank) {
        return v;
      }
    }
    return histogram.length - 1;
  }

  /** Blends the mask's pixels towards {@code color}. */
  private static void fill(int[] rgb, RunMask m, int color) {
    for (int i = 0; i < m.runCount(); i++) {
      int s = m.runStart(i), e = s + m.runLength(i);
      for (int p = s; p < e; p++) {
        rgb[p] = blend(rgb[p], color, FILL_ALPHA);
      }
    }
  }

  static int blend(int under, int over, double alpha) {
    int r = (int) Math.round(((under >> 16) & 255) * (1 - alpha) + ((over >> 16) & 255) * alpha);
    int g = (int) Math.round(((under >> 8) & 255) * (1 - alpha) + ((over >> 8) & 255) * alpha);
    int b = (int) Math.round((under & 255) * (1 - alpha) + (over & 255) * alpha);
    return (r << 16) | (g << 8) | b;
  }

  /**
   * Paints the mask's boundary: its pixels with a 4-neighbour outside the mask or outside the image. Walks the
   * runs, so the cost is the mask's area, never the image's.
   */
  private static void contour(int[] rgb, RunMask m, int color) {
    int w = m.width(), h = m.height();
    for (int i = 0; i < m.runCount(); i++) {
      int s = m.runStart(i), e = s + m.runLength(i);
      for (int p = s; p < e; p++) {
        int row = p / w, col = p % w;
        boolean edge = col == 0 || col == w - 1 || row == 0 || row == h - 1
            || ((p == s || p == e - 1) && (!m.contains(row, col - 1) || !m.contains(row, col + 1)))
            || !m.contains(row - 1, col) || !m.contains(row + 1, col);
        if (edge) {
          rgb[p] = color;
        }
      }
    }
  }
}
