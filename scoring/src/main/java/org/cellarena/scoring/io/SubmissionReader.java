package org.cellarena.scoring.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cellarena.scoring.rle.RleFormatException;
import org.cellarena.scoring.rle.RunMask;

/**
 * Reads and validates a submission ({@code id,predicted}, plain or gzip) against a solution, streaming: each row
 * becomes runs as it is read. Every problem found is collected (up to a limit) with its line and image id.
 */
public final class SubmissionReader {
  public static final List<String> COLUMNS = List.of("id", "predicted");
  private static final int ABSENT_IDS_SHOWN = 5;
  /**
   * The longest row read: one mask of an image of up to 8192 x 8192 pixels (a longer predicted field than its
   * image's pixel count is refused anyway), so that one endless field cannot fill the memory.
   */
  static final int MAX_ROW_BYTES = 64 << 20;

  private final SolutionImages solution;
  private final SubmissionLimits limits;
  private final int problemLimit;

  /** A reader with no bounds beyond the image sizes, for files the caller trusts (its own). */
  public SubmissionReader(Solution solution) {
    this(solution, SubmissionLimits.NONE);
  }

  /** A reader that stops at the first bound passed (for files from others: the server's). */
  public SubmissionReader(Solution solution, SubmissionLimits limits) {
    this(solution, limits, Problems.DEFAULT_LIMIT);
  }

  public SubmissionReader(Solution solution, SubmissionLimits limits, int problemLimit) {
    this(SolutionImages.of(solution), limits, problemLimit);
  }

  /** Checks against a solution that may still be being read ({@link ScoringFiles}). */
  SubmissionReader(SolutionImages solution, SubmissionLimits limits, int problemLimit) {
    this.solution = solution;
    this.limits = limits;
    this.problemLimit = problemLimit;
  }

