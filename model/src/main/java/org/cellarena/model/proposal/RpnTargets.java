package org.cellarena.model.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cellarena.model.data.Batch;
import org.cellarena.model.data.Sample;
import org.cellarena.model.structures.BoxCoder;
import org.cellarena.model.structures.Boxes;
import org.cellarena.model.structures.MaxIoUAssigner;
import org.cellarena.model.structures.RandomSampler;

/**
 * RPN training targets: per image, sampled anchor indices, their labels and deltas for the positives; for a batch,
 * those of every image with the anchor indices flattened over the batch ({@link SampledAnchors}).
 */
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

  /** The targets of each image of a batch, in batch order (one {@code random} draw after the other). */
  public SampledAnchors compute(AnchorGrid grid, Batch batch, Random random) {
    List<Targets> perImage = new ArrayList<>();
    for (Sample s : batch.samples()) {
      perImage.add(compute(grid, s.boxes(), random));
    }
    return SampledAnchors.of(perImage, grid.size());
  }

  public Targets compute(AnchorGrid grid, float[] gtBoxes, Random random) {
    float[] anchors = grid.all();
    int[] assigned = assigner.assign(grid.overlaps(gtBoxes));
    RandomSampler.Sample s = sampler.sample(assigned, random);
    int[] idx = s.indices();
    float[] labels = new float[s.size()];
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
