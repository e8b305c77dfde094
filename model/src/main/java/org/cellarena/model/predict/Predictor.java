package org.cellarena.model.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.model.data.GrayImage;
import org.cellarena.model.data.ImageTransform;
import org.cellarena.model.data.KeepRatioResize;
import org.cellarena.model.data.Normalizer;
import org.cellarena.model.rcnn.Detections;
import org.cellarena.model.rcnn.Flip;
import org.cellarena.model.rcnn.FlipTta;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.runtime.StopSignal;

/**
 * Runs a trained model on a whole image: resize to the test scale, detect, map the boxes back to the original
 * image and paste the masks there. With test-time augmentation the image is also seen flipped horizontally and
 * vertically, and the passes are merged as mmdet does: averaged box scores and boxes over shared proposals, then
 * averaged mask probabilities ({@link FlipTta}).
 */
public final class Predictor {
  private static final Flip[] TTA_FLIPS = {Flip.NONE, new Flip(true, false), new Flip(false, true)};

  private final MaskRcnn model;
  private final FlipTta flipTta;
  private final NDManager manager;
  private final int[] testScale;
  private final boolean tta;

  public Predictor(MaskRcnn model, NDManager manager, int[] testScale, boolean tta) {
    this.model = model;
    this.flipTta = new FlipTta(model);
    this.manager = manager;
    this.testScale = testScale.clone();
    this.tta = tta;
  }

  /** Pasted masks of one image, before thresholds and overlap removal. */
  public List<PastedMask> predict(GrayImage image) {
    StopSignal.check(); // an image is a step: a stopping process predicts no more
    int[] size = KeepRatioResize.size(image.width, image.height, testScale);
    GrayImage resized = image.resize(size[0], size[1]);
    int h = (size[1] + 31) / 32 * 32;
    int w = (size[0] + 31) / 32 * 32;
    Detections d;
    try (NDManager m = manager.newSubManager()) {
      ParameterStore ps = new ParameterStore(manager, false);
      Flip[] flips = tta ? TTA_FLIPS : new Flip[] {Flip.NONE};
      NDArray[] inputs = new NDArray[flips.length];
      for (int a = 0; a < flips.length; a++) {
        GrayImage flipped = resized.flip(flips[a].horizontal(), flips[a].vertical());
        inputs[a] = m.create(padded(flipped, size, w, h), new Shape(1, 3, h, w));
      }
      d = tta ? flipTta.detect(ps, inputs, flips, size) : model.detect(ps, inputs[0], new int[][] {size}).get(0);
    }
    ImageTransform t = new ImageTransform(image.width, image.height, size[0], size[1], false, false);
    float[] orig = t.backward(d.boxes());
    List<PastedMask> all = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      float[] box = java.util.Arrays.copyOfRange(orig, 4 * i, 4 * i + 4);
      all.add(MaskPaster.paste(d.masks(), i, d.maskSize(), box, image.width, image.height, d.scores()[i], d.labels()[i]));
    }
    return all;
  }

  /** The normalised image in the top-left corner of a {@code 3 x h x w} zero canvas (sides multiples of 32). */
  private static float[] padded(GrayImage input, int[] size, int w, int h) {
    float[] chw = Normalizer.toChw(input);
    float[] out = new float[3 * h * w];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < size[1]; y++) {
        System.arraycopy(chw, (c * size[1] + y) * size[0], out, (c * h + y) * w, size[0]);
      }
    }
    return out;
  }
}
