package org.cellarena.model.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code doctor} and {@code model-bench} through picocli, as the launcher runs them. */
class EngineCommandsTest {
  private record Run(int code, String out, String err) {}

  private static Run run(Object command, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = new CommandLine(command).execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void doctorPrintsTheEngineAndComputesOnTheDefaultDevice() {
    Run r = run(new DoctorCommand());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("engine                 PyTorch 2.7.1"), r.out);
    assertTrue(r.out.contains("flavour                cpu"), r.out);
    assertTrue(r.out.matches("(?s).*default device\\s+cpu\\(\\).*"), r.out);
    assertTrue(r.out.matches("(?s).*engine check\\s+ok: 512x512 matrix product on cpu\\(\\).*"), r.out);
    assertTrue(r.out.matches("(?s).*java heap\\s+\\d+ MiB max\\njava options\\s+.*the heap above is the one train gets.*"),
        r.out);
  }

  @Test
  void doctorShowsTheLaunchersOptionsWithoutSharingAndProperties() {
    assertEquals("-Xmx4g -XX:+UseParallelGC", DoctorCommand.launcherOptions(List.of("-XX:SharedArchiveFile=h.jsa",
        "-Xshare:auto", "-Xlog:cds=off", "-Xmx4g", "-XX:+UseParallelGC", "-Dcellarena.home=/repo")));
    assertEquals("(none)", DoctorCommand.launcherOptions(List.of("-Dcellarena.home=/repo")));
  }

  @Test
  void modelBenchPrintsHostMillisecondsPerImage() {
    Run r = run(new ModelBenchCommand(), "--config", "../configs/tiny_cpu.json", "--image-size", "256", "--cells",
        "20", "--iterations", "1", "--warmup", "0", "--json");
    assertEquals(0, r.code, r.err);
    JsonObject o = JsonParser.parseString(r.out.strip()).getAsJsonObject();
    assertEquals("256x192", o.get("input").getAsString());
    assertEquals(2, o.get("batch").getAsInt());
    double host = o.get("host_ms_per_image").getAsDouble();
    assertTrue(host > 0 && host < o.get("iteration_s").getAsDouble() * 1000, r.out);
    JsonObject parts = o.getAsJsonObject("host_parts_ms_per_image");
    for (String p : new String[] {"rpn_targets", "proposals_topk_transfer", "proposals_decode_nms", "roi_targets",
        "roi_align_weights", "loss_values"}) {
      assertTrue(parts.has(p), p + " in " + parts);
    }
    double sum = parts.entrySet().stream().mapToDouble(e -> e.getValue().getAsDouble()).sum();
    assertEquals(host, sum, 0.01 * parts.size());
  }

  @Test
  void modelBenchTimesInferenceThroughPredict() {
    Run r = run(new ModelBenchCommand(), "--config", "../configs/tiny_cpu.json", "--image-size", "128", "--cells",
        "10", "--predict", "3", "--json");
    assertEquals(0, r.code, r.err);
    JsonObject o = JsonParser.parseString(r.out.strip()).getAsJsonObject();
    assertEquals(3, o.get("images").getAsInt());
    assertEquals("128x95", o.get("input").getAsString());
    assertEquals("fresh (untrained)", o.get("weights").getAsString());
    assertTrue(o.get("images_per_s").getAsDouble() > 0, r.out);
    assertTrue(o.get("engine").getAsString().startsWith("PyTorch "), r.out);
  }

  @Test
  void modelBenchRejectsBadInput() {
    Run r = run(new ModelBenchCommand(), "--config", "../configs/tiny_cpu.json", "--cells", "0");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("cellarena model-bench: need --image-size >= 64, --cells >= 1"), r.err);
    r = run(new ModelBenchCommand(), "--config", "missing.json");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("config not found: missing.json"), r.err);
  }
}
