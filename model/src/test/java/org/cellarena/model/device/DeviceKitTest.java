package org.cellarena.model.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device kit on this machine's CPU: {@code model/device/pack.sh} packs this test's classpath (less the CPU
 * libtorch and OpenCV jars) with a jlink'd runtime, and the kit's {@code run.sh --cpu} binds DJL's prebuilt JNI to
 * the libtorch this JVM loaded, trains one smoke and one timed iteration of the tiny config on small generated
 * images, predicts one, and prints its JSON line.
 */
@Tag("slow")
class DeviceKitTest {
  private static final Path DEVICE = Path.of("device").toAbsolutePath();

  @Test
  void packedKitRunsOnTheCpu(@TempDir Path tmp) throws Exception {
    Engine.getInstance(); // extracts the CPU libtorch the kit will bind to
    Path kit = tmp.resolve("kit");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Map<String, String> env = Map.of("KIT_CLASSPATH", classpath, "DJL_SRC", tmp.resolve("none").toString(),
        "JAVA_HOME", System.getProperty("java.home"));
    Result pack = run(List.of(DEVICE.resolve("pack.sh").toString(), kit.toString()), env);
    assertEquals(0, pack.code, pack.output);
    assertTrue(size(kit) < 60L * 1024 * 1024, "the kit must fit the device machine's 64 MiB: " + size(kit));
    try (Stream<Path> jars = Files.list(kit.resolve("lib"))) {
      assertFalse(jars.anyMatch(p -> p.getFileName().toString().matches("(pytorch-native|opencv).*")));
    }

    Result r = run(List.of(kit.resolve("run.sh").toString(), "--cpu", "--iterations", "1", "--config",
        kit.resolve("tiny.json").toString(), "--image-size", "256", "--cells", "20", "--predict-images", "1"),
        Map.of("LIBTORCH", LibUtils.getLibtorchPath(), "KIT_HEAP", "2g", "DJL_CACHE_DIR",
            tmp.resolve("djl").toString()));
    assertEquals(0, r.code, r.output);
    assertTrue(r.output.contains("prebuilt JNI (cpu, for libtorch 2.7.1): 0 of"), r.output);
    String[] lines = r.stdout.strip().split("\n");
    JsonObject o = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    assertEquals("cpu()", o.get("device").getAsString());
    assertEquals(1, o.get("iterations").getAsInt());
    assertTrue(o.get("images_per_s").getAsDouble() > 0, r.stdout);
    assertTrue(o.get("predict_images_per_s").getAsDouble() > 0, r.stdout);
    assertTrue(o.get("inference_images_per_s").getAsDouble() > 0, r.stdout); // the inference worker's path
    assertEquals(o.get("parameters_m").getAsDouble(), o.get("model_parameters_m").getAsDouble(), r.stdout);
    for (String k : List.of("losses_first", "losses_last")) {
      double loss = o.getAsJsonObject(k).get("loss").getAsDouble();
      assertTrue(Double.isFinite(loss) && loss > 0, k + " " + loss);
    }
  }

  @Test
  void runRejectsAnUnknownOption(@TempDir Path tmp) throws Exception {
    Result r = run(List.of(DEVICE.resolve("run.sh").toString(), "--gpus", "2"), Map.of());
    assertEquals(2, r.code, r.output);
    assertTrue(r.output.contains("unknown option --gpus"), r.output);
  }

  private record Result(int code, String stdout, String output) {}

  private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    Path out = Files.createTempFile("kit", ".out");
    Path err = Files.createTempFile("kit", ".err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(8, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command + "\n" + Files.readString(err));
    }
    String stdout = Files.readString(out);
    String all = stdout + Files.readString(err);
    Files.delete(out);
    Files.delete(err);
    return new Result(p.exitValue(), stdout, all);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
