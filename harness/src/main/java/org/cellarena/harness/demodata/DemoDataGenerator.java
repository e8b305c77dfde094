package org.cellarena.harness.demodata;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cellarena.harness.dataset.DataException;
import org.cellarena.model.data.Dataset;
import org.cellarena.harness.dataset.PngImages;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionWriter;
import org.cellarena.scoring.io.Usage;

/**
 * Writes a generated dataset in the Kaggle layout: {@code train.csv} (with plate_time, sample_date, sample_id,
 * elapsed_timedelta) and {@code train/<id>.png}. Images come in samples: a sample is one well of one cell type
 * imaged one to three times (so a split grouped by sample_id has something to group); the types take turns.
 * The same seed gives the same files, whatever the number of threads.
 */
public final class DemoDataGenerator {
  public static final int DEFAULT_WIDTH = 704;
  public static final int DEFAULT_HEIGHT = 520;

  private final int images;
  private final long seed;
  private final int width;
  private final int height;

  public DemoDataGenerator(int images, long seed, int width, int height) {
    if (images < 1 || width < 32 || height < 32) {
      throw new IllegalArgumentException("need at least one image of at least 32x32 pixels");
    }
    this.images = images;
    this.seed = seed;
    this.width = width;
    this.height = height;
  }

  /** What to generate for one image: its id, type, seed and metadata. */
  record Plan(String id, CellType type, long seed, Map<String, String> metadata) {}

  /** The images to generate, in order: deterministic for the seed. */
  List<Plan> plan() {
    Random random = new Random(seed);
    List<Plan> plans = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int firstType = random.nextInt(CellType.values().length);
    LocalDate firstDay = LocalDate.of(2019, 6, 1).plusDays(random.nextInt(400));
    for (int sample = 0; plans.size() < images; sample++) {
      CellType type = CellType.values()[(firstType + sample) % CellType.values().length];
      String well = "ABCDEFGH".charAt(random.nextInt(8)) + Integer.toString(1 + random.nextInt(12)) + "-"
          + (1 + random.nextInt(4));
      String sampleId = type.label() + "[" + variant(type, random) + "]_" + well + "_Vessel-"
          + (100 + random.nextInt(900));
      LocalDate day = firstDay.plusDays(random.nextInt(30));
      int shots = Math.min(1 + random.nextInt(3), images - plans.size());
      Duration elapsed = Duration.ofMinutes(10 + random.nextInt(120));
      int hour = 8 + random.nextInt(6);
      for (int shot = 0; shot < shots; shot++) {
        String id;
        long imageSeed;
        do {
          imageSeed = random.nextLong();
          id = String.format("%012x", imageSeed & 0xFFFF_FFFF_FFFFL);
        } while (!ids.add(id));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("plate_time", String.format("%02dh%02dm00s", hour + 2 * shot, 30 * (shot % 2)));
        metadata.put("sample_date", day.toString());
        metadata.put("sample_id", sampleId);
        metadata.put("elapsed_timedelta", String.format("%d days %02d:%02d:%02d", elapsed.toDays(),
            elapsed.toHoursPart(), elapsed.toMinutesPart(), elapsed.toSecondsPart()));
        plans.add(new Plan(id, type, imageSeed, metadata));
        elapsed = elapsed.plusHours(2).plusSeconds(random.nextInt(60));
      }
    }
    return plans;
  }

  private static String variant(CellType type, Random random) {
    String[] variants = switch (type) {
      case SHSY5Y -> new String[] {"diff", "undiff"};
      case ASTRO -> new String[] {"hippo", "cortex"};
      case CORT -> new String[] {"pre-treat", "treat"};
    };
    return variants[random.nextInt(variants.length)];
  }

  /** Generates every image into {@code out} (train.csv, train/), printing progress; refuses an existing dataset. */
  public List<SolutionImage> writeTo(Path out, PrintStream progress) throws IOException {
    if (Files.exists(out.resolve(Dataset.TRAIN_CSV))) {
      throw new DataException(out + " already holds a dataset (" + Dataset.TRAIN_CSV
          + "); choose another --out or delete it");
    }
    Path trainDir = out.resolve(Dataset.TRAIN_DIR);
    Files.createDirectories(trainDir);
    List<Plan> plans = plan();
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<SolutionImage>> futures = new ArrayList<>();
      for (Plan plan : plans) {
        futures.add(pool.submit(() -> {
          SolutionImage image = generate(plan, trainDir);
          int n = done.incrementAndGet();
          if (progress != null && (n % 10 == 0 || n == plans.size())) {
            progress.printf("demo-data: %d/%d images (%.1f s)%n", n, plans.size(), (System.nanoTime() - start) / 1e9);
          }
          return image;
        }));
      }
      List<SolutionImage> written = new ArrayList<>();
      for (Future<SolutionImage> f : futures) {
        written.add(f.get());
      }
      SolutionWriter.write(out.resolve(Dataset.TRAIN_CSV), written, false);
      return written;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private SolutionImage generate(Plan plan, Path trainDir) throws IOException {
    ImageSynthesizer.SyntheticImage image = ImageSynthesizer.synthesize(plan.type(), width, height, plan.seed());
    PngImages.write8Bit(trainDir.resolve(plan.id() + ".png"), image.pixels(), width, height);
    return new SolutionImage(plan.id(), width, height, plan.type().label(), Usage.PUBLIC, image.cells(),
        plan.metadata());
  }
}
