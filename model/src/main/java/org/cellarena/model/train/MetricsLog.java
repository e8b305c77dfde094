package org.cellarena.model.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** {@code metrics.jsonl}: one JSON object per line, appended (training iterations and validations). */
public final class MetricsLog {
  private final Path file;

  public MetricsLog(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  public void append(JsonObject record) throws IOException {
    Files.writeString(file, record.toString() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /**
   * Drops the records past iteration {@code iter}: a resumed run goes on from its checkpoint, and what an
   * interrupted run logged after that checkpoint would otherwise make the iterations step backwards.
   */
  public void truncateAfter(long iter) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    StringBuilder kept = new StringBuilder();
    for (JsonObject r : read()) {
      if (!r.has("iter") || r.get("iter").getAsLong() <= iter) {
        kept.append(r).append('\n');
      }
    }
    Files.writeString(file, kept.toString(), StandardCharsets.UTF_8);
  }

  public List<JsonObject> read() throws IOException {
    List<JsonObject> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(JsonParser.parseString(line).getAsJsonObject());
      }
    }
    return out;
  }
}
