package org.cellarena.harness.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.cellarena.harness.dataset.PngImages;

/**
 * A LIVECell-sized COCO dataset for {@code import-coco}'s benchmark (bench/coco.sh), written as a stream so that
 * the generator's memory does not grow with it: 704x520 images in one folder per cell line, as LIVECell keeps them
 * (one blank PNG, hard-linked), and ~20-point polygon cells. Annotations are keyed by id as in LIVECell's training
 * file, come before {@code "images"} and are dealt round-robin over the images: the order a streaming reader finds
 * hardest. Deterministic per seed.
 */
public final class LivecellSizedCoco {
  public static final String JSON = "livecell_coco_bench.json";
  public static final String IMAGES = "images";
  static final int WIDTH = 704;
  static final int HEIGHT = 520;
  static final int POINTS = 20;
  private static final String[] CELL_LINES = {"A172", "BT474", "BV2", "Huh7", "MCF7", "SHSY5Y", "SkBr3", "SKOV3"};

  private final int images;
  private final long cells;
  private final long seed;

  public LivecellSizedCoco(int images, long cells, long seed) {
    if (images < 1 || cells < 0) {
      throw new IllegalArgumentException("needs at least one image and no negative cell count");
    }
    this.images = images;
    this.cells = cells;
    this.seed = seed;
  }

  /** The file name of image {@code i} (its cell line the prefix, as in LIVECell). */
  public static String fileName(int i) {
    return String.format("%s_Phase_bench_%06d.png", cellLine(i), i);
  }

  private static String cellLine(int i) {
    return CELL_LINES[i % CELL_LINES.length];
  }

  /** Writes {@link #JSON} and the {@link #IMAGES} folder into {@code dir}. */
  public void write(Path dir) throws IOException {
    writeImages(dir.resolve(IMAGES));
    try (JsonGenerator json = new JsonFactory().createGenerator(dir.resolve(JSON).toFile(), JsonEncoding.UTF8)) {
      json.setPrettyPrinter(new PythonSpacing());
      json.writeStartObject();
      json.writeObjectFieldStart("info");
      json.writeStringField("description", "CellArena's LIVECell-sized benchmark file (generated)");
      json.writeEndObject();
      json.writeArrayFieldStart("categories");
      json.writeStartObject();
      json.writeNumberField("id", 1);
      json.writeStringField("name", "cell");
      json.writeEndObject();
      json.writeEndArray();
      writeAnnotations(json);
      json.writeArrayFieldStart("images");
      for (int i = 0; i < images; i++) {
        json.writeStartObject();
        json.writeNumberField("id", 1000 + i);
        json.writeNumberField("width", WIDTH);
        json.writeNumberField("height", HEIGHT);
        json.writeStringField("file_name", fileName(i));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private void writeAnnotations(JsonGenerator json) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xy = new double[2 * POINTS];
    json.writeObjectFieldStart("annotations");
    for (long k = 0; k < cells; k++) {
      double area = outline(random, xy);
      long id = 10_000_000L + k;
      json.writeFieldName(Long.toString(id));
      json.writeStartObject();
      json.writeNumberField("id", id);
      json.writeNumberField("image_id", 1000 + k % images);
      json.writeNumberField("category_id", 1);
      json.writeArrayFieldStart("segmentation");
      json.writeArray(xy, 0, xy.length);
      json.writeEndArray();
      json.writeNumberField("area", area);
      json.writeArrayFieldStart("bbox");
      double[] box = box(xy);
      json.writeArray(box, 0, box.length);
      json.writeEndArray();
      json.writeNumberField("iscrowd", 0);
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** A jittered round outline of 5-12 px radius with 2-decimal coordinates, as LIVECell's; its area. */
  private static double outline(SplittableRandom random, double[] xy) {
    double cx = random.nextDouble(15, WIDTH - 15);
    double cy = random.nextDouble(15, HEIGHT - 15);
    double radius = random.nextDouble(5, 12);
    for (int i = 0; i < POINTS; i++) {
      double angle = 2 * Math.PI * i / POINTS;
      double r = radius * random.nextDouble(0.8, 1.2);
      xy[2 * i] = Math.round((cx + r * Math.cos(angle)) * 100) / 100.0;
      xy[2 * i + 1] = Math.round((cy + r * Math.sin(angle)) * 100) / 100.0;
    }
    double twiceArea = 0;
    for (int i = 0; i < POINTS; i++) {
      int j = (i + 1) % POINTS;
      twiceArea += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
    return Math.round(Math.abs(twiceArea) * 50) / 100.0;
  }

  private static double[] box(double[] xy) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = 0;
    double maxY = 0;
    for (int i = 0; i < xy.length; i += 2) {
      minX = Math.min(minX, xy[i]);
      maxX = Math.max(maxX, xy[i]);
      minY = Math.min(minY, xy[i + 1]);
      maxY = Math.max(maxY, xy[i + 1]);
    }
    return new double[] {minX, minY, Math.round((maxX - minX) * 100) / 100.0, Math.round((maxY - minY) * 100) / 100.0};
  }

  private void writeImages(Path dir) throws IOException {
    Path blank = dir.resolve("blank.png");
    PngImages.write8Bit(blank, new float[WIDTH * HEIGHT], WIDTH, HEIGHT);
    for (int i = 0; i < images; i++) {
      Path image = dir.resolve(cellLine(i)).resolve(fileName(i));
      Files.createDirectories(image.getParent());
      Files.deleteIfExists(image);
      try {
        Files.createLink(image, blank);
      } catch (IOException | UnsupportedOperationException e) { // no hard links here: a copy
        Files.copy(blank, image);
      }
    }
  }

  /** Python's json.dump spacing, as LIVECell's files have: {@code ", "} and {@code ": "}, no line breaks. */
  private static final class PythonSpacing extends MinimalPrettyPrinter {
    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }

  /** {@code --images N --cells N --seed S --out DIR}: the benchmark's generator, run by bench/coco.sh. */
  public static void main(String[] args) throws IOException {
    int images = 3200;
    long cells = 1_000_000;
    long seed = 26;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--images" -> images = Integer.parseInt(args[i + 1]);
        case "--cells" -> cells = Long.parseLong(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null || args.length % 2 != 0) {
      System.err.println("usage: LivecellSizedCoco --out DIR [--images N] [--cells N] [--seed S]");
      System.exit(2);
    }
    new LivecellSizedCoco(images, cells, seed).write(out);
  }
}
