package org.cellarena.model.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Copies a pretrained state dict into the model: a ResNeSt-50 backbone with timm's or mmdet's names, or a whole
 * mmdet Mask R-CNN. The naming is the one that finds most of its keys in the file; every parameter it covers must
 * then be there with the expected shape (else nothing is copied and the error names each key, expected against
 * found), except the per-class tensors of a checkpoint with another number of classes, which keep their fresh
 * initialisation. BatchNorm running statistics are copied, {@code num_batches_tracked} ignored.
 */
public final class PretrainedImporter {
  /**
   * In order of preference where two find as many keys (a backbone under "backbone." before the whole model). An
   * mmdet 2.x file finds all its keys with the 2.x names and misses four with the 3.x ones, and the other way round.
   */
  static final List<SourceNaming> NAMINGS = List.of(BackboneNames.timm(), BackboneNames.mmdet(2, ""),
      BackboneNames.mmdet(3, ""), BackboneNames.mmdet(2, "backbone."), BackboneNames.mmdet(3, "backbone."),
      new MaskRcnnNames(2), new MaskRcnnNames(3));
  private static final List<SourceNaming> WHOLE_MODEL = List.of(new MaskRcnnNames(2), new MaskRcnnNames(3));
  private static final int LISTED = 20;

  private PretrainedImporter() {}

  public static ImportReport load(Block model, Path file, NDManager manager) throws IOException {
    try (NDManager scope = manager.newSubManager(); StateDict dict = StateDict.read(file, scope)) {
      return load(model, dict, file.toString(), NAMINGS, false);
    }
  }

  /**
   * Loads a whole mmdet Mask R-CNN that must fit the model exactly, as a submitted model must: every tensor present
   * with its shape (class rows included), none extra; else a {@link WeightsException} naming the first misfit.
   */
  public static ImportReport loadWholeModel(Block model, Path file, NDManager manager) throws IOException {
    StateDictBounds.check(file);
    try (NDManager scope = manager.newSubManager(); StateDict dict = StateDict.read(file, scope)) {
      return load(model, dict, file.getFileName().toString(), WHOLE_MODEL, true);
    } catch (IllegalArgumentException e) {
      throw new WeightsException(e.getMessage());
    }
  }

  private static ImportReport load(Block model, StateDict dict, String file, List<SourceNaming> namings,
      boolean exact) throws WeightsException {
    Map<String, Parameter> params = ModelParameters.of(model);
    SourceNaming naming = recognise(params, dict, file, namings);
    Map<Parameter, NDArray> copies = new LinkedHashMap<>();
    List<String> reinitialised = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Map.Entry<String, Parameter> p : params.entrySet()) {
      if (!p.getKey().startsWith(naming.covers())) {
        continue;
      }
      Optional<Source> source = naming.source(p.getKey());
      if (source.isEmpty()) {
        problems.add(p.getKey() + ": the " + naming.description() + " naming has no key for it");
        continue;
      }
      Source s = source.get();
      NDArray src = dict.get(s.key());
      Shape ours = p.getValue().getArray().getShape();
      Shape expected = s.layout().sourceShape(ours);
      if (src == null) {
        problems.add(s.key() + " " + expected + " is missing (for " + p.getKey() + ")");
      } else if (src.getShape().equals(expected)) {
        used.add(s.key());
        copies.put(p.getValue(), s.layout().toOurs(src, ours));
      } else if (s.perClass() && !exact && sameButFirst(src.getShape(), expected)) {
        used.add(s.key());
        reinitialised.add(s.key() + " " + src.getShape() + " (ours " + ours + ")");
      } else {
        problems.add(s.key() + ": expected " + expected + " (for " + p.getKey() + "), found " + src.getShape());
      }
    }
    List<String> unused = new ArrayList<>();
    int counters = 0;
    for (String key : dict.keys()) {
      if (key.endsWith(".num_batches_tracked")) {
        counters++;
      } else if (!used.contains(key)) {
        unused.add(key);
      }
    }
    if (exact) {
      unused.forEach(key -> problems.add(key + " " + dict.get(key).getShape() + " is extra: the model has no place"
          + " for it"));
      if (!problems.isEmpty()) {
        throw new WeightsException("the weights do not fit the model the config builds: " + problems.get(0)
            + (problems.size() > 1 ? " (" + problems.size() + " problems in all)" : ""));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("pretrained weights " + file + " (" + naming.description() + " names) do"
          + " not fit the model: " + problems.size() + " problems:\n  " + String.join("\n  ",
          problems.subList(0, Math.min(LISTED, problems.size())))
          + (problems.size() > LISTED ? "\n  and " + (problems.size() - LISTED) + " more" : ""));
    }
    copies.forEach(PretrainedImporter::assign);
    return new ImportReport(file, naming, copies.size(), reinitialised, unused, counters);
  }

  /** The naming that finds most of its keys in the file; an error that says what was expected when none does. */
  private static SourceNaming recognise(Map<String, Parameter> params, StateDict dict, String file,
      List<SourceNaming> namings) {
    SourceNaming best = namings.get(0);
    long most = 0;
    for (SourceNaming n : namings) {
      long found = found(n, params, dict);
      if (found > most) {
        best = n;
        most = found;
      }
    }
    if (most == 0) {
      List<String> keys = dict.keys();
      StringBuilder expected = new StringBuilder();
      for (SourceNaming n : namings) {
        expected.append(expected.length() == 0 ? "" : ", ").append(n.exampleKey()).append(" (")
            .append(n.description()).append(")");
      }
      throw new IllegalArgumentException("pretrained weights " + file + " match none of the known namings: expected"
          + " keys such as " + expected + "; the file has " + keys.size() + " keys"
          + (keys.isEmpty() ? "" : ", first " + String.join(", ", keys.subList(0, Math.min(5, keys.size())))));
    }
    return best;
  }

  private static long found(SourceNaming naming, Map<String, Parameter> params, StateDict dict) {
    return params.keySet().stream().filter(p -> p.startsWith(naming.covers())).map(naming::source)
        .filter(s -> s.isPresent() && dict.get(s.get().key()) != null).count();
  }

  private static boolean sameButFirst(Shape a, Shape b) {
    return a.dimension() == b.dimension() && a.slice(1).equals(b.slice(1));
  }

  private static void assign(Parameter p, NDArray value) {
    p.getArray().set(value.toType(DataType.FLOAT32, false).toFloatArray());
  }
}
