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
    Problems problems = new Problems(Problems.DEFAULT_LIMIT);
    Map<String, Builder> images = new LinkedHashMap<>();
    try {
      CsvRecords row = new CsvRecords(TextInput.open(in));
      if (!row.next()) {
        problems.add(0, null, "the file is empty");
        problems.throwIfAny(name);
      }
      Map<String, Integer> col = row.columns();
      List<String> missing = REQUIRED.stream().filter(c -> !col.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        problems.add(1, null, "missing column(s) " + String.join(", ", missing) + "; expected header "
            + String.join(",", REQUIRED) + " (optional: " + String.join(",", METADATA) + "," + USAGE + ")");
        problems.throwIfAny(name);
      }
      int columns = row.size();
      int idCol = col.get("id"), widthCol = col.get("width"), heightCol = col.get("height");
      int typeCol = col.get("cell_type"), annotationCol = col.get("annotation");
      Integer usageCol = col.get(USAGE);
      Builder image = null;
      while (row.next()) {
        long line = row.number();
        if (row.size() == 1 && row.isBlank(0)) {
          continue;
        }
        if (row.size() != columns) {
          problems.add(line, null, "expected " + columns + " fields, found " + row.size());
          continue;
        }
        // An image's rows usually follow one another: its id, cell type and Usage are then Strings already made.
        boolean sameImage = image != null && row.is(idCol, image.id);
        String id = sameImage ? image.id : row.text(idCol).trim();
        if (id.isEmpty()) {
          problems.add(line, null, "empty image id");
          continue;
        }
        int width = positive(row, widthCol, "width", line, id, problems);
        int height = positive(row, heightCol, "height", line, id, problems);
        if (width == 0 || height == 0) {
          continue;
        }
        Usage usage = Usage.PUBLIC;
        if (usageCol != null) {
          usage = sameImage && row.is(usageCol, image.usage.label()) ? image.usage : Usage.parse(row.text(usageCol));
          if (usage == null) {
            problems.add(line, id, "Usage must be Public, Private or Feedback, found '" + row.text(usageCol) + "'");
            continue;
          }
        }
        String cellType = sameImage && row.is(typeCol, image.cellType) ? image.cellType : row.text(typeCol).trim();
        if (!sameImage) {
          image = images.get(id);
        }
        if (image == null) {
          Map<String, String> metadata = new LinkedHashMap<>();
          for (String m : METADATA) {
            if (col.containsKey(m)) {
              metadata.put(m, row.text(col.get(m)));
            }
          }
          image = new Builder(id, width, height, cellType, usage, metadata);
          images.put(id, image);
          if (progress != null) {
            progress.image(id, width, height);
          }
        } else if (image.width != width || image.height != height) {
          problems.add(line, id, "size " + width + "x" + height + " differs from the image's earlier rows ("
              + image.width + "x" + image.height + ")");
          continue;
        } else if (!image.cellType.equals(cellType) || image.usage != usage) {
          problems.add(line, id, "cell_type/Usage differ from the image's earlier rows");
          continue;
        }
        if (row.isBlank(annotationCol)) {
          continue;
        }
        try {
          RunMask mask = row.mask(annotationCol, width, height);
          if (mask.isEmpty()) {
            continue;
          }
          image.cells.add(mask);
        } catch (RleFormatException e) {
          problems.add(line, id, "annotation: " + e.getMessage());
        }
      }
    } catch (TextInput.BadTextException e) {
      problems.add(0, null, e.getMessage());
    }
    if (images.isEmpty() && problems.isEmpty()) {
      problems.add(0, null, "the file has a header but no images");
    }
    problems.throwIfAny(name);
    List<SolutionImage> list = new ArrayList<>(images.size());
    images.values().forEach(b -> list.add(b.build()));
    return new Solution(list);
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
