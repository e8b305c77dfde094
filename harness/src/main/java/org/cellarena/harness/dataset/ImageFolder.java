package org.cellarena.harness.dataset;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cellarena.model.data.Dataset;

/**
 * The image files under a folder and its subfolders (LIVECell keeps its images in one folder per cell line, under
 * livecell_train_val_images/ and livecell_test_images/), found by name without extension. Datasets in the Kaggle
 * layout (a folder with a train.csv: the output, an earlier import) are not sources and are left out. The walk is
 * bounded: {@link #MAX_DEPTH} levels, {@link #MAX_FILES} files.
 */
final class ImageFolder {
  static final int MAX_DEPTH = 4;
  static final int MAX_FILES = 1_000_000;

  private final Path root;
  private final Map<String, List<Path>> byId = new HashMap<>();
  private int files;

  private ImageFolder(Path root) {
    this.root = root;
  }

  /** Indexes the files under {@code root}, leaving out the folder {@code output} and datasets. */
  static ImageFolder index(Path root, Path output) throws IOException {
    ImageFolder folder = new ImageFolder(root);
    Path away = output.toAbsolutePath().normalize();
    Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        boolean dataset = !dir.equals(root) && Files.exists(dir.resolve(Dataset.TRAIN_CSV));
        return dataset || dir.toAbsolutePath().normalize().equals(away)
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.isRegularFile()) {
          folder.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        throw new DataException("cannot list the images under " + root + ": " + file + ": " + e.getMessage());
      }
    });
    return folder;
  }

  private void add(Path file) throws DataException {
    if (++files > MAX_FILES) {
      throw new DataException("more than " + MAX_FILES + " files under " + root + ": give the images' folder");
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      byId.computeIfAbsent(name.substring(0, dot), id -> new ArrayList<>(1)).add(file);
    }
  }

  /** The files named {@code id.<extension>}: none, one, or several (in different folders or formats). */
  List<Path> find(String id) {
    return byId.getOrDefault(id, List.of());
  }

  Path root() {
    return root;
  }
}
