package org.cellarena.harness.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cellarena.harness.baseline.Baseline;
import org.cellarena.harness.competition.CompetitionKind;
import org.cellarena.harness.competition.CompetitionSpec;
import org.cellarena.harness.competition.CompetitionWriter;
import org.cellarena.model.data.Dataset;
import org.cellarena.harness.demodata.DemoDataGenerator;
import org.cellarena.harness.split.SplitManifest;
import org.cellarena.harness.split.SplitParameters;
import org.cellarena.harness.split.Splitter;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.web.competition.Feedback;

/**
 * Prepares the demo under a data dir, once: later runs find the {@code .prepared} marker and reuse everything
 * (an interrupted preparation, without the marker, is redone from scratch). The layout:
 * <pre>
 * DATA_DIR/demo-dataset/                the generated dataset (train.csv, train/)
 * DATA_DIR/demo-split.json              its split (stratified by cell type, grouped by sample_id)
 * DATA_DIR/competitions/demo/           the competition the server loads (ServerConfig.defaults(DATA_DIR))
 * DATA_DIR/competitions/demo/participant/  the bundle to train on (train.csv, train/, test/, split.json)
 * DATA_DIR/competitions/demo-model/     the same held-out images as a model competition: teams submit models
 * DATA_DIR/demo-baseline.csv            the classical baseline's submission on the held-out images
 * </pre>
 */
public final class DemoPreparation {
  public static final String COMPETITION_ID = "demo";
  public static final String MODEL_COMPETITION_ID = "demo-model";
  public static final int IMAGES = 30;
  public static final long SEED = 1;
  /** Named anew when the demo gains a part, so that an older data dir is prepared again. */
  private static final String MARKER = ".demo-prepared-with-model";

  private final Path dataDir;
  private final int images;
  private final long seed;

  public DemoPreparation(Path dataDir) {
    this(dataDir, IMAGES, SEED);
  }

  public DemoPreparation(Path dataDir, int images, long seed) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.images = images;
    this.seed = seed;
  }

  /** Where everything lies, and whether this run made it or found it. */
  public record Prepared(Path dataDir, Path dataset, Path split, Path competition, Path bundle, Path testImages,
      Path baselineSubmission, Path modelCompetition, boolean reused) {}

  public Prepared prepare(PrintStream progress) throws IOException, InvalidFileException {
    Prepared paths = paths(false);
    if (Files.exists(dataDir.resolve(MARKER))) {
      progress.println("demo: reusing the prepared demo in " + dataDir);
      return paths(true);
    }
    for (Path stale : new Path[] {paths.dataset(), paths.split(), paths.competition(), paths.baselineSubmission(),
        paths.modelCompetition()}) {
      deleteRecursively(stale);
    }
    progress.println("demo: generating " + images + " images into " + paths.dataset());
    new DemoDataGenerator(images, seed, DemoDataGenerator.DEFAULT_WIDTH, DemoDataGenerator.DEFAULT_HEIGHT)
        .writeTo(paths.dataset(), progress);
    Dataset dataset = Dataset.read(paths.dataset());
    SplitManifest split = Splitter.split(dataset.images(),
        new SplitParameters(0.3, 0.15, 0, 0, Splitter.CELL_TYPE, "sample_id", seed));
    split.write(paths.split());
    progress.printf("demo: split %d train, %d val, %d held out%n", split.train().size(), split.val().size(),
        split.holdout().size());
    CompetitionSpec spec = new CompetitionSpec(COMPETITION_ID, "CellArena demo",
        "Generated phase-contrast images of shsy5y, astro and cort cells: segment every cell.", 20, 2, null,
        Feedback.FULL, 0.5, seed); // generated labels are no secret: the overlays may draw them
    CompetitionWriter.write(dataset, split, spec, paths.competition(), paths.bundle(), progress);
    CompetitionSpec modelSpec = new CompetitionSpec(MODEL_COMPETITION_ID, "CellArena demo: models",
        "Submit a trained model and the server runs it on the held-out images. A real model competition keeps "
            + "them on the server; in the demo they are the demo competition's test images, handed out there, so "
            + "that both boards show one model on the same images.", 20, 2, null,
        Feedback.BREAKDOWN, 0, 0.5, seed, CompetitionKind.MODEL,
        Math.min(CompetitionSpec.DEFAULT_SAMPLE_TEST, split.holdout().size() - 1));
    CompetitionWriter.write(dataset, split, modelSpec, paths.modelCompetition(), null, progress);
    Baseline.run(paths.testImages(), paths.baselineSubmission(), progress);
    Files.writeString(dataDir.resolve(MARKER), "prepared by ./cellarena demo; delete this file to redo it\n");
    return paths;
  }

  private Prepared paths(boolean reused) {
    Path competition = dataDir.resolve("competitions").resolve(COMPETITION_ID);
    return new Prepared(dataDir, dataDir.resolve("demo-dataset"), dataDir.resolve("demo-split.json"), competition,
        competition.resolve(CompetitionWriter.BUNDLE_DIR), competition.resolve(CompetitionWriter.TEST_DIR),
        dataDir.resolve("demo-baseline.csv"), dataDir.resolve("competitions").resolve(MODEL_COMPETITION_ID), reused);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
