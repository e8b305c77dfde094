package org.cellarena.web.api;

import static org.cellarena.web.api.ServerFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who a team is and where it may act: names that look alike are one name, a team acts only in the competitions it
 * takes part in, a disabled team does nothing, registration codes cannot be guessed, and every CSV the server
 * writes is data, never a formula.
 */
class TeamsAndNamesTest {
  private static final String REGISTER = "/api/competitions/example/register";
  private static final String CODE = "a-long-enough-code";

  @TempDir Path dataDir;

  @Test
  void namesThatLookAlikeAreOneName() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      Http.Reply first = fx.http.postJson("/api/admin/teams", ADMIN, new JsonObject().put("name", "victim"));
      assertEquals(201, first.status(), first.body());
      // Cyrillic і, a zero-width space, a no-break space, another case
      for (String lookAlike : List.of("vict\u0456m", "victim\u200b", "victim\u00a0", "Victim", "v\u200dICTIM")) {
        Http.Reply r = fx.http.postJson("/api/admin/teams", ADMIN, new JsonObject().put("name", lookAlike));
        assertEquals(409, r.status(), lookAlike + ": " + r.body());
        assertTrue(r.json().getString("error").contains("\"victim\""), r.body());
      }
      assertEquals(201, fx.http.postJson("/api/admin/teams", ADMIN, new JsonObject().put("name", "victor")).status());
      Http.Reply spaced = fx.http.postJson("/api/admin/teams", ADMIN,
          new JsonObject().put("name", "  two\u3000\u3000 words\u0007 "));
      assertEquals("two words", spaced.json().getString("name"), "NFKC, controls removed, spaces collapsed");
      Http.Reply invisible = fx.http.postJson("/api/admin/teams", ADMIN, new JsonObject().put("name", "\u200b\u00a0"));
      assertEquals(400, invisible.status(), invisible.body());
      assertTrue(invisible.json().getString("error").contains("visible characters"), invisible.body());

