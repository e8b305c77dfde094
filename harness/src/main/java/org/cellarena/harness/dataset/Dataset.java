package org.cellarena.harness.dataset;

import java.nio.file.Path;
import java.util.List;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;

/**
 * A dataset in the Kaggle layout under {@code root}: the labelled images of {@code train.csv} (pixels in
 * {@code train/<id>.png}), and the ids of the unlabelled {@code test/} and {@code train_semi_supervised/} images.
 */
public record Dataset(Path root, Solution train, List<String> testIds, List<String> unlabeledIds) {
  public static final String TRAIN_CSV = "train.csv";
  public static final String TRAIN_DIR = "train";
  public static final String TEST_DIR = "test";
  public static final String UNLABELED_DIR = "train_semi_supervised";

  public Dataset {
    testIds = List.copyOf(testIds);
    unlabeledIds = List.copyOf(unlabeledIds);
  }

  public List<SolutionImage> images() {
    return train.images();
  }

  public Path trainImage(String id) {
    return root.resolve(TRAIN_DIR).resolve(id + ".png");
  }

  public Path testImage(String id) {
    return root.resolve(TEST_DIR).resolve(id + ".png");
  }
}
