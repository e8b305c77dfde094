package org.cellarena.model.train;

import java.io.IOException;
import java.io.PrintStream;
import org.cellarena.model.rcnn.MaskRcnn;

/** Saves each epoch's checkpoint and keeps the best (by validation mAP, or the latest without validation images). */
final class CheckpointHook implements TrainHook {
  private final Checkpoints ckpt;
  private final MaskRcnn model;
  private final Sgd sgd;
  private final boolean validates;
  private final PrintStream out;

  CheckpointHook(Checkpoints ckpt, MaskRcnn model, Sgd sgd, boolean validates, PrintStream out) {
    this.ckpt = ckpt;
    this.model = model;
    this.sgd = sgd;
    this.validates = validates;
    this.out = out;
  }

  @Override
  public void afterEpoch(TrainState s) throws IOException {
    String name = s.checkpointName();
    ckpt.save(name, model, sgd, s.checkpoint);
    if (s.validated && s.validation.map() > s.bestMap) {
      s.bestMap = s.validation.map();
      s.bestEpoch = s.lastEpoch;
      ckpt.markBest(name);
    } else if (!validates) {
      ckpt.markBest(name);
      s.bestEpoch = s.lastEpoch;
    }
    if (s.signalled()) {
      Training.log(out, "stopped: kept " + name + (s.complete ? "" : " (" + s.it + " of " + s.itersPerEpoch
          + " iterations)") + " in " + ckpt.dir() + "; --resume continues " + (s.complete ? "after it"
          : "from its start"));
    }
  }
}
