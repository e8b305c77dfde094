package org.cellarena.model.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.rle.RunMask;

/**
 * A dataset in the Kaggle layout: {@code train.csv} (read by the scoring module) and {@code train/<id>.png}.
 * Images load lazily, on the loader threads.
 */
public final class Dataset {
  private final Path imageDir;
  private final Map<String, SolutionImage> images;
  private final Solution solution;

  private Dataset(Path imageDir, Solution solution) {
    this.imageDir = imageDir;
    this.solution = solution;
    this.images = solution.images().stream().collect(Collectors.toMap(SolutionImage::id, Function.identity(),
        (a, b) -> a, java.util.LinkedHashMap::new));
  }

  /** Opens {@code dir/train.csv} with images in {@code dir/train}. */
  public static Dataset open(Path dir) throws IOException {
    Path csv = dir.resolve("train.csv");
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("no train.csv in data dir " + dir);
    }
    Path images = dir.resolve("train");
    if (!Files.isDirectory(images)) {
      throw new IllegalArgumentException("no train/ image folder in data dir " + dir);
    }
    try {
      return new Dataset(images, SolutionReader.read(csv));
    } catch (InvalidFileException e) {
      throw new IllegalArgumentException("invalid " + csv + ": " + e.getMessage(), e);
    }
  }

  public List<String> ids() {
    return new ArrayList<>(images.keySet());
  }

  public SolutionImage image(String id) {
    SolutionImage s = images.get(id);
    if (s == null) {
      throw new IllegalArgumentException("image id " + id + " is not in train.csv");
    }
    return s;
  }

  public Path imagePath(String id) {
    return imageDir.resolve(id + ".png");
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
