package org.cellarena.model.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.model.layers.LazyBlock;

/**
 * The ResNeSt backbone: deep stem, four stages of {@link Bottleneck}s (the first of stages 2-4 strided), returning
 * C2..C5 at strides 4, 8, 16, 32. Frozen stages run in inference mode (BatchNorm statistics fixed) and get no
 * gradients.
 */
public final class ResNeSt extends LazyBlock {
  private final BackboneConfig config;
  private final DeepStem stem;
  private final List<List<Bottleneck>> stages = new ArrayList<>();

  public ResNeSt(BackboneConfig config) {
    this.config = config;
    stem = addChildBlock("stem", new DeepStem(config.stemChannels(), config.norm()));
    int inplanes = config.stemChannels();
    for (int s = 0; s < config.stageBlocks().length; s++) {
      int planes = config.baseChannels() * (1 << s);
      List<Bottleneck> blocks = new ArrayList<>();
      for (int b = 0; b < config.stageBlocks()[s]; b++) {
        int stride = (b == 0 && s > 0) ? 2 : 1;
        blocks.add(addChildBlock("layer" + (s + 1) + "b" + b, new Bottleneck(inplanes, planes, stride,
            config.radix(), config.reductionFactor(), config.avd(), config.norm())));
        inplanes = planes * 4;
      }
      stages.add(blocks);
    }
  }

  public BackboneConfig config() {
    return config;
  }

  /** Stops gradients into the frozen stages; call after initialisation. */
  public void freezeStages() {
    if (config.frozenStages() >= 0) {
      stem.getParameters().values().forEach(p -> p.freeze(true));
    }
    for (int s = 0; s < config.frozenStages() && s < stages.size(); s++) {
      for (Bottleneck b : stages.get(s)) {
        b.getParameters().values().forEach(p -> p.freeze(true));
      }
    }
  }


  @Override
  protected NDList forwardScoped(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
    NDArray x = stem.forward(ps, in, training && (config.frozenStages() < 0 || !stem.isInitialized())).head();
    NDList outs = new NDList();
    for (int s = 0; s < stages.size(); s++) {
      boolean frozen = s < config.frozenStages();
      for (Bottleneck b : stages.get(s)) {
        x = b.forward(ps, new NDList(x), training && (!frozen || !b.isInitialized())).head();
      }
      outs.add(x);
    }
    return outs;
  }
}
