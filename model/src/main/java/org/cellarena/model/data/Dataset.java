package org.cellarena.model.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.rle.RunMask;

/**
 * A dataset in the Kaggle layout under its root: the labelled images of {@code train.csv} (read by the scoring
 * module; pixels in {@code train/<id>.png}) and the ids of the unlabelled {@code test/} and
 * {@code train_semi_supervised/} images. The one reader of the layout: the model trains on it, the harness splits,
 * imports and publishes it. Pixels load lazily, on the loader threads.
 */
public final class Dataset {
  public static final String TRAIN_CSV = "train.csv";
  public static final String TRAIN_DIR = "train";
  public static final String TEST_DIR = "test";
  public static final String UNLABELED_DIR = "train_semi_supervised";

  private final Path root;
  private final Solution train;
  private final Map<String, SolutionImage> images;
  private final List<String> testIds;
  private final List<String> unlabeledIds;

  private Dataset(Path root, Solution train, List<String> testIds, List<String> unlabeledIds) {
    this.root = root;
    this.train = train;
    this.images = train.images().stream().collect(Collectors.toMap(SolutionImage::id, Function.identity(),
        (a, b) -> a, LinkedHashMap::new));
    this.testIds = List.copyOf(testIds);
    this.unlabeledIds = List.copyOf(unlabeledIds);
  }

  /** Opens {@code dir/train.csv} with images in {@code dir/train} for training; each image is checked as it loads. */
  public static Dataset open(Path dir) throws IOException {
    Path csv = dir.resolve(TRAIN_CSV);
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("no train.csv in data dir " + dir);
    }
    if (!Files.isDirectory(dir.resolve(TRAIN_DIR))) {
      throw new IllegalArgumentException("no train/ image folder in data dir " + dir);
    }
    try {
      return layout(dir);
    } catch (InvalidFileException e) {
      throw new IllegalArgumentException("invalid " + csv + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a dataset and checks it up front: {@code train.csv} through the scoring module's reader (a bad RLE is
   * reported with its line and image id), and each labelled image present with the size train.csv gives.
   */
  public static Dataset read(Path root) throws IOException, InvalidFileException {
    if (!Files.isDirectory(root)) {
      throw new DatasetException("no dataset folder " + root);
    }
    if (!Files.isRegularFile(root.resolve(TRAIN_CSV))) {
      throw new DatasetException("no " + TRAIN_CSV + " in " + root + " (expected the Kaggle layout: "
          + "train.csv, train/<id>.png, optional test/ and train_semi_supervised/)");
    }
    Dataset dataset = layout(root);
    TrainImageCheck.check(dataset);
    return dataset;
  }

  private static Dataset layout(Path root) throws IOException, InvalidFileException {
    return new Dataset(root, SolutionReader.read(root.resolve(TRAIN_CSV)), pngIds(root.resolve(TEST_DIR)),
        pngIds(root.resolve(UNLABELED_DIR)));
  }

  /** The ids (file names without .png) of the PNGs in a folder, sorted; empty when the folder is absent. */
  public static List<String> pngIds(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.toLowerCase().endsWith(".png"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList();
    }
  }

  public Path root() {
    return root;
  }

  /** The labelled images as the scoring module reads them. */
  public Solution train() {
    return train;
  }

  public List<SolutionImage> images() {
    return train.images();
  }

  public List<String> ids() {
    return new ArrayList<>(images.keySet());
  }

  public List<String> testIds() {
    return testIds;
  }

  public List<String> unlabeledIds() {
    return unlabeledIds;
  }

  public SolutionImage image(String id) {
    SolutionImage s = images.get(id);
    if (s == null) {
      throw new IllegalArgumentException("image id " + id + " is not in train.csv");
    }
    return s;
  }

  /** The PNG of a labelled image, {@code train/<id>.png}. */
  public Path imagePath(String id) {
    return root.resolve(TRAIN_DIR).resolve(id + ".png");
  }

  /** The PNG of a test image, {@code test/<id>.png}. */
  public Path testImagePath(String id) {
    return root.resolve(TEST_DIR).resolve(id + ".png");
  }

  /** The ground truth of some images, for scoring. */
  public Solution solution(List<String> ids) {
    List<SolutionImage> list = new ArrayList<>();
    for (String id : ids) {
      list.add(image(id));
    }
    return new Solution(list);
  }

  /** Loads the pixels and ground truth of one image. */
  public AnnotatedImage load(String id, DataConfig config) {
    SolutionImage s = image(id);
    GrayImage g = GrayImage.read(imagePath(id));
    if (g.width != s.width() || g.height != s.height()) {
      throw new IllegalArgumentException("image " + id + " is " + g.width + "x" + g.height + " but train.csv says "
          + s.width() + "x" + s.height());
    }
    List<GtMask> masks = new ArrayList<>();
    int label = config.label(s.cellType());
    for (RunMask m : s.cells()) {
      if (!m.isEmpty()) {
        masks.add(GtMask.of(m));
      }
    }
    int[] labels = new int[masks.size()];
    java.util.Arrays.fill(labels, label);
    return new AnnotatedImage(id, g, masks.toArray(new GtMask[0]), labels);
  }
}
