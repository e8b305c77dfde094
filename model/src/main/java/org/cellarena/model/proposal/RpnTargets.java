package org.cellarena.model.proposal;

import java.util.Random;
import org.cellarena.model.structures.BoxCoder;
import org.cellarena.model.structures.Boxes;
import org.cellarena.model.structures.MaxIoUAssigner;
import org.cellarena.model.structures.RandomSampler;

/** RPN training targets of one image: sampled anchor indices, their labels, and deltas for the positives. */
public final class RpnTargets {
  private final MaxIoUAssigner assigner;
  private final RandomSampler sampler;
  private final BoxCoder coder = BoxCoder.rpn();

  public RpnTargets(MaxIoUAssigner assigner, RandomSampler sampler) {
    this.assigner = assigner;
    this.sampler = sampler;
  }

  /** Sampled anchors: positives then negatives in {@code indices}; {@code deltas} for the positives. */
  public record Targets(int[] indices, float[] labels, int[] positives, float[] deltas) {}

  public Targets compute(AnchorGrid grid, float[] gtBoxes, Random random) {
    float[] anchors = grid.all();
    int[] assigned = assigner.assign(grid.overlaps(gtBoxes));
    RandomSampler.Sample s = sampler.sample(assigned, random);
    int[] idx = new int[s.size()];
    float[] labels = new float[s.size()];
    System.arraycopy(s.positives(), 0, idx, 0, s.positives().length);
    System.arraycopy(s.negatives(), 0, idx, s.positives().length, s.negatives().length);
    java.util.Arrays.fill(labels, 0, s.positives().length, 1f);
    float[] posAnchors = Boxes.select(anchors, s.positives());
    int[] gtIdx = new int[s.positives().length];
    for (int i = 0; i < gtIdx.length; i++) {
      gtIdx[i] = assigned[s.positives()[i]];
    }
    float[] deltas = coder.encode(posAnchors, Boxes.select(gtBoxes, gtIdx));
    return new Targets(idx, labels, s.positives(), deltas);
  }
}
