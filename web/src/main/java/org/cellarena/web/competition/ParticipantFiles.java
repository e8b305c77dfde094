package org.cellarena.web.competition;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files a competition hands to participants: the top-level files of its participant bundle
 * ({@code COMP_DIR/participant/}, written by {@code competition create}), and each of its folders as one zip
 * (built once, under the server's data dir). A competition without a bundle offers its
 * {@code sample_submission.csv} and {@code test.zip}.
 *
 * <p>A name is served only when it is in the listing, which is made from plain files (no links) whose names
 * never start with "solution": a request names an entry of a list, never a path, so no traversal or encoding
 * can reach the solution. In a model competition no file named after a hidden test image ({@link
 * Competition#isHidden}: its id, or its id and a '.' and anything) is listed or zipped, whatever folder holds it.
 */
public final class ParticipantFiles {
  public static final String BUNDLE_DIR = "participant";

  /** One file offered to participants. */
  public record File(String name, long bytes, Path path) {}

  private final Path zipCache;
  private final Map<String, Map<String, File>> listings = new LinkedHashMap<>();

  /** @param zipCache where the zips of the bundle's folders are kept */
  public ParticipantFiles(Path zipCache) {
    this.zipCache = zipCache;
  }

  /** The competition's files by name, in listing order (blocking: the first call builds the zips). */
  public synchronized List<File> list(Competition competition) {
    return List.copyOf(listing(competition).values());
  }

  /** The file of that name, if the listing holds it (blocking). */
  public synchronized Optional<File> find(Competition competition, String name) {
    return Optional.ofNullable(listing(competition).get(name));
  }

  private Map<String, File> listing(Competition competition) {
    return listings.computeIfAbsent(competition.id() + "/" + version(competition), k -> build(competition));
  }

  /** What the files depend on: the solution, and in a model competition the sample images. */
  private static String version(Competition competition) {
    String solution = competition.solutionHash().substring(0, 16);
    if (!competition.isModel()) {
      return solution;
    }
    String sample = String.join("\n", competition.model().sampleTest());
    return solution + "-model-" + CompetitionLoader.sha256(sample.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
  }

  private Map<String, File> build(Competition competition) {
    Path bundle = competition.dir().resolve(BUNDLE_DIR);
    Map<String, File> files = new LinkedHashMap<>();
    try {
      if (Files.isDirectory(bundle, LinkOption.NOFOLLOW_LINKS)) {
        for (Path p : children(bundle)) {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && offered(competition, p)) {
            files.put(p.getFileName().toString(), new File(p.getFileName().toString(), Files.size(p), p));
          }
        }
        for (Path p : children(bundle)) {
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && offered(competition, p)) {
            add(files, zip(competition, p));
          }
        }
      } else {
        Path sample = competition.dir().resolve("sample_submission.csv");
        if (Files.isRegularFile(sample, LinkOption.NOFOLLOW_LINKS)) {
          files.put(sample.getFileName().toString(), new File("sample_submission.csv", Files.size(sample), sample));
        }
        if (Files.isDirectory(competition.testImagesDir(), LinkOption.NOFOLLOW_LINKS)) {
          add(files, zip(competition, competition.testImagesDir()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the participant files of " + competition.id(), e);
    }
    return files;
  }

  private static void add(Map<String, File> files, File file) {
    files.put(file.name(), file);
  }

  private static boolean offered(Competition competition, Path p) {
    String name = p.getFileName().toString();
    return !name.startsWith(".") && !name.toLowerCase(Locale.ROOT).startsWith("solution")
        && !namesHiddenImage(competition, name);
  }

  /** Whether the name is a hidden image's id, or starts with one followed by a '.' (ids may hold dots). */
  private static boolean namesHiddenImage(Competition competition, String name) {
    for (int dot = name.indexOf('.'); ; dot = name.indexOf('.', dot + 1)) {
      if (competition.isHidden(dot < 0 ? name : name.substring(0, dot))) {
        return true;
      }
      if (dot < 0) {
        return false;
      }
    }
  }

  private static List<Path> children(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  /** The folder as {@code <name>.zip} (its plain files, sorted), built once per solution version. */
  private File zip(Competition competition, Path folder) throws IOException {
    String name = folder.getFileName() + ".zip";
    Path target = zipCache.resolve(competition.id()).resolve(version(competition)).resolve(name);
    if (!Files.isRegularFile(target)) {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), ".building-", ".zip");
      try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
        List<Path> entries = new ArrayList<>();
        for (Path p : children(folder)) {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && offered(competition, p)) {
            entries.add(p);
          }
        }
        zip.setLevel(1); // images are compressed already
        for (Path p : entries) {
          zip.putNextEntry(new ZipEntry(folder.getFileName() + "/" + p.getFileName()));
          Files.copy(p, zip);
          zip.closeEntry();
        }
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    return new File(name, Files.size(target), target);
  }
}
