package org.cellarena.model.train;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where and how long to train: data dir (Kaggle layout), work dir, a split manifest or a validation fraction and
 * seed, resume (continue the run in the work dir) or overwrite (replace it; with neither, a work dir that holds a
 * run is refused), a budget of iterations and/or minutes (0: none; see {@link Budget}), where the progress goes
 * (null: nowhere), and another run's checkpoint to start from (null: none; see {@link CheckpointInit}).
 */
public record TrainOptions(Path dataDir, Path workDir, Path splitFile, double valFraction, long splitSeed,
    boolean resume, boolean overwrite, long maxIterations, double maxMinutes, PrintStream progress, Path initFrom) {}
