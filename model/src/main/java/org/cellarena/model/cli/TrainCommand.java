package org.cellarena.model.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.submit.AutoSubmit;
import org.cellarena.model.train.TrainOptions;
import org.cellarena.model.train.TrainResult;
import org.cellarena.model.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cellarena train}: trains the Mask R-CNN with validation each epoch, checkpoints and resume. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the ResNeSt FPN Mask R-CNN, validating each epoch with the competition metric.",
      "DJL, PyTorch engine: GPU when DJL sees one, else CPU. The data: a dataset in the Kaggle layout"
          + " (train.csv + train/<id>.png).",
      "The work dir receives config.json, split.json, metrics.jsonl, loss_curve.png, epoch_N.params/.json,"
          + " best.params/.json (with the tuned thresholds) and latest.json/latest.optim for --resume."
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", required = true, description = "training configuration (JSON), e.g. configs/tiny_cpu.json")
  Path config;

  @Option(names = "--data", paramLabel = "DIR", required = true, description = "dataset dir holding train.csv and train/")
  Path data;

  @Option(names = "--split", paramLabel = "FILE", description = "split manifest JSON ({\"train\": [...], \"val\": [...], \"holdout\": [...]})")
  Path split;

  @Option(names = "--val-fraction", paramLabel = "F", description = "fraction of images held out for validation when no --split (default ${DEFAULT-VALUE})", defaultValue = "0.1")
  double valFraction;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the random split (default ${DEFAULT-VALUE})", defaultValue = "0")
  long seed;

  @Option(names = "--work-dir", paramLabel = "DIR", required = true, description = "where checkpoints, metrics and the loss curve go")
  Path workDir;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config value, e.g. --set optimizer.lr=0.0025 (repeatable)")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--resume", description = "continue the run in the work dir from its latest checkpoint")
  boolean resume;

  @Option(names = "--overwrite", description = "replace the run the work dir holds (without --resume or --overwrite, a work dir holding a run is refused)")
  boolean overwrite;

  @Option(names = "--init-from", paramLabel = "W", description = "start from another run's weights: its work dir"
      + " (best.params) or a .params file with config.json beside it; tensors of the same name and shape are loaded,"
      + " the class heads re-initialised when the number of classes differs, another architecture refused")
  Path initFrom;

  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "0", description = "train N iterations in this"
      + " run, the lr schedule laid over them: the same work on a quiet and a busy machine (0: the config's epochs)")
  long maxIterations;

  @Option(names = "--max-minutes", paramLabel = "MINUTES", defaultValue = "0", description = "wall clock in minutes,"
      + " validations and checkpoints included: training stops early enough for the last ones. Alone, the lr schedule"
      + " is laid over it; with --max-iterations, only a cap that cuts a slow run short (0: none)")
  double maxMinutes;

  @Option(names = "--submit", paramLabel = "URL", description = "after training, predict the test images, upload the submission to this server and wait for its public score")
  java.net.URI submit;

  @Option(names = "--competition", paramLabel = "ID", description = "with --submit: the competition id")
  String competition;

  @Option(names = "--token", paramLabel = "T", defaultValue = "${env:CELLARENA_TOKEN}", description = "with --submit: the team's token (default: $CELLARENA_TOKEN)")
  String token;

  @Option(names = "--test-images", paramLabel = "DIR", description = "with --submit: the competition's test images (default: DATA/test)")
  Path testImages;

  @Option(names = "--tta", negatable = true, description = "with --submit: flip test-time augmentation (default: the"
      + " config's data.test_flip)")
  Boolean tta;

  @Option(names = "--submissions-dir", paramLabel = "DIR", defaultValue = "submissions", description = "with --submit: where the submission file is kept (default: ${DEFAULT-VALUE})")
  Path submissionsDir;

  @Override
  public Integer call() throws Exception {
    try {
      if (submit != null) {
        if (competition == null || competition.isBlank()) {
          throw new IllegalArgumentException("--submit needs --competition");
        }
        if (token == null || token.isBlank()) {
          throw new IllegalArgumentException("--submit needs --token (or CELLARENA_TOKEN)");
        }
        if (testImages == null) {
          testImages = data.resolve("test");
        }
        if (!Files.isDirectory(testImages)) {
          throw new IllegalArgumentException("test images not found: " + testImages + " (give --test-images)");
        }
      }
      if (!Files.isDirectory(data)) {
        throw new IllegalArgumentException("data dir not found: " + data);
      }
      if (maxMinutes < 0 || maxIterations < 0) {
        throw new IllegalArgumentException("--max-iterations and --max-minutes must not be negative");
      }
      TrainConfig cfg = ConfigLoader.load(config, overrides);
      TrainResult r = new Training(cfg, new TrainOptions(data, workDir, split, split != null ? 0 : valFraction, seed,
          resume, overwrite, maxIterations, maxMinutes, System.err, initFrom)).run();
      System.err.flush(); // the progress bar and validation lines before the summary
      PrintWriter out = spec.commandLine().getOut();
      out.println(r.summary());
      out.flush();
      if (submit == null) {
        return 0;
      }
      if (r.signalled()) {
        out.println("not submitted: training was stopped");
        return 130;
      }
      AutoSubmit.Outcome o = AutoSubmit.run(workDir, testImages, submissionsDir, competition, submit, token, tta,
          System.err);
      if (o.scored()) {
        out.println(o.line());
        out.flush();
        return 0;
      }
      spec.commandLine().getErr().println("cellarena train: " + o.line());
      return 2;
    } catch (ConfigException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("cellarena train: " + e.getMessage());
      return 2;
    }
  }
}
