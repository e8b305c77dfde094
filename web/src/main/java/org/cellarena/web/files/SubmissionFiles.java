package org.cellarena.web.files;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.cellarena.web.refusal.Refusal;

/** Stores uploads as immutable gzip files under the data dir and opens them again for scoring. */
public final class SubmissionFiles {
  private static final int GZIP_MAGIC_0 = 0x1f;
  private static final int GZIP_MAGIC_1 = 0x8b;
  /** The folder under {@code submissions/} where request bodies are written while they arrive. */
  public static final String UPLOADS = ".uploads";
  private static final Pattern STORED_NAME = Pattern.compile("\\d+\\.(csv\\.gz|model\\.zip)");
  /** The age past which a model's unpack folder is a crashed run's leftover, even on a shared data dir. */
  private static final Duration WORK_DIR_MAX_AGE = Duration.ofHours(6);

  private final Path dataDir;
  private final long uncompressedLimit;
  private final int maxRatio;
  private final DiskSpace space;

  /**
   * @param dataDir the server's data dir; files go under {@code dataDir/submissions}
   * @param uncompressedLimit the most bytes an upload may decompress to
   * @param maxRatio the most bytes a gzip upload may decompress to per compressed byte
   * @param space the free space uploads must leave
   */
  public SubmissionFiles(Path dataDir, long uncompressedLimit, int maxRatio, DiskSpace space) {
    this.dataDir = dataDir;
    this.uncompressedLimit = uncompressedLimit;
    this.maxRatio = maxRatio;
    this.space = space;
  }

  /** Files for a scoring worker, which opens stored files and takes no uploads. */
  public static SubmissionFiles forScoring(Path dataDir, long uncompressedLimit) {
    return new SubmissionFiles(dataDir, uncompressedLimit, Integer.MAX_VALUE, new DiskSpace(dataDir, 0));
  }

  /** The free space that uploads must leave on the data dir's disk. */
  public DiskSpace space() {
    return space;
  }

  /**
   * Reads an upload (plain CSV or gzip), checks it and writes it gzip-compressed to a staging file in the
   * competition's folder. Refuses an empty upload (400), a corrupt or truncated gzip (400), one that
   * decompresses past the limits (413, see {@link InflationGuard}) and one that finds the disk full (507).
   */
  public StagedUpload stage(String competition, InputStream upload) {
    Path dir = competitionDir(competition);
    Path staging = dir.resolve(".incoming-" + UUID.randomUUID() + ".csv.gz");
    try {
      Files.createDirectories(dir);
      MessageDigest sha = Sha256.digest();
      long uncompressed;
      try (InputStream content = new DigestInputStream(decoded(upload), sha);
           OutputStream out = new GZIPOutputStream(Files.newOutputStream(staging), 1 << 16) {
             { def.setLevel(Deflater.BEST_SPEED); }
           }) {
        uncompressed = content.transferTo(out);
      }
      if (uncompressed == 0) {
        throw Refusal.badRequest("the upload is empty; send the submission CSV (id,predicted), plain or gzip");
      }
      return new StagedUpload(staging, Files.size(staging), Sha256.hex(sha));
    } catch (EOFException e) {
      deleteQuietly(staging);
      throw Refusal.badRequest("the gzip data ends early: the upload is truncated");
    } catch (ZipException e) {
      deleteQuietly(staging);
      throw Refusal.badRequest("the upload starts like gzip but is not valid gzip: " + e.getMessage());
    } catch (IOException e) {
      deleteQuietly(staging);
      if (space.explain(e) instanceof Refusal full) {
        throw full;
      }
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(staging);
      throw e;
    }
  }

