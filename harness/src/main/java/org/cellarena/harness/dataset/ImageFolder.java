package org.cellarena.harness.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The image files under a folder and its subfolders (LIVECell keeps its images in one folder per cell line, under
 * livecell_train_val_images/ and livecell_test_images/), found by name without extension. The walk is bounded:
 * {@link #MAX_DEPTH} levels, {@link #MAX_FILES} files.
 */
final class ImageFolder {
  static final int MAX_DEPTH = 4;
  static final int MAX_FILES = 1_000_000;

  private final Path root;
  private final Map<String, List<Path>> byId;

  private ImageFolder(Path root, Map<String, List<Path>> byId) {
    this.root = root;
    this.byId = byId;
  }

  static ImageFolder index(Path root) throws IOException {
    Map<String, List<Path>> byId = new HashMap<>();
    try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
      files.filter(Files::isRegularFile).limit(MAX_FILES + 1L).forEach(file -> {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
          byId.computeIfAbsent(name.substring(0, dot), id -> new ArrayList<>(1)).add(file);
        }
      });
    } catch (UncheckedIOException e) {
      throw new DataException("cannot list the images under " + root + ": " + e.getCause().getMessage());
    }
    if (byId.values().stream().mapToInt(List::size).sum() > MAX_FILES) {
      throw new DataException("more than " + MAX_FILES + " files under " + root + ": give the images' folder");
    }
    return new ImageFolder(root, byId);
  }

  /** The files named {@code id.<extension>}: none, one, or several (in different folders or formats). */
  List<Path> find(String id) {
    return byId.getOrDefault(id, List.of());
  }

  Path root() {
    return root;
  }
}
