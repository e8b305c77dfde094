package org.cellarena.model.train;

import com.google.gson.JsonObject;
import java.util.Map;
import org.cellarena.model.config.Schedule;
import org.cellarena.model.validate.ValidationResult;

/** The trainer loop's counters, its last step and its last epoch's end: what the hooks read and write. */
final class TrainState {
  final Schedule schedule;
  final Budget budget;
  final int startEpoch;
  final int itersPerEpoch;

  int epoch;
  /** Iterations done in this epoch, and those it is planned to have. */
  int it;
  long epochIters;
  String epochLabel;
  /** Iterations across resumed runs, and in this run. */
  long iter;
  long sessionIters;
  long images;
  long trainNanos;
  long validationNanos;
  int skipped;

  float lr;
  Map<String, Float> values;
  /** The parameter whose gradient was not finite when the last step was skipped, else null. */
  String nonFinite;
  boolean lastInEpoch;

  /** The budget's cap or "a stop signal" when one ended the run, else null. */
  String stoppedBy;
  boolean complete = true;
  int lastEpoch;
  /** The state saved with the epoch's checkpoint; the validations write their figures into it. */
  JsonObject checkpoint;
  boolean validated;
  ValidationResult validation;
  double bestMap = Double.NEGATIVE_INFINITY;
  int bestEpoch = -1;

  TrainState(Schedule schedule, Budget budget, int startEpoch, int itersPerEpoch) {
    this.schedule = schedule;
    this.budget = budget;
    this.startEpoch = startEpoch;
    this.itersPerEpoch = itersPerEpoch;
    this.lastEpoch = startEpoch;
  }

  double imagesPerSecond() {
    return images / (trainNanos / 1e9);
  }

  boolean signalled() {
    return stoppedBy != null && stoppedBy.startsWith("a stop");
  }

  String checkpointName() {
    return "epoch_" + lastEpoch;
  }
}
