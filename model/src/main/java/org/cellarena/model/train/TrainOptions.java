package org.cellarena.model.train;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where and how long to train: data dir (Kaggle layout), work dir, a split manifest or a validation fraction and
 * seed, resume, a time budget in minutes (0: none), and where the progress bar goes (null: nowhere).
 */
public record TrainOptions(Path dataDir, Path workDir, Path splitFile, double valFraction, long splitSeed,
    boolean resume, double maxMinutes, PrintStream progress) {}
