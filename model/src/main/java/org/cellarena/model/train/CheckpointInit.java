package org.cellarena.model.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.predict.LoadedModel;
import org.cellarena.model.pretrained.ModelParameters;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.rcnn.ParamsFile;

/**
 * A new run's weights from another CellArena run ({@code train --init-from}): a work dir (its best checkpoint) or a
 * {@code .params} file, with the {@code config.json} beside it. Every tensor is copied when its name and shape
 * match. The per-class tensors of a checkpoint with another number of classes keep their fresh initialisation and
 * are named in the report; any other difference (another depth, other widths) refuses the run before anything is
 * copied, with the tensors that differ.
 */
public final class CheckpointInit {
  private static final Set<String> PER_CLASS = Set.of("bbox_head.cls", "bbox_head.reg", "mask_head.logits");
  private static final int LISTED = 6;

  /** What was loaded: the checkpoint file, its class count, the tensors copied and those re-initialised. */
  public record Report(Path params, int classes, int copied, List<String> reinitialised) {
    /** One log line. */
    public String summary() {
      return "initialised " + copied + " tensors from " + params + " (a run with " + classes + " classes)"
          + (reinitialised.isEmpty() ? "" : "; re-initialised, the number of classes differs: "
              + String.join(", ", reinitialised));
    }
  }

  private CheckpointInit() {}

  /** Refuses {@code --resume}, and a checkpoint in the work dir, which the new run would replace. */
  static void checkOptions(TrainOptions options) {
    if (options.resume()) {
      throw new IllegalArgumentException("--init-from starts a new run from another run's weights, --resume goes on"
          + " with this one: they exclude each other");
    }
    Path from = options.initFrom().toAbsolutePath().normalize();
    Path work = options.workDir().toAbsolutePath().normalize();
    if (from.equals(work) || work.equals(from.getParent())) {
      throw new IllegalArgumentException("--init-from " + options.initFrom() + " is in this run's work dir, which"
          + " the new run replaces: give it another --work-dir");
    }
  }

  /** Loads the checkpoint into the freshly initialised {@code model}, or refuses with what differs. */
  public static Report load(MaskRcnn model, int numClasses, Path from, NDManager manager) throws IOException {
    Path params = LoadedModel.paramsFile(from);
    TrainConfig donorConfig;
    try {
      donorConfig = ConfigLoader.load(LoadedModel.configBeside(params), List.of());
    } catch (ConfigException e) {
      throw new IllegalArgumentException("--init-from " + from + ": its config.json: " + e.getMessage());
    }
    try (NDManager scope = manager.newSubManager()) {
      MaskRcnn donor = new MaskRcnn(donorConfig.model());
      donor.initializeParameters(scope);
      try {
        ParamsFile.load(donor, params);
      } catch (IOException e) {
        throw new IllegalArgumentException("--init-from " + from + ": " + params + " does not load with the"
            + " config.json beside it: " + e.getMessage());
      }
      int donorClasses = donorConfig.model().numClasses();
      return copy(ModelParameters.of(donor), ModelParameters.of(model), donorClasses != numClasses, from, params,
          donorClasses);
    }
  }

  private static Report copy(Map<String, Parameter> donor, Map<String, Parameter> ours, boolean classesDiffer,
      Path from, Path params, int donorClasses) {
    Map<Parameter, Parameter> copies = new LinkedHashMap<>();
    List<String> reinitialised = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, Parameter> p : ours.entrySet()) {
      Parameter d = donor.get(p.getKey());
      Shape shape = p.getValue().getArray().getShape();
      if (d == null) {
        differences.add(p.getKey() + " " + shape + " is not in the checkpoint");
      } else if (d.getArray().getShape().equals(shape)) {
        copies.put(p.getValue(), d);
      } else if (classesDiffer && PER_CLASS.contains(p.getKey().substring(0, p.getKey().lastIndexOf('.')))) {
        reinitialised.add(p.getKey() + " " + d.getArray().getShape() + " -> " + shape);
      } else {
        differences.add(p.getKey() + ": the checkpoint's " + d.getArray().getShape() + ", ours " + shape);
      }
    }
    donor.forEach((name, d) -> {
      if (!ours.containsKey(name)) {
        differences.add(name + " " + d.getArray().getShape() + " is only in the checkpoint");
      }
    });
    if (!differences.isEmpty()) { // also when nothing matches: a model has more than its class heads
      throw new IllegalArgumentException("--init-from " + from + ": the architecture differs from the checkpoint's"
          + " (compare its config.json with this run's model section): " + differences.size() + " tensors differ ("
          + copies.size() + " match), e.g. " + String.join("; ", differences.subList(0, Math.min(LISTED,
          differences.size()))));
    }
    copies.forEach((p, d) -> p.getArray().set(d.getArray().toFloatArray()));
    return new Report(params, donorClasses, copies.size(), reinitialised);
  }
}
