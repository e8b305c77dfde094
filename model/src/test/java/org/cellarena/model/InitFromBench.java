package org.cellarena.model;

import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.model.cli.TrainCommand;
import org.cellarena.model.train.MetricsLog;
import picocli.CommandLine;

/**
 * Fine-tuning against training from scratch (model/BENCHMARKS.md, "train --init-from"): per seed, the tiny config
 * trains PRETRAIN iterations with 8 classes on 80 generated 256 px images, then 3 classes on 40 other ones (another
 * generator seed) for FINETUNE iterations twice, from scratch and {@code --init-from} the first run, on the same
 * split. Args: SEEDS (comma-separated) PRETRAIN FINETUNE. Prints the best validation mAP of each run.
 */
public final class InitFromBench {
  private static final String CONFIG = "configs/tiny_cpu.json";

  public static void main(String[] args) throws Exception {
    int pretrainIterations = Integer.parseInt(args[1]);
    int fineTuneIterations = Integer.parseInt(args[2]);
    for (String seed : args[0].split(",")) {
      long s = Long.parseLong(seed);
      Path dir = Files.createTempDirectory("cellarena-initfrom");
      Path pretrainData = dir.resolve("a");
      SyntheticCells.write(pretrainData, 80, 256, 100 + s);
      Path data = dir.resolve("b");
      SyntheticCells.write(data, 40, 256, 200 + s);
      double pretrained = train(pretrainData, dir.resolve("pretrained"), s, pretrainIterations, "--set",
          "model.num_classes=8", "--set",
          "data.classes=[\"cort\",\"astro\",\"shsy5y\",\"A172\",\"BT474\",\"BV2\",\"Huh7\",\"MCF7\"]");
      double scratch = train(data, dir.resolve("scratch"), s, fineTuneIterations, threeClasses());
      double fineTuned = train(data, dir.resolve("fine-tuned"), s, fineTuneIterations,
          with(threeClasses(), "--init-from", dir.resolve("pretrained").toString()));
      System.out.printf("seed %d: pretrained (8 classes, %d iterations) %.4f; 3 classes, %d iterations: scratch"
          + " %.4f, fine-tuned %.4f%n", s, pretrainIterations, pretrained, fineTuneIterations, scratch, fineTuned);
    }
  }

  private static String[] threeClasses() {
    return new String[] {"--set", "model.num_classes=3", "--set", "data.classes=[\"cort\",\"astro\",\"shsy5y\"]"};
  }

  private static String[] with(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  /** The best validation mAP of a run; its progress bar is not printed. */
  private static double train(Path data, Path work, long seed, int iterations, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--config", CONFIG, "--data", data.toString(), "--work-dir",
        work.toString(), "--val-fraction", "0.2", "--seed", Long.toString(seed), "--max-iterations",
        Integer.toString(iterations)));
    all.addAll(List.of(args));
    PrintStream err = System.err;
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    int code;
    try {
      code = new CommandLine(new TrainCommand()).setErr(new java.io.PrintWriter(err, true))
          .execute(all.toArray(String[]::new));
    } finally {
      System.setErr(err);
    }
    if (code != 0) {
      throw new IllegalStateException("train exited " + code);
    }
    return new MetricsLog(work.resolve("metrics.jsonl")).read().stream().filter(r -> r.has("val_map"))
        .mapToDouble((JsonObject r) -> r.get("val_map").getAsDouble()).max().orElse(Double.NaN);
  }
}
