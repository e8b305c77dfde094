package org.cellarena.scoring.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cellarena.scoring.rle.RleFormatException;
import org.cellarena.scoring.rle.RunMask;

/**
 * Reads ground truth in the competition's {@code train.csv} layout: {@code id,annotation,width,height,cell_type},
 * the optional {@code plate_time,sample_date,sample_id,elapsed_timedelta} and an optional {@code Usage}
 * (Public/Private; without it every image is Public). One row per cell; an image without cells has one row with
 * an empty annotation.
 */
public final class SolutionReader {
  public static final List<String> REQUIRED = List.of("id", "annotation", "width", "height", "cell_type");
  public static final List<String> METADATA = List.of("plate_time", "sample_date", "sample_id", "elapsed_timedelta");
  public static final String USAGE = "Usage";

  private SolutionReader() {}

  public static Solution read(Path file) throws IOException, InvalidFileException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads a solution from a stream (plain or gzip); {@code name} is used in messages. */
  public static Solution read(InputStream in, String name) throws IOException, InvalidFileException {
    return read(in, name, null);
  }

  /** Reads a solution, telling {@code progress} (when not null) of each image as it meets it. */
  static Solution read(InputStream in, String name, SolutionInProgress progress)
      throws IOException, InvalidFileException {
    Reading reading = new Reading(name, progress);
    try {
      CsvRecords row = new CsvRecords(TextInput.open(in));
      reading.header(row);
      while (row.next()) {
        reading.row(row);
      }
    } catch (TextInput.BadTextException e) {
      reading.problems.add(0, null, e.getMessage());
    }
    return reading.solution();
  }

  /** One read: the header's columns, the images met so far and the problems found. */
  private static final class Reading {
    final Problems problems = new Problems(Problems.DEFAULT_LIMIT);
    private final String name;
    private final SolutionInProgress progress;
    private final Map<String, Builder> images = new LinkedHashMap<>();
    private Map<String, Integer> col;
    private int columns, idCol, widthCol, heightCol, typeCol, annotationCol;
    private Integer usageCol;
    private Builder image; // the image of the previous row

    Reading(String name, SolutionInProgress progress) {
      this.name = name;
      this.progress = progress;
    }

    /** Reads the header: the required columns are there, or the read stops here. */
    void header(CsvRecords row) throws IOException, InvalidFileException {
      if (!row.next()) {
        problems.add(0, null, "the file is empty");
        problems.throwIfAny(name);
      }
      col = row.columns();
      List<String> missing = REQUIRED.stream().filter(c -> !col.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(1, null, "missing column(s) " + String.join(", ", missing) + "; expected header "
            + String.join(",", REQUIRED) + " (optional: " + String.join(",", METADATA) + "," + USAGE + ")");
        problems.throwIfAny(name);
      }
      columns = row.size();
      idCol = col.get("id");
      widthCol = col.get("width");
      heightCol = col.get("height");
      typeCol = col.get("cell_type");
      annotationCol = col.get("annotation");
      usageCol = col.get(USAGE);
    }

    /** One row: a cell of an image (the image is made at its first row), or a problem with its line. */
    void row(CsvRecords row) {
      long line = row.number();
      if (row.size() == 1 && row.isBlank(0)) {
        return;
      }
      if (row.size() != columns) {
        problems.add(line, null, "expected " + columns + " fields, found " + row.size());
        return;
      }
      // An image's rows usually follow one another: its id, cell type and Usage are then Strings already made.
      boolean sameImage = image != null && row.is(idCol, image.id);
      String id = sameImage ? image.id : row.text(idCol).trim();
      if (id.isEmpty()) {
        problems.add(line, null, "empty image id");
        return;
      }
      int width = positive(row, widthCol, "width", line, id, problems);
      int height = positive(row, heightCol, "height", line, id, problems);
      if (width == 0 || height == 0) {
        return;
      }
      Usage usage = usage(row, sameImage);
      if (usage == null) {
        problems.add(line, id, "Usage must be Public, Private or Feedback, found '" + row.text(usageCol) + "'");
        return;
      }
      String cellType = sameImage && row.is(typeCol, image.cellType) ? image.cellType : row.text(typeCol).trim();
      if (!sameImage) {
        image = images.get(id);
      }
      if (image == null) {
        image = newImage(row, id, width, height, cellType, usage);
      } else if (!agrees(line, width, height, cellType, usage)) {
        return;
      }
      addCell(row, line);
    }

    /** The row's Usage (Public without the column); null when it is none of the labels. */
    private Usage usage(CsvRecords row, boolean sameImage) {
      if (usageCol == null) {
        return Usage.PUBLIC;
      }
      return sameImage && row.is(usageCol, image.usage.label()) ? image.usage : Usage.parse(row.text(usageCol));
    }

    private Builder newImage(CsvRecords row, String id, int width, int height, String cellType, Usage usage) {
      Map<String, String> metadata = new LinkedHashMap<>();
      for (String m : METADATA) {
        if (col.containsKey(m)) {
          metadata.put(m, row.text(col.get(m)));
        }
      }
      Builder made = new Builder(id, width, height, cellType, usage, metadata);
      images.put(id, made);
      if (progress != null) {
        progress.image(id, width, height);
      }
      return made;
    }

    /** Whether a later row of the image agrees with its first on size, cell type and Usage; reported if not. */
    private boolean agrees(long line, int width, int height, String cellType, Usage usage) {
      if (image.width != width || image.height != height) {
        problems.add(line, image.id, "size " + width + "x" + height + " differs from the image's earlier rows ("
            + image.width + "x" + image.height + ")");
        return false;
      }
      if (!image.cellType.equals(cellType) || image.usage != usage) {
        problems.add(line, image.id, "cell_type/Usage differ from the image's earlier rows");
        return false;
      }
      return true;
    }

    private void addCell(CsvRecords row, long line) {
      if (row.isBlank(annotationCol)) {
        return;
      }
      try {
        RunMask mask = row.mask(annotationCol, image.width, image.height);
        if (!mask.isEmpty()) {
          image.cells.add(mask);
        }
      } catch (RleFormatException e) {
        problems.add(line, image.id, "annotation: " + e.getMessage());
      }
    }

    /** The images read, or every problem found. */
    Solution solution() throws InvalidFileException {
      if (images.isEmpty() && problems.isEmpty()) {
        problems.add(0, null, "the file has a header but no images");
      }
      problems.throwIfAny(name);
      List<SolutionImage> list = new ArrayList<>(images.size());
      images.values().forEach(b -> list.add(b.build()));
      return new Solution(list);
    }
  }

  /** The field as a positive integer (at most 100,000), or 0 after reporting it. */
  private static int positive(CsvRecords row, int column, String what, long line, String id, Problems problems) {
    int digits = row.digits(column);
    if (digits > 0 && digits <= 100_000) {
      return digits;
    }
    String text = row.text(column);
    try {
      int v = Integer.parseInt(text.trim());
      if (v > 0 && v <= 100_000) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    problems.add(line, id, what + " must be a positive integer, found '" + text + "'");
    return 0;
  }

  private static final class Builder {
    final String id;
    final int width, height;
    final String cellType;
    final Usage usage;
    final Map<String, String> metadata;
    final List<RunMask> cells = new ArrayList<>();

    Builder(String id, int width, int height, String cellType, Usage usage, Map<String, String> metadata) {
      this.id = id;
      this.width = width;
      this.height = height;
      this.cellType = cellType;
      this.usage = usage;
      this.metadata = metadata;
    }

    SolutionImage build() {
      return new SolutionImage(id, width, height, cellType, usage, cells, metadata);
    }
  }
}
