package org.cellarena.model.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cellarena.model.train.ConfigException;
import org.cellarena.model.train.ConfigLoader;
import org.cellarena.model.train.TrainConfig;
import org.cellarena.model.train.TrainOptions;
import org.cellarena.model.train.TrainResult;
import org.cellarena.model.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cellarena train}: trains the Mask R-CNN with validation each epoch, checkpoints and resume. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the ResNeSt FPN Mask R-CNN (DJL, PyTorch engine; GPU when DJL sees one, else CPU) on a dataset in the"
          + " Kaggle layout (train.csv + train/<id>.png), validating each epoch with the competition metric.",
      "The work dir receives config.json, split.json, metrics.jsonl, loss_curve.png, epoch_N.params/.json,"
          + " best.params/.json (with the tuned thresholds) and latest.json/latest.optim for --resume."
    })
public final class TrainCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "training configuration (JSON), e.g. configs/tiny_cpu.json")
  Path config;

  @Option(names = "--data", required = true, description = "dataset dir holding train.csv and train/")
  Path data;

  @Option(names = "--split", description = "split manifest JSON ({\"train\": [...], \"val\": [...], \"holdout\": [...]})")
  Path split;

  @Option(names = "--val-fraction", description = "fraction of images held out for validation when no --split (default ${DEFAULT-VALUE})", defaultValue = "0.1")
  double valFraction;

  @Option(names = "--seed", description = "seed of the random split (default ${DEFAULT-VALUE})", defaultValue = "0")
  long seed;

  @Option(names = "--work-dir", required = true, description = "where checkpoints, metrics and the loss curve go")
  Path workDir;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config value, e.g. --set optimizer.lr=0.0025 (repeatable)")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--resume", description = "continue from the latest checkpoint in the work dir")
  boolean resume;

  @Option(names = "--max-minutes", description = "stop training after this many minutes (validates and saves first; 0: no limit)", defaultValue = "0")
  double maxMinutes;

  @Override
  public Integer call() throws Exception {
    try {
      if (!Files.isDirectory(data)) {
        throw new IllegalArgumentException("data dir not found: " + data);
      }
      if (maxMinutes < 0) {
        throw new IllegalArgumentException("--max-minutes must not be negative");
      }
      TrainConfig cfg = ConfigLoader.load(config, overrides);
      TrainResult r = new Training(cfg, new TrainOptions(data, workDir, split, split != null ? 0 : valFraction, seed,
          resume, maxMinutes, System.err)).run();
      System.out.printf("trained %d epochs (%d iterations, %.2f images/s); %s; checkpoints in %s%n", r.epochsDone(),
          r.iterations(), r.imagesPerSecond(), Double.isNaN(r.bestMap()) ? "no validation images"
              : String.format("best val mAP %.4f at epoch %d", r.bestMap(), r.bestEpoch()), r.workDir());
      return 0;
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("cellarena train: " + e.getMessage());
      return 2;
    }
  }
}