  /**
   * Moves a staged upload to {@code submissions/<competition>/<id>.csv.gz} and makes it read-only. A file
   * already there belongs to no committed submission (ids are never reused), so it is replaced.
   *
   * @return the stored file's path relative to the data dir
   */
  public String place(StagedUpload staged, String competition, long id) {
    Path target = competitionDir(competition).resolve(id + ".csv.gz");
    try {
      Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    target.toFile().setWritable(false, false);
    return dataDir.relativize(target).toString();
  }

  /**
   * Moves a checked model archive to {@code submissions/<competition>/<id>.model.zip}, read-only.
   *
   * @return the stored archive's path relative to the data dir
   */
  public String placeModel(Path archive, String competition, long id) {
    Path target = competitionDir(competition).resolve(id + ".model.zip");
    try {
      Files.move(archive, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    target.toFile().setWritable(false, false);
    return dataDir.relativize(target).toString();
  }

  /** A stored file's path (a model archive, for one). */
  public Path resolve(String storedFile) {
    return dataDir.resolve(storedFile);
  }

  /**
   * Checks a model archive and unpacks it into {@code target}, within the gzip path's compression ratio and the
   * free space to keep (see {@link ModelArchive#unpack}).
   */
  public void unpackModel(Path archive, Path target) {
    ModelArchive.unpack(archive, target, maxRatio, space);
  }

  /**
   * A new empty folder to unpack a model into, under the competition's folder ({@code .work-*}); the caller
   * deletes it ({@link #deleteTree}), and a start after a kill removes what is left ({@link #removeLeftovers}).
   */
  public Path newWorkDir(String competition) {
    try {
      Path dir = competitionDir(competition);
      Files.createDirectories(dir);
      return Files.createTempDirectory(dir, ".work-");
    } catch (IOException e) {
      if (space.explain(e) instanceof Refusal full) {
        throw full;
      }
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a work folder and what it holds, quietly. */
  public static void deleteTree(Path dir) {
    if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(SubmissionFiles::deleteQuietly);
    } catch (IOException ignored) {
      // a stray work folder is removed at the next start
    }
  }

  /** Removes a staged upload that did not become a submission. */
  public void discard(StagedUpload staged) {
    deleteQuietly(staged.file());
  }

  /**
   * Deletes what an upload cut short by a kill or a failed commit left behind: everything in
   * {@code submissions/.uploads}, the {@code .incoming-*.csv.gz} staging files, any {@code <id>.csv.gz} or
   * {@code <id>.model.zip} that no submission row names and the models' unpack folders ({@code .work-*}). Run
   * at start, before any upload can be under way; a file that a row names is never
   * touched.
   *
   * @param storedFiles every submission's stored file, relative to the data dir
   * @return how many files were deleted
   */
  public int removeLeftovers(Set<String> storedFiles) {
    return removeLeftovers(storedFiles, Duration.ZERO);
  }

  /**
   * {@link #removeLeftovers(Set)}, sparing files younger than {@code minAge}: with a data dir that several server
   * nodes share, a young one may be another node's upload in flight (its row not committed yet); there an unpack
   * folder is removed once it is hours old.
   */
  public int removeLeftovers(Set<String> storedFiles, Duration minAge) {
    Instant cutoff = Instant.now().minus(minAge);
    Path root = dataDir.resolve("submissions");
    Set<Path> kept = new HashSet<>();
    for (String stored : storedFiles) {
      kept.add(dataDir.resolve(stored).toAbsolutePath().normalize());
    }
    int removed = 0;
    try (Stream<Path> dirs = Files.exists(root) ? Files.list(root) : Stream.empty()) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          continue; // the database's own files
        }
        boolean uploads = dir.getFileName().toString().equals(UPLOADS);
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : (Iterable<Path>) files::iterator) {
            String name = file.getFileName().toString();
            if (name.startsWith(".work-")) {
              if (minAge.isZero() || Files.getLastModifiedTime(file).toInstant()
                  .isBefore(Instant.now().minus(WORK_DIR_MAX_AGE))) {
                deleteTree(file);
              }
              continue;
            }
            boolean leftover = uploads
                || (name.startsWith(".incoming-") && name.endsWith(".csv.gz"))
                || (STORED_NAME.matcher(name).matches() && !kept.contains(file.toAbsolutePath().normalize()));
            if (leftover && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && (minAge.isZero() || Files.getLastModifiedTime(file).toInstant().isBefore(cutoff))
                && Files.deleteIfExists(file)) {
              removed++;
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean up " + root, e);
    }
    return removed;
  }

  /** The decompressed content of a stored submission file. */
  public InputStream open(String storedFile) throws IOException {
    return InflationGuard.plain(
        new GZIPInputStream(Files.newInputStream(dataDir.resolve(storedFile)), 1 << 16), uncompressedLimit);
  }

  private Path competitionDir(String competition) {
    return dataDir.resolve("submissions").resolve(competition);
  }

  /** The upload's content, guarded: decompressed when it starts with the gzip magic bytes. */
  private InputStream decoded(InputStream upload) throws IOException {
    BufferedInputStream in = new BufferedInputStream(upload, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == GZIP_MAGIC_0 && b1 == GZIP_MAGIC_1) {
      return InflationGuard.gunzip(in, uncompressedLimit, maxRatio);
    }
    return InflationGuard.plain(in, uncompressedLimit);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stray staging file is harmless; the next upload uses another name
    }
  }
}
