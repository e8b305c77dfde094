package org.cellarena.web.api;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Model competitions and model archives for the tests: the example competition's images as a model competition
 * (ex-shsy5y-4 the sample, ex-cort-3 a hidden Feedback image), and archives for the test runner
 * ({@code CopyingModelRunner}), whose weights are a submission CSV.
 */
public final class ModelFixtures {
  public static final String SAMPLE = "ex-shsy5y-4";
  public static final String HIDDEN_FEEDBACK = "ex-cort-3";
  public static final List<String> HIDDEN = List.of("ex-astro-2", "ex-astro-5", "ex-cort-3", "ex-cort-6", "ex-shsy5y-1");

  /** The repository's examples, from web/ (the tests) or the repository root (web/bench.sh). */
  private static final Path EXAMPLES = Files.isDirectory(ServerFixture.EXAMPLES) ? ServerFixture.EXAMPLES
      : Path.of("examples");

  private ModelFixtures() {}

  /** Writes {@code dataDir/competitions/<id>}: the example's images, a model competition with these limits. */
  public static void modelCompetition(Path dataDir, String id, JsonObject inference) {
    try {
      Path source = EXAMPLES.resolve("competitions/example");
      Path target = dataDir.resolve("competitions").resolve(id);
      if (Files.exists(target.resolve("competition.json"))) {
        return;
      }
      Files.createDirectories(target.resolve("test"));
      try (var images = Files.list(source.resolve("test"))) {
        for (Path image : (Iterable<Path>) images::iterator) {
          Files.copy(image, target.resolve("test").resolve(image.getFileName()));
        }
      }
      String solution = Files.readAllLines(source.resolve("solution.csv")).stream()
          .map(line -> line.startsWith(SAMPLE + ",") || line.startsWith(HIDDEN_FEEDBACK + ",")
              ? line.replaceFirst(",(Public|Private)$", ",Feedback") : line)
          .collect(Collectors.joining("\n", "", "\n"));
      Files.writeString(target.resolve("solution.csv"), solution);
      Files.writeString(target.resolve("competition.json"), new JsonObject().put("id", id).put("kind", "model")
          .put("daily_limit", 50).put("feedback", "full").put("sample_test", List.of(SAMPLE))
          .put("inference", inference).encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model archive that the test runner reads: its config and the example submission as weights. */
  public static byte[] model(JsonObject config) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("config.json", config.encode().getBytes(StandardCharsets.UTF_8));
    entries.put("model.params", exampleSubmission());
    return zip(entries);
  }

  /** The example submission, which the test runner's weights hold. */
  public static byte[] exampleSubmission() {
    try {
      return Files.readAllBytes(EXAMPLES.resolve("submissions/example.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] copyingModel() {
    return model(new JsonObject().put("backbone", "copying"));
  }

  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The archive with its entry {@code name} marked, in the central directory, as a Unix symbolic link. */
  public static byte[] withSymlink(byte[] zip, String name) {
    byte[] bytes = zip.clone();
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 46 < bytes.length; i++) {
      if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2
          && java.util.Arrays.equals(bytes, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
        bytes[i + 5] = 3; // made by Unix
        int mode = 0120777 << 16; // a symbolic link
        for (int b = 0; b < 4; b++) {
          bytes[i + 38 + b] = (byte) (mode >>> (8 * b));
        }
        return bytes;
      }
    }
    throw new IllegalArgumentException("no central entry " + name);
  }

  /** The archive with the deflate data of its entry {@code name} overwritten with garbage. */
  public static byte[] withCorruptData(byte[] zip, String name) {
    byte[] bytes = zip.clone();
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 30 < bytes.length; i++) {
      if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4
          && java.util.Arrays.equals(bytes, i + 30, i + 30 + wanted.length, wanted, 0, wanted.length)) {
        int data = i + 30 + wanted.length + Short.toUnsignedInt((short) ((bytes[i + 28] & 0xff) | bytes[i + 29] << 8));
        java.util.Arrays.fill(bytes, data + 2, data + 64, (byte) 0xff);
        return bytes;
      }
    }
    throw new IllegalArgumentException("no local entry " + name);
  }
}
