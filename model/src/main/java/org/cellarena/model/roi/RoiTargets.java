package org.cellarena.model.roi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cellarena.model.data.Batch;
import org.cellarena.model.data.Sample;
import org.cellarena.model.structures.BoxCoder;
import org.cellarena.model.structures.Boxes;
import org.cellarena.model.structures.FlatArrays;
import org.cellarena.model.structures.MaxIoUAssigner;
import org.cellarena.model.structures.RandomSampler;

/**
 * R-CNN training targets of one image: ground-truth boxes added to the proposals, max-IoU assignment, random
 * sampling; class labels (background = {@code numClasses}), class-specific delta targets and mask targets for the
 * positives.
 */
public final class RoiTargets {
  private final MaxIoUAssigner assigner;
  private final RandomSampler sampler;
  private final BoxCoder coder = BoxCoder.rcnn();
  private final int numClasses;
  private final int maskSize;

  public RoiTargets(MaxIoUAssigner assigner, RandomSampler sampler, int numClasses, int maskSize) {
    this.assigner = assigner;
    this.sampler = sampler;
    this.numClasses = numClasses;
    this.maskSize = maskSize;
  }

  /** Sampled RoIs (positives first), their labels, positive deltas and masks ({@code size*size} each). */
  public record Targets(float[] rois, int[] labels, int numPositive, float[] deltas, float[] masks) {}

  /** The targets of each image of a batch from its proposals, in batch order (one {@code random} draw after the other). */
  public SampledRois compute(List<float[]> proposals, Batch batch, Random random) {
    List<Targets> perImage = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      perImage.add(compute(proposals.get(i), batch.samples().get(i), random));
    }
    return SampledRois.of(perImage);
  }

  public Targets compute(float[] proposals, Sample sample, Random random) {
    float[] gt = sample.boxes();
    float[] candidates = FlatArrays.concat(gt, proposals);
    int numGt = Boxes.count(gt);
    int n = Boxes.count(candidates);
    int[] assigned = assigner.assign(Boxes.iouMatrix(gt, candidates), numGt, n);
    RandomSampler.Sample s = sampler.sample(assigned, random);
    int np = s.positives().length;
    int[] idx = s.indices();
    float[] rois = Boxes.select(candidates, idx);
    int[] labels = new int[idx.length];
    java.util.Arrays.fill(labels, numClasses);
    int[] gtIdx = new int[np];
    float[] masks = new float[np * maskSize * maskSize];
    for (int i = 0; i < np; i++) {
      gtIdx[i] = assigned[idx[i]];
      labels[i] = sample.labels()[gtIdx[i]];
      float[] roi = java.util.Arrays.copyOfRange(rois, 4 * i, 4 * i + 4);
      float[] m = MaskTargets.target(sample.masks()[gtIdx[i]], roi, sample.transform(), maskSize);
      System.arraycopy(m, 0, masks, i * maskSize * maskSize, m.length);
    }
    float[] deltas = coder.encode(java.util.Arrays.copyOf(rois, 4 * np), Boxes.select(gt, gtIdx));
    return new Targets(rois, labels, np, deltas, masks);
  }
}
