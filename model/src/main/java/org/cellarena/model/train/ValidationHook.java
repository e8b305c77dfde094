package org.cellarena.model.train;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import org.cellarena.model.config.Schedule;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.data.Dataset;
import org.cellarena.model.data.Split;
import org.cellarena.model.predict.Predictor;
import org.cellarena.model.rcnn.MaskRcnn;
import org.cellarena.model.runtime.Figures;
import org.cellarena.model.runtime.StopSignal;
import org.cellarena.model.validate.ValidationResult;
import org.cellarena.model.validate.Validator;

/**
 * Validates at an epoch's end (see {@link #validates}): the figures go into the checkpoint's state, a record into
 * {@code metrics.jsonl} and a line to the console. A stop signal during the validation ends the run.
 */
final class ValidationHook implements TrainHook {
  private final MaskRcnn model;
  private final NDManager root;
  private final Dataset dataset;
  private final Split split;
  private final TrainConfig config;
  private final MetricsLog metrics;
  private final PrintStream out;

  ValidationHook(MaskRcnn model, NDManager root, Dataset dataset, Split split, TrainConfig config,
      MetricsLog metrics, PrintStream out) {
    this.model = model;
    this.root = root;
    this.dataset = dataset;
    this.split = split;
    this.config = config;
    this.metrics = metrics;
    this.out = out;
  }

  @Override
  public void afterEpoch(TrainState s) throws IOException {
    if (s.signalled() || split.val().isEmpty()
        || !validates(s.epoch == s.startEpoch, s.complete, s.sessionIters, s.budget, s.schedule)) {
      return;
    }
    try {
      s.validation = validate();
      s.validated = true;
      addValidation(s.checkpoint, s.validation);
      metrics.append(validationRecord(s.lastEpoch, s.iter, s.validation));
      Training.log(out, validationLine(s.lastEpoch, s.complete ? null : s.it + " of " + s.itersPerEpoch
          + " iterations", s.validation) + (config.data().testFlip() ? ", flips averaged" : ""));
    } catch (StopSignal.Stopped e) {
      s.stoppedBy = "a stop signal";
    }
  }

  /**
   * Whether an epoch's end validates. Without a budget, always. Under one (where validations eat into the training
   * time) only the first epoch (which measures how long a validation takes, the time to keep for the last), the
   * last, and those after the last step decay, where picking the best checkpoint matters.
   */
  static boolean validates(boolean firstOfRun, boolean complete, long sessionIters, Budget budget, Schedule sched) {
    return !budget.limited() || firstOfRun || !complete || budget.spent(sessionIters)
        || budget.fractionSpent(sessionIters) * sched.epochs() >= sched.lastStep();
  }

  private ValidationResult validate() throws IOException {
    Predictor predictor = new Predictor(model, root, config.data().testScale(), config.data().testFlip());
    return new Validator(dataset, split.val(), 10, config.model().numClasses(),
        config.model().rcnn().maskThreshold()).validate(predictor);
  }

  /** The validation's figures in an epoch's checkpoint state. */
  private void addValidation(JsonObject state, ValidationResult v) {
    state.addProperty("val_map", v.map());
    state.addProperty("val_map_tuned", v.tunedMap());
    state.add("val_map_per_type", perType(v));
    state.add("thresholds", thresholds(v));
  }

  /** The validation's record in metrics.jsonl. */
  private JsonObject validationRecord(int epoch, long iter, ValidationResult v) {
    JsonObject rec = new JsonObject();
    rec.addProperty("epoch", epoch);
    rec.addProperty("iter", iter);
    addValidation(rec, v);
    return rec;
  }

  private static JsonObject perType(ValidationResult v) {
    JsonObject per = new JsonObject();
    v.perType().forEach(per::addProperty);
    return per;
  }

  private JsonObject thresholds(ValidationResult v) {
    JsonObject thresholds = v.thresholds().toJson();
    thresholds.addProperty("tta", config.data().testFlip()); // tuned on flip-averaged predictions or not
    return thresholds;
  }

  /**
   * "epoch 3: val mAP 0.194 (astro 0.0240, cort 0.500, shsy5y 0.130), 0.201 at score >= 0.5, mask >= 0.4 tuned on
   * all; 7 images in 4.1 s": first each half at the other half's thresholds, then all at the thresholds kept.
   */
  static String validationLine(int epoch, String partial, ValidationResult v) {
    return String.format("epoch %d%s: val mAP %s (%s), %s at score >= %.2f, mask >= %.2f tuned on all; %d images in"
        + " %.1f s", epoch, partial == null ? "" : " (" + partial + ")", Figures.sig3(v.map()),
        Figures.perType(v.perType()), Figures.sig3(v.tunedMap()), v.thresholds().score(), v.thresholds().mask(),
        v.images(), v.seconds());
  }
}
