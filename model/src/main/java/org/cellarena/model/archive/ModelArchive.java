package org.cellarena.model.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cellarena.model.predict.LoadedModel;

/**
 * Packs a model archive: {@code config.json}, one weights file ({@code model.params}, {@code model.safetensors}
 * or {@code model.npz}) and, when the checkpoint has one, {@code model.json}, its state with the thresholds tuned on
 * validation. Entries carry no timestamps, so the same checkpoint packs to the same bytes.
 */
public final class ModelArchive {
  public static final String CONFIG = "config.json";
  public static final String STATE = "model.json";
  /** A weights file larger than this is refused: the seed configuration's is about 180 MB. */
  public static final long MAX_WEIGHTS_BYTES = 1L << 30;
  /** A {@code config.json} or {@code model.json} larger than this is refused. */
  static final long MAX_JSON_BYTES = 1 << 20;

  private ModelArchive() {}

  /**
   * Packs a training work dir (its {@code best.params}, else its latest epoch, as {@code predict} picks), one
   * {@code .params} file with {@code config.json} beside it, or an unpacked model archive.
   */
  public static void pack(Path checkpoint, Path zip) throws IOException, ModelArchiveException {
    Path weights;
    Path config;
    try {
      weights = LoadedModel.paramsFile(checkpoint);
      config = LoadedModel.configBeside(weights);
    } catch (IllegalArgumentException e) {
      throw new ModelArchiveException(e.getMessage());
    }
    Path state = LoadedModel.stateBeside(weights);
    pack(weights, config, Files.isRegularFile(state) ? state : null, zip);
  }

  /**
   * Packs a weights file (a CellArena {@code .params}, or a whole mmdet Mask R-CNN state dict as
   * {@code .safetensors} or {@code .npz}) with the config that builds its model and, or null, a state JSON whose
   * {@code thresholds} the prediction uses.
   */
  public static void pack(Path weights, Path config, Path state, Path zip) throws IOException, ModelArchiveException {
    String weightsEntry = weightsEntry(weights);
    requireSize(weights, MAX_WEIGHTS_BYTES);
    requireSize(config, MAX_JSON_BYTES);
    if (state != null) {
      requireSize(state, MAX_JSON_BYTES);
    }
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      z.setLevel(Deflater.BEST_SPEED);
      add(z, CONFIG, config);
      add(z, weightsEntry, weights);
      if (state != null) {
        add(z, STATE, state);
      }
    }
  }

  /** The archive's name for these weights: {@code model.params}, {@code model.safetensors} or {@code model.npz}. */
  static String weightsEntry(Path weights) throws ModelArchiveException {
    String name = weights.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1);
    String entry = "model." + ext;
    if (!LoadedModel.WEIGHT_NAMES.contains(entry)) {
      throw new ModelArchiveException("weights " + name + " are none of a .params checkpoint, a .safetensors or a"
          + " .npz state dict");
    }
    return entry;
  }

  /** Refuses a file that is missing or larger than {@code max} bytes. */
  static void requireSize(Path file, long max) throws ModelArchiveException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new ModelArchiveException(file + " not found");
    }
    if (Files.size(file) > max) {
      throw new ModelArchiveException(file.getFileName() + " is " + (Files.size(file) >> 20) + " MiB, more than the "
          + (max >> 20) + " MiB a model archive may hold");
    }
  }

  private static void add(ZipOutputStream z, String name, Path file) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(0);
    z.putNextEntry(e);
    Files.copy(file, z);
    z.closeEntry();
  }
}
