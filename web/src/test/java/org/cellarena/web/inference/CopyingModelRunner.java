package org.cellarena.web.inference;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * The web module's stand-in for the DJL runner (registered for the tests' classpath only): its "weights" file is
 * a submission CSV, which it copies out image by image in the order asked, calling the progress callback after
 * each. {@code config.json} says what it does: {@code "backbone": "copying"} (any other is rejected by the check,
 * as an unknown backbone), and optionally {@code "endless": true} (after the first image it waits, reporting,
 * until the callback stops it), {@code "oom": true} (it runs out of memory) or {@code "millis_per_image": n}
 * (it takes that long over each image, as a real model does), {@code "hang": true} (inside the first image it
 * blocks, reporting nothing, until its thread is interrupted; then it goes on), or {@code "error": "stack"} or
 * {@code "linkage"} (it throws that Error, its message naming a server path). A check of a config with
 * {@code "check_waits": true} tells {@link #CHECKS_ENTERED} and waits for {@link #CHECK_GATE}.
 */
public final class CopyingModelRunner implements ModelRunner {
  public static final String BACKBONE = "copying";
  public static final Semaphore CHECKS_ENTERED = new Semaphore(0);
  public static final CountDownLatch CHECK_GATE = new CountDownLatch(1);

  @Override
  public ModelSummary check(Path modelDir) throws ModelRejectedException {
    JsonObject config = config(modelDir);
    if (config.getBoolean("check_waits", false)) {
      CHECKS_ENTERED.release();
      try {
        CHECK_GATE.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String backbone = config.getString("backbone");
    if (!BACKBONE.equals(backbone)) {
      throw new ModelRejectedException("config.json: unknown backbone \"" + backbone + "\" (known: " + BACKBONE
          + ")");
    }
    return new ModelSummary(sha256(weights(modelDir)), "copying runner");
  }

  @Override
  public InferenceResult predict(Path modelDir, List<Path> images, Path out, Progress progress)
      throws ModelRejectedException, InferenceStoppedException, IOException {
    check(modelDir);
    JsonObject config = config(modelDir);
    if (config.getBoolean("oom", false)) {
      throw new OutOfMemoryError("Java heap space (the copying runner was told to run out)");
    }
    switch (config.getString("error", "")) {
      case "stack" -> throw new StackOverflowError("/srv/secret/path");
      case "linkage" -> throw new NoClassDefFoundError("/srv/secret/path/Missing");
      default -> { }
    }
    List<String> rows = Files.readAllLines(weights(modelDir));
    List<String> written = new ArrayList<>(List.of("id,predicted"));
    int cells = 0;
    for (int i = 0; i < images.size(); i++) {
      String id = images.get(i).getFileName().toString().replaceFirst("\\.png$", "");
      for (String row : rows) {
        if (row.startsWith(id + ",")) {
          written.add(row);
          cells++;
        }
      }
      if (i == 0 && config.getBoolean("hang", false)) {
        hangUntilInterrupted();
      }
      for (long end = System.nanoTime() + config.getLong("millis_per_image", 0L) * 1_000_000;
           System.nanoTime() < end; ) {
        pause();
      }
      if (!progress.imageDone(i + 1, images.size())) {
        throw new InferenceStoppedException(i + 1, images.size());
      }
      while (config.getBoolean("endless", false)) {
        pause();
        if (!progress.imageDone(i + 1, images.size())) {
          throw new InferenceStoppedException(i + 1, images.size());
        }
      }
    }
    Files.write(out, written);
    return new InferenceResult(images.size(), cells, 0.5, "cpu", "Copying 1.0");
  }

  /** Stands for the work of predicting an image. */
  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void hangUntilInterrupted() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      // given up on: go on, as a model that ignores interrupts does
    }
  }

  private static JsonObject config(Path modelDir) throws ModelRejectedException {
    try {
      return new JsonObject(Files.readString(modelDir.resolve("config.json")));
    } catch (IOException | RuntimeException e) {
      throw new ModelRejectedException("config.json cannot be read: " + e.getMessage());
    }
  }

  private static Path weights(Path modelDir) throws ModelRejectedException {
    for (String name : List.of("model.params", "model.safetensors", "model.npz")) {
      if (Files.isRegularFile(modelDir.resolve(name))) {
        return modelDir.resolve(name);
      }
    }
    throw new ModelRejectedException("no weights file");
  }

  public static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
