package org.cellarena.model.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.model.Detections;
import org.cellarena.model.MaskRcnn;
import org.cellarena.model.data.GrayImage;
import org.cellarena.model.data.ImageTransform;
import org.cellarena.model.data.KeepRatioResize;
import org.cellarena.model.data.Normalizer;

/**
 * Runs a trained model on a whole image: resize to the test scale, detect, map the boxes back to the original
 * image and paste the masks there. With test-time augmentation the horizontally and vertically flipped images are
 * detected too (their boxes and masks flipped back) and the three sets merged by class-wise NMS, which keeps the
 * best-scoring detection of each cell.
 */
public final class Predictor {
  private final MaskRcnn model;
  private final NDManager manager;
  private final int[] testScale;
  private final boolean tta;

  public Predictor(MaskRcnn model, NDManager manager, int[] testScale, boolean tta) {
    this.model = model;
    this.manager = manager;
    this.testScale = testScale.clone();
    this.tta = tta;
  }

  /** Pasted masks of one image, before thresholds and overlap removal. */
  public List<PastedMask> predict(GrayImage image) {
    int[] size = KeepRatioResize.size(image.width, image.height, testScale);
    GrayImage resized = image.resize(size[0], size[1]);
    List<PastedMask> all = new ArrayList<>();
    boolean[][] flips = tta ? new boolean[][] {{false, false}, {true, false}, {false, true}} : new boolean[][] {{false, false}};
    List<float[]> boxes = new ArrayList<>();
    for (boolean[] f : flips) {
      ImageTransform t = new ImageTransform(image.width, image.height, size[0], size[1], f[0], f[1]);
      Detections d = detect(resized.flip(f[0], f[1]), size);
      float[] orig = t.backward(d.boxes());
      for (int i = 0; i < d.size(); i++) {
        float[] box = java.util.Arrays.copyOfRange(orig, 4 * i, 4 * i + 4);
        float[] mask = flipMask(d.masks(), i, d.maskSize(), f[0], f[1]);
        all.add(MaskPaster.paste(mask, 0, d.maskSize(), box, image.width, image.height, d.scores()[i], d.labels()[i]));
        boxes.add(box);
      }
    }
    if (!tta) {
      return all;
    }
    float[] flat = new float[boxes.size() * 4];
    float[] scores = new float[boxes.size()];
    int[] labels = new int[boxes.size()];
    for (int i = 0; i < boxes.size(); i++) {
      System.arraycopy(boxes.get(i), 0, flat, 4 * i, 4);
      scores[i] = all.get(i).score();
      labels[i] = all.get(i).label();
    }
    int[] keep = org.cellarena.model.structures.Nms.batched(flat, scores, labels, model.config().rcnn().nmsIou(),
        model.config().rcnn().maxPerImage());
    List<PastedMask> merged = new ArrayList<>();
    for (int k : keep) {
      merged.add(all.get(k));
    }
    return merged;
  }

  private Detections detect(GrayImage input, int[] size) {
    int h = (size[1] + 31) / 32 * 32;
    int w = (size[0] + 31) / 32 * 32;
    float[] chw = Normalizer.toChw(input);
    float[] padded = new float[3 * h * w];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < size[1]; y++) {
        System.arraycopy(chw, (c * size[1] + y) * size[0], padded, (c * h + y) * w, size[0]);
      }
    }
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.create(padded, new Shape(1, 3, h, w));
      ParameterStore ps = new ParameterStore(manager, false);
      return model.detect(ps, x, new int[][] {size}).get(0);
    }
  }

  private static float[] flipMask(float[] masks, int i, int s, boolean fh, boolean fv) {
    float[] out = new float[s * s];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        out[y * s + x] = masks[i * s * s + (fv ? s - 1 - y : y) * s + (fh ? s - 1 - x : x)];
      }
    }
    return out;
  }
}
