package org.cellarena.model.archive;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.rcnn.MaskRcnnConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parameter floor of the shipped configs: below the count of the model they build, so their real weights
 * pass, and not far below it, so the floor still says something.
 */
class ParameterFloorTest {
  private static final Path CONFIGS = Path.of(System.getProperty("user.dir")).getParent().resolve("configs");

  @ParameterizedTest
  @ValueSource(strings = {"mask_rcnn_s50_fpn_mstrain_sartorius.json", "tiny_cpu.json", "demo_cpu.json"})
  void isBelowTheBuiltModelsCountAndPassesItsWeights(String name) {
    MaskRcnnConfig config = ConfigLoader.load(CONFIGS.resolve(name), List.of()).model();
    long count;
    try (NDManager manager = NDManager.newBaseManager()) {
      MaskRcnn model = new MaskRcnn(config);
      model.initializeParameters(manager);
      count = model.parameterCount();
    }
    long floor = ParameterFloor.of(config);
    assertTrue(floor <= count && floor >= 0.95 * count, "floor " + floor + " of " + count + " parameters");
    long floatBytes = count * Float.BYTES;
    assertDoesNotThrow(() -> ParameterFloor.check(config, "model.params", floatBytes));
    assertDoesNotThrow(() -> ParameterFloor.check(config, "model.safetensors", floatBytes / 2));
    assertDoesNotThrow(() -> ParameterFloor.check(config, "model.npz", floatBytes / 2));
  }
}
