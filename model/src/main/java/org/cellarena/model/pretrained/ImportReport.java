package org.cellarena.model.pretrained;

import java.util.List;

/**
 * What an import did: the naming recognised, the tensors copied, the per-class tensors left at their fresh
 * initialisation (the checkpoint has another number of classes), and the file's keys nothing used.
 */
public record ImportReport(String file, SourceNaming naming, int imported, List<String> reinitialised,
    List<String> unused, int batchCounters) {

  /** One log line. */
  public String summary() {
    StringBuilder s = new StringBuilder("imported " + imported + " pretrained tensors from " + file + " ("
        + naming.description() + " names, into " + (naming.covers().isEmpty() ? "the whole model" : "the backbone")
        + ")");
    if (!reinitialised.isEmpty()) {
      s.append("; re-initialised, not sliced (the checkpoint has another number of classes, as mmdet does when"
          + " load_from sizes differ): ").append(String.join(", ", reinitialised));
    }
    if (batchCounters > 0) {
      s.append("; ignored ").append(batchCounters).append(" num_batches_tracked");
    }
    if (!unused.isEmpty()) {
      s.append("; not used: ").append(String.join(", ", unused.subList(0, Math.min(12, unused.size()))))
          .append(unused.size() > 12 ? " and " + (unused.size() - 12) + " more" : "");
    }
    return s.toString();
  }
}
