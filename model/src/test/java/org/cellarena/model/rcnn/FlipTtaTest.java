package org.cellarena.model.rcnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cellarena.model.config.ConfigLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Flips of boxes and masks by hand, and flip TTA's averaging on an untrained tiny model. */
class FlipTtaTest {

  @Test
  void flipsMirrorBoxesAndMasksAndUndoThemselves() {
    Flip h = new Flip(true, false);
    Flip v = new Flip(false, true);
    float[] box = {10, 20, 30, 50};
    assertArrayEquals(new float[] {70, 20, 90, 50}, h.boxes(box, 100, 80)); // x: 100 - 30, 100 - 10
    assertArrayEquals(new float[] {10, 30, 30, 60}, v.boxes(box, 100, 80)); // y: 80 - 50, 80 - 20
    assertArrayEquals(box, h.boxes(h.boxes(box, 100, 80), 100, 80));
    float[] mask = {1, 2, 3, 4}; // 2x2, rows (1 2) (3 4)
    assertArrayEquals(new float[] {2, 1, 4, 3}, h.squares(mask, 2));
    assertArrayEquals(new float[] {3, 4, 1, 2}, v.squares(mask, 2));
  }

  @Test
  @Tag("slow") // forward passes of the tiny model, flipped and not
  void averagingIdenticalPassesChangesNothingAndEveryPassCounts() throws Exception {
    Path tiny = Path.of(System.getProperty("user.dir")).getParent().resolve("configs/tiny_cpu.json");
    MaskRcnn model = new MaskRcnn(ConfigLoader.load(tiny, List.of()).model());
    try (NDManager root = NDManager.newBaseManager()) {
      model.initializeParameters(root);
      FlipTta tta = new FlipTta(model);
      ParameterStore ps = new ParameterStore(root, false);
      float[] pixels = new float[3 * 64 * 96];
      Random r = new Random(3);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (float) r.nextGaussian();
      }
      NDArray x = root.create(pixels, new Shape(1, 3, 64, 96));
      NDArray xh = x.flip(3);
      int[] size = {96, 64};
      Flip h = new Flip(true, false);
      Detections once = tta.detect(ps, new NDArray[] {xh}, new Flip[] {h}, size);
      Detections twice = tta.detect(ps, new NDArray[] {xh, xh}, new Flip[] {h, h}, size);
      assertTrue(once.size() > 0, "an untrained model still detects something above score 0.05");
      assertArrayEquals(once.boxes(), twice.boxes(), 1e-5f);
      assertArrayEquals(once.scores(), twice.scores(), 1e-6f);
      assertArrayEquals(once.masks(), twice.masks(), 1e-6f);

      // the original and its mirror image: the result lies between the two single passes, not equal to either
      Detections plain = tta.detect(ps, new NDArray[] {x}, new Flip[] {Flip.NONE}, size);
      Detections both = tta.detect(ps, new NDArray[] {x, xh}, new Flip[] {Flip.NONE, h}, size);
      assertTrue(both.size() > 0);
      assertTrue(!java.util.Arrays.equals(both.scores(), plain.scores())
          && !java.util.Arrays.equals(both.scores(), once.scores()), "both passes count");
      for (float p : both.masks()) {
        assertTrue(p >= 0 && p <= 1, "an average of probabilities is a probability: " + p);
      }
      assertEquals(28 * 28 * both.size(), both.masks().length);
    }
  }
}