      openRegistration(fx);
      Http.Reply registered = fx.http.postJson(REGISTER, null,
          new JsonObject().put("name", "VICT\u0406M").put("code", CODE)); // Cyrillic І
      assertEquals(409, registered.status(), registered.body());
      assertEquals(3, fx.http.get("/api/admin/teams", ADMIN).json().getJsonArray("teams").size(),
          "victim, victor, two words, and nothing else");
    }
  }

  @Test
  void aTeamActsOnlyInTheCompetitionsItTakesPartIn() throws IOException {
    copyCompetition("other");
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      openRegistration(fx);
      Http.Reply registered = fx.http.postJson(REGISTER, null, new JsonObject().put("name", "newcomer").put("code",
          CODE));
      assertEquals(201, registered.status(), registered.body());
      String token = registered.json().getString("token");
      byte[] csv = ServerFixture.exampleSubmission();
      Http.Reply elsewhere = fx.http.postBytes("/api/competitions/other/submissions", token, "text/csv", csv);
      assertEquals(403, elsewhere.status(), "registration on \"other\" is closed: " + elsewhere.body());
      assertTrue(elsewhere.json().getString("error").contains("does not take part in the competition other"));
      assertEquals(403, fx.http.get("/api/competitions/other/submissions", token).status());
      JsonArray mine = fx.http.get("/api/me", token).json().getJsonArray("competitions");
      assertEquals(1, mine.size());
      assertEquals("example", mine.getJsonObject(0).getString("id"));
      assertEquals(202, fx.http.postBytes("/api/competitions/example/submissions", token, "text/csv", csv).status());

      long id = registered.json().getLong("id");
      Http.Reply added = fx.http.put("/api/admin/competitions/other/teams/" + id, ADMIN);
      assertEquals(200, added.status(), added.body());
      assertEquals(new JsonArray().add("example").add("other"), added.json().getJsonArray("competitions"));
      assertEquals(202, fx.http.postBytes("/api/competitions/other/submissions", token, "text/csv", csv).status());
      assertEquals(200, fx.http.delete("/api/admin/competitions/other/teams/" + id, ADMIN).status());
      assertEquals(403, fx.http.get("/api/competitions/other/submissions", token).status());

      String hostMade = fx.createTeam("host made");
      assertEquals(200, fx.http.get("/api/competitions/other/submissions", hostMade).status(), "every competition");
      Http.Reply chosen = fx.http.postJson("/api/admin/teams", ADMIN, new JsonObject().put("name", "other only")
          .put("competitions", new JsonArray().add("other")));
      assertEquals(new JsonArray().add("other"), chosen.json().getJsonArray("competitions"));
      String otherOnly = chosen.json().getString("token");
      assertEquals(200, fx.http.get("/api/competitions/other/submissions", otherOnly).status());
      assertEquals(403, fx.http.get("/api/competitions/example/submissions", otherOnly).status());
      assertEquals(400, fx.http.postJson("/api/admin/teams", ADMIN, new JsonObject().put("name", "nowhere")
          .put("competitions", new JsonArray().add("no-such"))).status());
    }
  }

  @Test
  void aDisabledTeamReadsNothingAndChangesNothing() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String token = fx.createTeam("soon disabled");
      long sid = fx.submit(token, ServerFixture.exampleSubmission());
      assertEquals("scored", fx.awaitFinal(sid, token).getString("status"));
      long teamId = fx.http.get("/api/me", token).json().getJsonObject("team").getLong("id");
      assertEquals(200, fx.http.post("/api/admin/teams/" + teamId + "/disable", ADMIN).status());
      List<Http.Reply> refused = List.of(
          fx.http.get("/api/me", token),
          fx.http.get("/api/competitions/example/submissions", token),
          fx.http.get("/api/submissions/" + sid, token),
          fx.http.get("/api/submissions/" + sid + "/detail", token),
          fx.http.get("/api/submissions/" + sid + "/overlay/ex-cort-3.png?access_token=" + token, null),
          fx.http.put("/api/submissions/" + sid + "/final", token),
          fx.http.delete("/api/submissions/" + sid + "/final", token),
          fx.http.postBytes("/api/competitions/example/submissions", token, "text/csv",
              ServerFixture.exampleSubmission()));
      for (Http.Reply r : refused) {
        assertEquals(403, r.status(), r.raw().uri() + ": " + r.body());
        assertTrue(r.json().getString("error").contains("disabled by the host"), r.body());
      }
      assertEquals(200, fx.http.post("/api/admin/teams/" + teamId + "/enable", ADMIN).status());
      assertEquals(200, fx.http.get("/api/submissions/" + sid, token).status(), "enabled again");
    }
  }

  @Test
  void registrationCodesAreLongAndGuessesAreBoundedOnTheWholeServer() throws IOException {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      Http.Reply shortCode = fx.http.patchJson("/api/admin/competitions/example", ADMIN,
          new JsonObject().put("registration_code", "open-sesam"));
      assertEquals(400, shortCode.status(), shortCode.body());
      assertTrue(shortCode.json().getString("error").contains("at least 12 characters"), shortCode.body());
      openRegistration(fx);
      // 14 addresses, 5 wrong guesses each: within each address's allowance, over the server's (30 a minute)
      URI uri = URI.create(fx.server.url());
      List<Integer> statuses = new ArrayList<>();
      List<String> refusals = new ArrayList<>();
      for (int address = 2; address < 16; address++) {
        for (int guess = 0; guess < 5; guess++) {
          String body = new JsonObject().put("name", "guesser " + address + "-" + guess).put("code", "guess-" + guess)
              .encode();
          String reply = post(uri, "127.0.0." + address, REGISTER, body);
          statuses.add(Integer.parseInt(reply.substring(9, 12)));
          if (reply.startsWith("HTTP/1.1 429")) {
            refusals.add(reply);
          }
        }
      }
      assertEquals(70, statuses.size());
      assertTrue(statuses.stream().allMatch(s -> s == 403 || s == 429), statuses.toString());
      assertFalse(refusals.isEmpty(), "70 guesses from 14 addresses: " + statuses);
      assertTrue(refusals.get(0).contains("too many registration tries on this server just now"), refusals.get(0));
    }
  }

  @Test
  void everyCsvNeutralisesFormulas() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String name = "=HYPERLINK(\"http://evil.example\",\"click\")";
      String token = fx.createTeam(name);
      Http.Reply upload = fx.http.postBytes("/api/competitions/example/submissions?description=%2Bcmd%7C%20calc"
          + "&filename=%40sum.csv", token, "text/csv", ServerFixture.exampleSubmission());
      assertEquals(202, upload.status(), upload.body());
      fx.awaitFinal(upload.json().getLong("id"), token);
      String quotedName = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"";
      String board = fx.http.get("/api/competitions/example/leaderboard?format=csv", null).body();
      assertTrue(board.lines().skip(1).findFirst().orElseThrow().startsWith("1," + quotedName + ","), board);
      assertEquals(200, fx.http.post("/api/admin/competitions/example/reveal", ADMIN).status());
      String privateBoard = fx.http.get("/api/competitions/example/leaderboard/private?format=csv", null).body();
      assertTrue(privateBoard.contains("\n1," + quotedName + ","), privateBoard);
      String export = fx.http.get("/api/admin/competitions/example/export", ADMIN).body();
      String row = export.lines().skip(1).findFirst().orElseThrow();
      assertTrue(row.contains("," + quotedName + ","), row);
      assertTrue(row.contains(",'+cmd| calc,'@sum.csv,"), row);
    }
  }

  private static void openRegistration(ServerFixture fx) {
    Http.Reply opened = fx.http.patchJson("/api/admin/competitions/example", ADMIN,
        new JsonObject().put("registration_code", CODE));
    assertEquals(200, opened.status(), opened.body());
  }

  /** A second competition, a copy of the example under another id, registration closed. */
  private void copyCompetition(String id) throws IOException {
    ServerFixture.copyExampleCompetition(dataDir, json -> json);
    Path source = dataDir.resolve("competitions/example");
    Path target = Files.createDirectories(dataDir.resolve("competitions").resolve(id));
    Files.copy(source.resolve("solution.csv"), target.resolve("solution.csv"));
    JsonObject json = new JsonObject(Files.readString(source.resolve("competition.json"))).put("id", id);
    Files.writeString(target.resolve("competition.json"), json.encodePrettily());
  }

  /** A POST sent from a chosen loopback address; the whole reply, status line first. */
  private static String post(URI server, String from, String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(InetAddress.getByName(server.getHost()), server.getPort(),
        InetAddress.getByName(from), 0)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      try (InputStream in = socket.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
