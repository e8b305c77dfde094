package org.cellarena.harness;

import static org.cellarena.harness.TrainedModelCompetition.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model competition end to end on a server started in the test, with the real {@code DjlModelRunner}: no
 * endpoint serves a hidden test image; {@code submit --model} of a trained work dir is scored exactly as a local
 * {@code predict} + {@code score} of the hidden images; broken archives are refused at once, with no quota used.
 */
@Tag("slow")
class ModelCompetitionTest {
  private static final String ID = TrainedModelCompetition.ID;
  private static final String ADMIN = "model-admin";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  private static TrainedModelCompetition trained;
  private static Server server;
  private static String token;
  private static List<String> samples;
  private static Set<String> hidden;

  @BeforeAll
  static void serve() throws Exception {
    trained = TrainedModelCompetition.get();
    server = Server.start(ServerConfig.defaults(dir.resolve("server")).withPort(0).withAdminToken(ADMIN)
        .withCompetition(trained.competition));
    token = server.createTeam("model-team").token();
    samples = new JsonObject(Files.readString(trained.competition.resolve("competition.json")))
        .getJsonArray("sample_test").stream().map(Object::toString).toList();
    hidden = new HashSet<>(SolutionReader.read(trained.competition.resolve("solution.csv")).ids());
    hidden.removeAll(samples);
    assertFalse(hidden.isEmpty());
  }

  @AfterAll
  static void close() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theFilesHoldNoHiddenImageForATeamOrAStranger() throws Exception {
    for (String caller : new String[] {token, null}) {
      List<String> names = new ArrayList<>();
      for (Object file : json(get("/api/competitions/" + ID + "/files", caller)).getJsonArray("files")) {
        names.add(((JsonObject) file).getString("name"));
      }
      assertTrue(names.contains("test.zip"), names.toString());
      for (String name : names) {
        HttpResponse<byte[]> file = get("/api/competitions/" + ID + "/files/" + name, caller);
        assertEquals(200, file.statusCode(), name);
        for (String content : name.endsWith(".zip") ? entries(file.body()) : List.of(new String(file.body(),
            StandardCharsets.UTF_8))) {
          hidden.forEach(id -> assertFalse(content.contains(id), id + " in " + name));
        }
      }
      for (String id : hidden) {
        for (String name : List.of(id + ".png", "test%2F" + id + ".png", "..%2Ftest%2F" + id + ".png")) {
          int status = get("/api/competitions/" + ID + "/files/" + name, caller).statusCode();
          assertTrue(status >= 400 && status < 500, name + ": " + status);
        }
      }
    }
    assertEquals(samples, entries(get("/api/competitions/" + ID + "/files/test.zip", token).body()).stream()
        .map(e -> e.substring(e.indexOf('/') + 1, e.indexOf('\n')).replace(".png", "")).toList());
  }

  @Test
  void aSubmittedModelScoresExactlyAsLocalPredictAndScore() throws Exception {
    CommandRun submitted = ok(CommandRun.of("submit", "--server", server.url(), "--competition", ID, "--token",
        token, "--model", trained.workDir.toString(), "--wait", "--timeout", "900"));
    Matcher receipt = Pattern.compile("as submission (\\d+)").matcher(submitted.out());
    assertTrue(receipt.find(), submitted.out());
    long id = Long.parseLong(receipt.group(1));
    JsonObject status = json(get("/api/submissions/" + id, ADMIN));
    assertEquals("scored", status.getString("status"), status.encode());

    Path local = dir.resolve("local.csv");
    ok(CommandRun.of("predict", "--checkpoint", trained.workDir.toString(), "--images",
        trained.competition.resolve("test").toString(), "--out", local.toString()));
    var report = new JsonObject(ok(CommandRun.of("score", "--solution",
        trained.competition.resolve("solution.csv").toString(), "--submission", local.toString(), "--json")).out());
    assertEquals(report.getJsonObject("usage").getDouble("Public"), status.getDouble("public_score"), 0.0,
        "to the last digit");
    assertEquals(report.getJsonObject("usage").getDouble("Private"), status.getDouble("private_score"), 0.0);
    assertEquals(imageScores(report.getJsonArray("images")), imageScores(
        json(get("/api/submissions/" + id + "/detail", ADMIN)).getJsonArray("images")),
        "every image's score, the hidden ones included");

    Path produced = dir.resolve("server").resolve("submissions").resolve(ID).resolve(id + ".csv.gz");
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(produced))) {
      assertArrayEquals(Files.readAllBytes(local), in.readAllBytes(), "the server's CSV, byte for byte");
    }

    for (String image : hidden) {
      String overlay = "/api/submissions/" + id + "/overlay/" + image + ".png";
      assertEquals(403, get(overlay, token).statusCode(), image + ": a team gets no overlay of a hidden image");
      assertEquals(401, get(overlay, null).statusCode(), image + " without a token");
    }
  }

  @Test
  void brokenArchivesAreRefusedAtOnceNamingTheProblemWithNoQuotaUsed() throws Exception {
    int before = mine().size();
    assertRefused(archive(config -> config.getJsonObject("model").getJsonObject("neck")
        .put("out_channels", 32), false), "the model's config makes it (32, ");
    assertRefused(archive(config -> config.getJsonObject("model").getJsonObject("backbone")
        .put("type", "ResNet"), false), "model.backbone.type 'ResNet' is not a backbone");
    assertRefused(archive(config -> {}, true), "model.params: the weights file is truncated");
    assertEquals(before, mine().size(), "no submission kept, no quota used");
  }

  private static void assertRefused(byte[] archive, String named) throws Exception {
    HttpResponse<byte[]> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/competitions/"
            + ID + "/submissions?filename=model.zip")).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(archive)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    String body = new String(refused.body(), StandardCharsets.UTF_8);
    assertEquals(400, refused.statusCode(), body);
    assertTrue(body.contains(named), body);
  }

  /** The trained model as an archive, its config changed by {@code edit}, its weights cut in half if asked. */
  private static byte[] archive(Consumer<JsonObject> edit, boolean truncated) throws IOException {
    JsonObject config = new JsonObject(Files.readString(trained.workDir.resolve("config.json")));
    edit.accept(config);
    byte[] weights = Files.readAllBytes(trained.workDir.resolve("best.params"));
    var bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("config.json"));
      zip.write(config.encode().getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("model.params"));
      zip.write(weights, 0, truncated ? weights.length - 8 : weights.length); // ends inside the last tensor
    }
    return bytes.toByteArray();
  }

  private static Map<String, Double> imageScores(JsonArray images) {
    Map<String, Double> scores = new TreeMap<>();
    images.forEach(i -> scores.put(((JsonObject) i).getString("id"),
        ((JsonObject) i).getDouble("score")));
    return scores;
  }

  private static JsonArray mine() throws Exception {
    return json(get("/api/competitions/" + ID + "/submissions", token)).getJsonArray("submissions");
  }

  /** Each entry of a zip as its name, a newline and its content as text. */
  private static List<String> entries(byte[] zip) throws IOException {
    List<String> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.add(e.getName() + "\n" + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
      }
    }
    return entries;
  }

  private static JsonObject json(HttpResponse<byte[]> response) {
    assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    return new JsonObject(new String(response.body(), StandardCharsets.UTF_8));
  }

  private static HttpResponse<byte[]> get(String path, String caller) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
    if (caller != null) {
      request.header("Authorization", "Bearer " + caller);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
