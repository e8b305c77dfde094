package org.cellarena.harness.baseline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.cellarena.scoring.rle.RunMask;

/** Writes a submission: {@code id,predicted}, a row per mask, an empty prediction for an image without any; gzip for .gz. */
public final class SubmissionWriter {
  private SubmissionWriter() {}

  public static void write(Path file, Map<String, List<RunMask>> masksByImage) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.US_ASCII)) {
      writer.write("id,predicted\n");
      for (Map.Entry<String, List<RunMask>> image : masksByImage.entrySet()) {
        if (image.getValue().isEmpty()) {
          writer.write(image.getKey() + ",\n");
        }
        for (RunMask mask : image.getValue()) {
          writer.write(image.getKey() + "," + mask.toRle() + "\n");
        }
      }
    }
  }
}
