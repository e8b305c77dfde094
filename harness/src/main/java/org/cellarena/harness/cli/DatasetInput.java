package org.cellarena.harness.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.cellarena.model.data.Dataset;
import org.cellarena.scoring.io.InvalidFileException;
import picocli.CommandLine.Option;

/** The --data option shared by {@code split} and {@code competition create}, and its reading with checks. */
final class DatasetInput {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset folder (train.csv, train/).")
  Path data;

  Dataset read() throws IOException, InvalidFileException {
    return Dataset.read(data);
  }
}
