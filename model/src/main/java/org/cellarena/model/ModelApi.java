package org.cellarena.model;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.cellarena.model.archive.ModelArchiveException;
import org.cellarena.model.archive.ModelCheck;
import org.cellarena.model.archive.ModelSummary;
import org.cellarena.model.config.ConfigLoader;
import org.cellarena.model.config.TrainConfig;
import org.cellarena.model.predict.FolderPrediction;
import org.cellarena.model.predict.PredictionStoppedException;
import org.cellarena.model.train.TrainOptions;
import org.cellarena.model.train.TrainResult;
import org.cellarena.model.train.Training;
import org.cellarena.scoring.io.InvalidFileException;

/**
 * The model in two calls, for the harness (demo, auto-submit): train on a Kaggle-layout dataset under a budget,
 * then predict a folder of PNGs into a submission CSV that the scoring module has validated; and for a server that
 * runs submitted models, check a model archive and predict a list of images with it.
 *
 * <pre>{@code
 * TrainResult r = ModelApi.train(Path.of("configs/tiny_cpu.json"), dataDir, workDir, 200, 0, List.of(), 0.1, 0, System.err);
 * FolderPrediction.Summary s = ModelApi.predict(workDir, testImagesDir, Path.of("submissions/tiny.csv"), null, System.err);
 * }</pre>
 */
public final class ModelApi {
  private ModelApi() {}

  /**
   * Trains (validation each epoch on a random {@code valFraction} split with {@code seed}, checkpoints in
   * {@code workDir}, which must not hold a run yet), stopping after {@code maxIterations} or {@code maxMinutes}
   * (0 for both: the config's epochs; see {@code train --max-iterations}).
   *
   * @param overrides {@code key.path=value} config overrides, as {@code --set}
   * @param progress where the progress bar goes, or null
   */
  public static TrainResult train(Path config, Path dataDir, Path workDir, long maxIterations, double maxMinutes,
      List<String> overrides, double valFraction, long seed, PrintStream progress) throws IOException {
    TrainConfig cfg = ConfigLoader.load(config, overrides);
    return new Training(cfg, new TrainOptions(dataDir, workDir, null, valFraction, seed, false, false, maxIterations,
        maxMinutes, progress, null)).run();
  }

  /**
   * Predicts every PNG of {@code imagesDir} with the best checkpoint of a training work dir (or one .params file)
   * at its validation-tuned thresholds (flip TTA when {@code tta}, or when null as its config's {@code data.test_flip}
   * says) and writes a validated submission to {@code out} (.csv or .csv.gz).
   */
  public static FolderPrediction.Summary predict(Path checkpoint, Path imagesDir, Path out, Boolean tta,
      PrintStream progress) throws IOException, InvalidFileException {
    return FolderPrediction.run(checkpoint, imagesDir, out, tta, progress);
  }

  /**
   * Checks an unpacked model archive before a server queues it: its config builds a model and its weights load
   * with every tensor present, none extra, each of its shape.
   *
   * @throws ModelArchiveException with the one sentence its team reads
   */
  public static ModelSummary checkModel(Path modelDir) throws ModelArchiveException {
    return ModelCheck.check(modelDir);
  }

  /**
   * Predicts a list of PNGs with a model dir (or any checkpoint) as {@code predict} does, calling {@code imageDone}
   * after each image; the CSV equals the one {@code predict} writes for a folder holding these images.
   *
   * @throws PredictionStoppedException when {@code imageDone} returned false (nothing is written)
   */
  public static FolderPrediction.Summary predictImages(Path checkpoint, List<Path> images, Path out,
      FolderPrediction.ImageDone imageDone) throws IOException, InvalidFileException, PredictionStoppedException {
    return FolderPrediction.run(checkpoint, images, out, imageDone);
  }
}