  public Submission read(Path file) throws IOException, InvalidFileException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    }
  }

  /** Reads a submission from a stream; {@code name} is used in messages. */
  public Submission read(InputStream in, String name) throws IOException, InvalidFileException {
    return read(in, name, Deadline.after(limits.time()));
  }

  /**
   * Reads a submission from a stream, stopping with a problem once {@code deadline} has passed (a caller that
   * scores the file next passes the same deadline to the scorer).
   */
  public Submission read(InputStream in, String name, Deadline deadline) throws IOException, InvalidFileException {
    Reading reading = new Reading(name, deadline);
    try {
      CsvRecords row = new CsvRecords(TextInput.open(in), MAX_ROW_BYTES);
      reading.header(row);
      while (row.next()) {
        reading.row(row);
      }
    } catch (TextInput.BadTextException e) {
      reading.problems.add(0, null, e.getMessage());
      reading.problems.throwIfAny(name);
    } catch (CsvRecords.MalformedCsvException e) {
      reading.problems.addLast(e.line(), null, e.getMessage());
      reading.problems.throwIfAny(name);
    }
    return reading.submission();
  }

  /** One read: the header's columns, the masks of each image met so far, the problems found. */
  private final class Reading {
    final Problems problems = new Problems(problemLimit);
    private final String name;
    private final ReadBudget budget;
    private final Map<String, ImageMasks> images = new LinkedHashMap<>();
    private final Set<String> unknownIds = new HashSet<>();
    private int idCol, predictedCol;
    private String id; // the image of the previous row, its size (null when unknown) and masks
    private SolutionImages.Size truth;
    private ImageMasks masks;

    Reading(String name, Deadline deadline) {
      this.name = name;
      this.budget = new ReadBudget(limits, deadline, problems, name);
    }

    /** Reads the header: exactly the columns id and predicted, or the read stops here. */
    void header(CsvRecords row) throws IOException, InvalidFileException {
      if (!row.next() || (row.size() == 1 && row.isBlank(0) && row.atEnd())) {
        problems.add(0, null, "the file is empty; expected a header id,predicted and a row per predicted cell");
        problems.throwIfAny(name);
      }
      Map<String, Integer> col = row.columns();
      List<String> missing = COLUMNS.stream().filter(c -> !col.containsKey(c)).toList();
      List<String> unknown = row.texts().stream().map(String::trim).filter(c -> !COLUMNS.contains(c)).toList();
      if (!missing.isEmpty() || !unknown.isEmpty()) {
        String what = (missing.isEmpty() ? "" : "missing column(s) " + String.join(", ", missing))
            + (!missing.isEmpty() && !unknown.isEmpty() ? "; " : "")
            + (unknown.isEmpty() ? "" : "unknown column(s) " + echo(unknown));
        problems.add(1, null, what + "; expected the header id,predicted");
        problems.throwIfAny(name);
      }
      idCol = col.get("id");
      predictedCol = col.get("predicted");
    }

    /** One row: a mask of a known image, or a problem with its line; stops the read at the problem limit. */
    void row(CsvRecords row) throws IOException, InvalidFileException {
      long line = row.number();
      if (problems.full()) {
        problems.addLast(line, null, "reading stopped here, at the first " + problemLimit + " problems");
        problems.throwIfAny(name);
      }
      budget.row(line);
      if (row.size() == 1 && row.isBlank(0)) {
        return;
      }
      if (row.size() != 2) {
        problems.add(line, row.size() > 0 ? row.text(0) : null,
            "expected 2 fields (id,predicted), found " + row.size());
        return;
      }
      if (!findImage(row, line)) {
        return;
      }
      if (truth == null) {
        if (unknownIds.add(id)) {
          problems.add(line, id, "unknown image id (not in the solution)");
        }
        return;
      }
      if (!row.isBlank(predictedCol)) {
        addMask(row, line);
      }
    }

    /** Makes the row's image the current one (an image's rows usually follow one another); false for no id. */
    private boolean findImage(CsvRecords row, long line) throws IOException {
      if (id != null && row.is(idCol, id)) {
        return true;
      }
      String rowId = row.text(idCol).trim();
      if (rowId.isEmpty()) {
        problems.add(line, null, "empty image id");
        return false;
      }
      if (!rowId.equals(id)) {
        id = rowId;
        truth = solution.size(id);
        masks = truth == null ? null : images.computeIfAbsent(id, k -> new ImageMasks());
      }
      return true;
    }

    private void addMask(CsvRecords row, long line) throws IOException, InvalidFileException {
      long pixels = (long) truth.width() * truth.height();
      if (row.length(predictedCol) > pixels) {
        problems.add(line, id, "predicted is " + row.length(predictedCol) + " characters long, more than the "
            + "image's " + truth.width() + " x " + truth.height() + " = " + pixels + " pixels: not a mask");
        return;
      }
      try {
        RunMask mask = row.mask(predictedCol, truth.width(), truth.height());
        if (!mask.isEmpty()) {
          budget.admit(line, id, truth.width(), truth.height(), masks.masks.size(), masks.pixels, mask.area());
          masks.add(mask, line);
        }
      } catch (RleFormatException e) {
        problems.add(line, id, "predicted: " + e.getMessage());
      }
    }

    /** The masks read, or every problem found (absent images and overlaps included). */
    Submission submission() throws IOException, InvalidFileException {
      reportAbsentImages(solution.solution(), images, problems);
      images.forEach((id, masks) -> reportOverlaps(id, masks, problems));
      problems.throwIfAny(name);
      Map<String, List<RunMask>> result = new LinkedHashMap<>();
      images.forEach((id, masks) -> result.put(id, masks.masks));
      return new Submission(result);
    }
  }

  /** Names from the input, each cut to {@link Problem#MAX_ECHOED_ID} characters, at most ten of them. */
  private static String echo(List<String> names) {
    String shown = names.stream().limit(10).map(n -> Problem.cut(n, Problem.MAX_ECHOED_ID))
        .collect(Collectors.joining(", "));
    return names.size() > 10 ? shown + ", ... (" + names.size() + " in all)" : shown;
  }

  private static void reportAbsentImages(Solution solution, Map<String, ImageMasks> images, Problems problems) {
    List<String> absent = solution.ids().stream().filter(id -> !images.containsKey(id)).toList();
    if (!absent.isEmpty()) {
      String shown = absent.stream().limit(ABSENT_IDS_SHOWN).collect(Collectors.joining(", "));
      problems.add(0, null, absent.size() + " of the solution's " + solution.size()
          + " images are absent from the submission (list each image, with an empty predicted for no cells): "
          + shown + (absent.size() > ABSENT_IDS_SHOWN ? ", ..." : ""));
    }
  }

  /** The competition forbids overlapping predictions: a sweep over all runs of the image, sorted by start. */
  private static void reportOverlaps(String id, ImageMasks image, Problems problems) {
    int total = 0;
    for (RunMask m : image.masks) {
      total += m.runCount();
    }
    int[] ends = new int[total], owners = new int[total];
    long[] byStart = new long[total]; // start << 32 | run number: sorting it orders the runs by start
    int n = 0;
    for (int k = 0; k < image.masks.size(); k++) {
      RunMask m = image.masks.get(k);
      for (int r = 0; r < m.runCount(); r++, n++) {
        ends[n] = m.runStart(r) + m.runLength(r);
        owners[n] = k;
        byStart[n] = ((long) m.runStart(r) << 32) | n;
      }
    }
    Arrays.sort(byStart);
    Set<Long> reported = new HashSet<>();
    int reachEnd = -1, reachMask = -1;
    for (long key : byStart) {
      int start = (int) (key >>> 32), run = (int) key, k = owners[run];
      if (start < reachEnd && reachMask != k && reported.add(((long) reachMask << 32) | k)) {
        problems.add(image.lines.get(k), id, "predicted mask overlaps the mask on line "
            + image.lines.get(reachMask) + " (at pixel " + (start + 1) + "); predicted masks must not overlap");
      }
      if (ends[run] > reachEnd) {
        reachEnd = ends[run];
        reachMask = k;
      }
    }
  }

  private static final class ImageMasks {
    final List<RunMask> masks = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();
    long pixels;

    void add(RunMask mask, long line) {
      masks.add(mask);
      lines.add(line);
      pixels += mask.area();
    }
  }
}
