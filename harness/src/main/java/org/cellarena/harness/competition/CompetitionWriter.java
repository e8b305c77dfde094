package org.cellarena.harness.competition;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cellarena.harness.dataset.DataException;
import org.cellarena.model.data.Dataset;
import org.cellarena.harness.split.SplitManifest;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionWriter;
import org.cellarena.scoring.io.SubmissionWriter;
import org.cellarena.web.competition.CompetitionTexts;

/** Writes a competition folder and its participant bundle from a dataset and a split manifest. */
public final class CompetitionWriter {
  public static final String COMPETITION_JSON = "competition.json";
  public static final String SOLUTION_CSV = "solution.csv";
  public static final String SAMPLE_SUBMISSION = "sample_submission.csv";
  public static final String TEST_DIR = "test";
  public static final String BUNDLE_DIR = "participant";

  private CompetitionWriter() {}

  /** What was written: the solution's images (with Usage) and the bundle's train+val images. */
  public record Written(Path dir, Path bundle, List<SolutionImage> solution, List<SolutionImage> bundleImages) {}

  /**
   * Writes {@code out} (refusing one that already holds a competition) and the bundle ({@code out/participant}
   * unless {@code bundle} says otherwise). A model competition's bundle holds only its sample test images; its
   * {@code test/} keeps every held-out image, for the server.
   */
  public static Written write(Dataset dataset, SplitManifest split, CompetitionSpec spec, Path out, Path bundle,
      PrintStream progress) throws IOException {
    if (Files.exists(out.resolve(COMPETITION_JSON))) {
      throw new DataException(out + " already holds a competition (" + COMPETITION_JSON
          + "); choose another --out or delete it");
    }
    List<SolutionImage> holdout = images(dataset, split.holdout(), "holdout");
    if (holdout.isEmpty()) {
      throw new DataException("the split's holdout is empty: nothing to score (make the split with --holdout above 0)");
    }
    if (spec.sampleTest() >= holdout.size()) {
      throw new DataException("--sample-test " + spec.sampleTest() + " would hand out every held-out image (the "
          + "split holds out " + holdout.size() + "): give at most " + (holdout.size() - 1));
    }
    List<String> sampleIds = SampleTests.pick(holdout, spec.sampleTest(), spec.seed());
    List<SolutionImage> handedOut = spec.kind() == CompetitionKind.MODEL
        ? holdout.stream().filter(i -> sampleIds.contains(i.id())).toList() : holdout;
    List<SolutionImage> participant = images(dataset, split.train(), "train");
    participant.addAll(images(dataset, split.val(), "val"));
    Path bundleDir = bundle != null ? bundle : out.resolve(BUNDLE_DIR);

    Files.createDirectories(out);
    Files.writeString(out.resolve(COMPETITION_JSON), spec.toJson(sampleIds).encodePrettily() + "\n");
    List<SolutionImage> solution = UsageAssigner.assign(holdout, Set.copyOf(sampleIds), spec.feedbackFraction(),
        spec.publicFraction(), spec.seed());
    SolutionWriter.write(out.resolve(SOLUTION_CSV), solution, true);
    copyImages(dataset, holdout, out.resolve(TEST_DIR));
    writeSampleSubmission(out.resolve(SAMPLE_SUBMISSION), handedOut);
    for (var text : CompetitionTexts.defaults().entrySet()) { // the page's texts, for the host to edit
      Files.writeString(out.resolve(text.getKey() + ".md"), text.getValue());
    }
    progress.printf("competition %s: %d held-out images in %s%s%n", spec.id(), holdout.size(), out,
        handedOut == holdout ? "" : " (" + (holdout.size() - handedOut.size()) + " hidden, for the server only)");

    SolutionWriter.write(bundleDir.resolve(Dataset.TRAIN_CSV), participant, false);
    copyImages(dataset, participant, bundleDir.resolve(Dataset.TRAIN_DIR));
    copyImages(dataset, handedOut, bundleDir.resolve(Dataset.TEST_DIR));
    writeSampleSubmission(bundleDir.resolve(SAMPLE_SUBMISSION), handedOut);
    new SplitManifest(split.train(), split.val(), List.of(), split.params()).write(bundleDir.resolve("split.json"));
    progress.printf("participant bundle: %d train+val images, %d test images in %s%n", participant.size(),
        handedOut.size(), bundleDir);
    return new Written(out, bundleDir, solution, participant);
  }

  private static List<SolutionImage> images(Dataset dataset, List<String> ids, String part) throws DataException {
    List<SolutionImage> images = new ArrayList<>();
    for (String id : ids) {
      SolutionImage image = dataset.train().image(id);
      if (image == null) {
        throw new DataException("the split's " + part + " names image " + id + ", which is not in "
            + dataset.root().resolve(Dataset.TRAIN_CSV));
      }
      images.add(image);
    }
    return images;
  }

  private static void copyImages(Dataset dataset, List<SolutionImage> images, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (SolutionImage image : images) {
      Files.copy(dataset.imagePath(image.id()), dir.resolve(image.id() + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** {@code id,predicted} with an empty prediction per image: the format, and a valid (zero-scoring) entry. */
  static void writeSampleSubmission(Path file, List<SolutionImage> images) throws IOException {
    try (SubmissionWriter writer = new SubmissionWriter(file)) {
      for (SolutionImage image : images) {
        writer.append(image.id(), List.of());
      }
    }
  }
}
