package org.cellarena.model.train;

import java.io.IOException;

/**
 * Work the trainer loop hands out at fixed points, in the style of detectron2's {@code HookBase}: the hooks run in
 * the order the trainer holds them and read (and at an epoch's end write) its {@link TrainState}.
 */
interface TrainHook {
  default void beforeEpoch(TrainState state) {}

  default void afterStep(TrainState state) throws IOException {}

  default void afterEpoch(TrainState state) throws IOException {}
}
