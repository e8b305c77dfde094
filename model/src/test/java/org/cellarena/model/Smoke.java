package org.cellarena.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cellarena.model.train.ConfigLoader;
import org.cellarena.model.train.TrainConfig;
import org.cellarena.model.train.TrainOptions;
import org.cellarena.model.train.TrainResult;
import org.cellarena.model.train.Training;

/** Manual smoke run: generated data, a config, a time budget. Args: config minutes [n size]. */
public final class Smoke {
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("cellarena-smoke");
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 48;
    int size = args.length > 3 ? Integer.parseInt(args[3]) : 256;
    long dataSeed = Long.parseLong(System.getProperty("dataSeed", "1"));
    SyntheticCells.write(dir.resolve("data"), n, size, dataSeed);
    List<String> sets = args.length > 4 ? List.of(args[4].split(";")) : List.of();
    TrainConfig cfg = ConfigLoader.load(Path.of(args[0]), sets);
    TrainResult r = new Training(cfg, new TrainOptions(dir.resolve("data"), dir.resolve("work"), null, 0.2, Long.getLong("splitSeed", 0L), false,
        Double.parseDouble(args[1]), System.err)).run();
    System.out.println(r);
  }
}
