package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refusals: missing and bad tokens, the wrong kind of token, other teams' things, unknown names and methods. */
class AuthTest {
  @TempDir static Path dataDir;
  static ServerFixture fx;
  static String alice;
  static String bob;
  static long aliceSubmission;

  @BeforeAll
  static void start() {
    fx = ServerFixture.start(dataDir);
    alice = fx.createTeam("alice");
    bob = fx.createTeam("bob");
    aliceSubmission = fx.submit(alice, ServerFixture.exampleSubmission());
    fx.awaitFinal(aliceSubmission, alice);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void participantEndpointsNeedAValidTeamToken() {
    assertError(401, fx.http.get("/api/me", null));
    assertError(401, fx.http.get("/api/me", "not-a-token"));
    assertError(401, fx.http.postBytes("/api/competitions/example/submissions", null, "text/csv",
        ServerFixture.exampleSubmission()));
    assertError(401, fx.http.postBytes("/api/competitions/example/submissions", "wrong", "text/csv",
        ServerFixture.exampleSubmission()));
    assertError(403, fx.http.postBytes("/api/competitions/example/submissions", ServerFixture.ADMIN, "text/csv",
        ServerFixture.exampleSubmission()));
    assertTrue(fx.http.get("/api/me", "wrong").header("WWW-Authenticate").startsWith("Bearer"));
  }

  @Test
  void adminEndpointsNeedTheAdminToken() {
    assertError(401, fx.http.postJson("/api/admin/teams", null, new JsonObject().put("name", "x")));
    assertError(403, fx.http.postJson("/api/admin/teams", alice, new JsonObject().put("name", "x")));
    assertError(403, fx.http.post("/api/admin/competitions/example/reveal", alice));
    assertError(403, fx.http.get("/api/admin/audit", alice));
    assertError(403, fx.http.get("/api/admin/competitions/example/export", bob));
  }

  @Test
  void aTeamCannotSeeAnotherTeamsSubmission() {
    String path = "/api/submissions/" + aliceSubmission;
    assertEquals(200, fx.http.get(path, alice).status());
    assertError(404, fx.http.get(path, bob));
    assertError(404, fx.http.get(path + "/detail", bob));
    assertError(404, fx.http.get(path + "/events", bob));
    assertError(404, fx.http.put(path + "/final", bob));
    assertEquals(200, fx.http.get(path, ServerFixture.ADMIN).status());
  }

  @Test
  void aTokenInTheQueryCountsOnlyWhereABrowserCannotSendAHeader() {
    String events = "/api/submissions/" + aliceSubmission + "/events?access_token=";
    Http.Reply stream = fx.http.get(events + alice, null);
    assertEquals(200, stream.status(), stream.body());
    assertTrue(stream.body().contains("event: status"), stream.body());
    String overlay = "/api/submissions/" + aliceSubmission + "/overlay/ex-cort-3.png?access_token=";
    assertEquals(200, fx.http.get(overlay + alice, null).status());
    assertEquals(200, fx.http.get(overlay + ServerFixture.ADMIN, null).status());
    assertError(401, fx.http.get("/api/submissions/" + aliceSubmission + "?access_token=" + alice, null));
    assertError(401, fx.http.get("/api/admin/teams?access_token=" + ServerFixture.ADMIN, null));
    assertError(401, fx.http.get("/api/admin/audit?access_token=" + ServerFixture.ADMIN, null));
  }

  @Test
  void unknownThingsAndWrongMethodsAreJsonErrors() {
    assertError(404, fx.http.get("/api/competitions/nope", null));
    assertError(404, fx.http.get("/api/competitions/nope/leaderboard", null));
    assertError(404, fx.http.postBytes("/api/competitions/nope/submissions", alice, "text/csv",
        ServerFixture.exampleSubmission()));
    assertError(404, fx.http.get("/api/submissions/999999", alice));
    assertError(404, fx.http.get("/api/submissions/abc", alice));
    assertError(404, fx.http.get("/api/no/such/thing", null));
    assertError(405, fx.http.delete("/api/competitions/example/leaderboard", null));
    assertError(400, fx.http.postBytes("/api/admin/teams", ServerFixture.ADMIN, "application/json",
        "{not json".getBytes()));
    assertError(400, fx.http.postJson("/api/admin/teams", ServerFixture.ADMIN, new JsonObject().put("name", " ")));
    assertError(409, fx.http.postJson("/api/admin/teams", ServerFixture.ADMIN, new JsonObject().put("name", "alice")));
  }

  @Test
  void tokensAreStoredHashed() {
    String all = fx.server.services().database().autoCommit(c -> {
      StringBuilder sb = new StringBuilder();
      try (var rs = c.createStatement().executeQuery("SELECT token_hash FROM teams")) {
        while (rs.next()) {
          sb.append(rs.getString(1)).append('\n');
        }
      }
      return sb.toString();
    });
    assertFalse(all.contains(alice) || all.contains(bob));
    assertTrue(all.contains(org.cellarena.web.store.Tokens.hash(alice)));
  }

  private static void assertError(int status, Http.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.body());
    JsonObject body = reply.json();
    assertEquals(status, body.getInteger("status"));
    assertFalse(body.getString("error").isBlank());
  }
}
