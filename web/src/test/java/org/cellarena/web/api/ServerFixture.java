package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;

/**
 * A real server for a test: a free port, the given data dir, the real H2 file database, a copy of the example
 * competition (its settings adjustable), a known admin token.
 */
final class ServerFixture implements AutoCloseable {
  static final String ADMIN = "test-admin-token";
  static final String COMPETITION = "example";
  static final Path EXAMPLES = Path.of("..", "examples");
  static final Path EXAMPLE_SUBMISSION = EXAMPLES.resolve("submissions/example.csv");

  final Server server;
  final Http http;
  final Path dataDir;

  private ServerFixture(Server server, Path dataDir) {
    this.server = server;
    this.http = new Http(server.url());
    this.dataDir = dataDir;
  }

  /** Starts a server on {@code dataDir}, whose {@code competitions/example} is the example (copied once). */
  static ServerFixture start(Path dataDir) {
    return start(dataDir, c -> c);
  }

  static ServerFixture start(Path dataDir, UnaryOperator<ServerConfig> adjust) {
    copyExampleCompetition(dataDir, json -> json);
    ServerConfig config = ServerConfig.defaults(dataDir).withPort(0).withAdminToken(ADMIN).withScoringWorkers(2);
    return new ServerFixture(Server.start(adjust.apply(config)), dataDir);
  }

  /** Copies the example competition to {@code dataDir/competitions/example}, its settings changed by edit. */
  static void copyExampleCompetition(Path dataDir, UnaryOperator<JsonObject> edit) {
    try {
      Path target = dataDir.resolve("competitions").resolve(COMPETITION);
      if (Files.exists(target.resolve("competition.json"))) {
        return;
      }
      Files.createDirectories(target);
      Path source = EXAMPLES.resolve("competitions/example");
      Files.copy(source.resolve("solution.csv"), target.resolve("solution.csv"));
      JsonObject json = new JsonObject(Files.readString(source.resolve("competition.json")));
      Files.writeString(target.resolve("competition.json"), edit.apply(json).encodePrettily());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String createTeam(String name) {
    Http.Reply r = http.postJson("/api/admin/teams", ADMIN, new JsonObject().put("name", name));
    assertEquals(201, r.status(), r.body());
    return r.json().getString("token");
  }

  /** Uploads a raw CSV and returns the new submission's id. */
  long submit(String token, byte[] csv) {
    Http.Reply r = http.postBytes("/api/competitions/" + COMPETITION + "/submissions", token, "text/csv", csv);
    assertEquals(202, r.status(), r.body());
    return r.json().getLong("id");
  }

  /** Polls the status until it is scored or failed (at most 60 s). */
  JsonObject awaitFinal(long id, String token) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      Http.Reply r = http.get("/api/submissions/" + id, token);
      assertEquals(200, r.status(), r.body());
      JsonObject status = r.json();
      if (status.getString("status").equals("scored") || status.getString("status").equals("failed")) {
        return status;
      }
      sleep(50);
    }
    return fail("submission " + id + " did not finish in 60 s");
  }

  static byte[] exampleSubmission() {
    try {
      return Files.readAllBytes(EXAMPLE_SUBMISSION);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
