package org.cellarena.harness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.cellarena.model.submit.ServerClient;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code competition create} writes reaches participants through the server: the bundle's files and
 * folders as downloads, the page's texts; the solution never, whatever the request.
 */
class CompetitionFilesTest {
  @Test
  void theParticipantFilesAreServedAndTheSolutionNever(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path competition = dir.resolve("competitions").resolve("files");
    assertEquals(0, CommandRun.of("demo-data", "--out", data.toString(), "--images", "6", "--seed", "5").exitCode());
    assertEquals(0, CommandRun.of("split", "--data", data.toString(), "--out", dir.resolve("split.json").toString(),
        "--holdout", "0.5", "--seed", "3").exitCode());
    CommandRun created = CommandRun.of("competition", "create", "--data", data.toString(), "--split",
        dir.resolve("split.json").toString(), "--out", competition.toString(), "--deadline", "2031-01-01T00:00:00Z");
    assertEquals(0, created.exitCode(), created.err());
    for (String text : List.of("overview.md", "data.md", "evaluation.md", "rules.md")) {
      assertTrue(Files.isRegularFile(competition.resolve(text)), text + " is written for the host to edit");
    }

    ServerConfig config = ServerConfig.defaults(dir.resolve("server")).withPort(0).withCompetition(competition);
    try (Server server = Server.start(config)) {
      ServerClient anonymous = new ServerClient(URI.create(server.url()), null);
      String base = "/api/competitions/files";
      JsonArray files = new JsonObject(new String(anonymous.get(base + "/files").body(), UTF_8)).getJsonArray("files");
      List<String> names = files.stream().map(f -> ((JsonObject) f).getString("name")).toList();
      assertTrue(names.containsAll(List.of("sample_submission.csv", "train.csv", "split.json", "test.zip",
          "train.zip")), names.toString());
      JsonObject sample = files.stream().map(f -> (JsonObject) f)
          .filter(f -> f.getString("name").equals("sample_submission.csv")).findFirst().orElseThrow();
      byte[] written = Files.readAllBytes(competition.resolve("participant/sample_submission.csv"));
      assertEquals(written.length, sample.getLong("bytes"));
      HttpResponse<byte[]> download = anonymous.get(sample.getString("url"));
      assertEquals(200, download.statusCode());
      assertArrayEquals(written, download.body());

      try (ZipInputStream zip = new ZipInputStream(
          new java.io.ByteArrayInputStream(anonymous.get(base + "/files/test.zip").body()))) {
        int images = 0;
        while (zip.getNextEntry() != null) {
          images++;
        }
        assertEquals(Files.list(competition.resolve("test")).count(), images, "every test image in test.zip");
      }

      byte[] solution = Files.readAllBytes(competition.resolve("solution.csv"));
      for (String attempt : List.of("solution.csv", "..%2Fsolution.csv", "%2E%2E%2Fsolution.csv", "../solution.csv",
          "..%5Csolution.csv", "SOLUTION.CSV", "solution.csv.gz", "participant%2F..%2F..%2Fsolution.csv",
          "%252e%252e%252fsolution.csv", "test", "train", ".", "..")) {
        HttpResponse<byte[]> r = anonymous.get(base + "/files/" + attempt);
        if (!attempt.startsWith(".")) { // "." and ".." are resolved by the client: the listing, the competition
          assertTrue(r.statusCode() >= 400, attempt + " answered " + r.statusCode());
        }
        assertFalse(new String(r.body()).contains(new String(solution).lines().skip(1).findFirst().orElseThrow()),
            attempt + " leaked the solution");
      }

      JsonObject texts = new JsonObject(new String(anonymous.get(base + "/texts").body(), UTF_8));
      assertTrue(texts.getJsonObject("evaluation").getString("html").contains("TP / (TP + FP + FN)"));
      assertTrue(texts.getJsonObject("rules").getString("markdown").contains("2031-01-01 00:00 UTC"),
          "placeholders filled with the current settings");
    }
  }
}
