package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.cellarena.web.Safeguards;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gzip bombs, half-sent requests, a full disk, a database closed under the server, an endless field. */
class HostileUploadsTest {
  private static final String UPLOADS = "/api/competitions/example/submissions";

  @TempDir Path dataDir;

  @Test
  void bombsAreRefusedHoldNoSlotAndCountAsAttempts() throws IOException {
    ServerFixture.copyExampleCompetition(dataDir, json -> json.put("daily_limit", 1)); // 3 attempts a day
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("bomber");
      byte[] bomb = manyMemberBomb();
      for (int i = 0; i < 3; i++) {
        Http.Reply r = fx.http.postBytes(UPLOADS, team, "application/gzip", bomb);
        assertEquals(413, r.status(), r.body()); // neither 429 nor 503: the previous bomb holds no slot
        assertTrue(r.json().getString("error").contains("times its size"), r.body());
      }
      Http.Reply after = fx.http.postBytes(UPLOADS, team, "text/csv", ServerFixture.exampleSubmission());
      assertEquals(429, after.status(), after.body());
      assertTrue(after.json().getString("error").contains("attempt limit"), after.body());
      long refused = fx.http.get("/api/admin/audit", ServerFixture.ADMIN).json().getJsonArray("entries").stream()
          .filter(e -> "upload.refused".equals(((JsonObject) e).getString("action"))).count();
      assertEquals(3, refused, "the host sees each refused upload");
      try (var files = Files.list(dataDir.resolve("submissions/example"))) {
        assertEquals(0, files.count(), "no staged file left");
      }
    }
  }

  @Test
  void halfSentRequestsAreClosedAndHealthAnswersMeanwhile() throws Exception {
    Safeguards guards = Safeguards.DEFAULTS.withConnectionsPerAddress(20);
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withSafeguards(guards))) {
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < 30; i++) {
          sockets.add(halfSent(fx, "127.0.0.1"));
        }
        assertEquals(10, awaitClosed(sockets, 10), "the connections over the per-address cap are closed");
        assertEquals(-1, rawHealth(fx, "127.0.0.1"), "the cap holds for a 31st connection");
        assertEquals(200, rawHealth(fx, "127.0.0.2"), "another address is served while 20 are held");
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  @Test
  void aConnectionThatNeverFinishesItsHeadersIsClosed() throws Exception {
    Safeguards guards = Safeguards.DEFAULTS.withHeaderTimeout(Duration.ofMillis(300));
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withSafeguards(guards))) {
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        sockets.add(halfSent(fx, "127.0.0.1"));
      }
      for (Socket s : sockets) {
        assertTrue(closedByServer(s), "a half-sent request is closed at its header deadline");
        s.close();
      }
      assertEquals(200, rawHealth(fx, "127.0.0.1"), "a whole request is served");
    }
  }

  @Test
  void aNearlyFullDiskRefusesUploadsWith507() {
    Safeguards guards = Safeguards.DEFAULTS.withFreeSpaceMargin(Long.MAX_VALUE);
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withSafeguards(guards))) {
      String team = fx.createTeam("unlucky");
      Http.Reply r = fx.http.postBytes(UPLOADS, team, "text/csv", ServerFixture.exampleSubmission());
      assertEquals(507, r.status(), r.body());
      assertTrue(r.json().getString("error").contains("disk is nearly full"), r.body());
      assertNotNull(r.header("Retry-After"));
      assertEquals(0, fx.http.get(UPLOADS, team).json().getJsonArray("submissions").size());
    }
  }

  @Test
  @Tag("slow") // a close that lands while the worker scores leaves the submission to its 30 s lease
  void aDatabaseClosedUnderTheServerIs503ThenReopenedWithNothingStuck() {
    try (ServerFixture fx = ServerFixture.start(dataDir, c -> c.withScoringWorkers(1))) {
      String team = fx.createTeam("steady");
      long before = fx.submit(team, ServerFixture.exampleSubmission());
      closeDatabaseUnderTheServer(fx);
      Http.Reply r;
      int unavailable = 0;
      do {
        r = fx.http.postBytes(UPLOADS, team, "text/csv", ServerFixture.exampleSubmission());
        if (r.status() == 503) {
          unavailable++;
          assertEquals("5", r.header("Retry-After"), r.body());
          assertTrue(r.json().getString("error").contains("database is unavailable"), r.body());
        }
      } while (r.status() == 503 && unavailable < 10);
      assertEquals(202, r.status(), r.body());
      long after = r.json().getLong("id");
      assertEquals("scored", awaitFinal(fx, before, team), "accepted before the close");
      assertEquals("scored", awaitFinal(fx, after, team), "accepted after the reopen");
      assertPagesDuringAnOutage(fx, team, before);
    }
  }

  /**
   * A page needs no database and is served; what it asks of the database (here an overlay) answers 503 with
   * Retry-After. A background task may reopen the database before the request comes: then it is closed again.
   */
  private static void assertPagesDuringAnOutage(ServerFixture fx, String team, long scored) {
    String overlay = "/api/submissions/" + scored + "/overlay/ex-shsy5y-1.png";
    assertEquals(200, fx.http.get(overlay, team).status());
    Http.Reply r;
    int tries = 0;
    do {
      closeDatabaseUnderTheServer(fx);
      Http.Reply page = fx.http.get("/submissions/" + scored, null);
      assertEquals(200, page.status(), page.body());
      assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
      r = fx.http.get(overlay, team);
      assertTrue(r.status() == 503 || r.status() == 200, r.status() + " " + r.body());
    } while (r.status() != 503 && ++tries < 10);
    assertEquals(503, r.status(), "the database was reopened before every one of 10 requests");
    assertEquals("5", r.header("Retry-After"), r.body());
    assertTrue(r.json().getString("error").contains("database is unavailable"), r.body());
  }

  @Test
  void aPredictedFieldLongerThanItsImageFailsWithItsLine() {
    try (ServerFixture fx = ServerFixture.start(dataDir)) {
      String team = fx.createTeam("verbose");
      String csv = new String(ServerFixture.exampleSubmission(), StandardCharsets.UTF_8)
          + "ex-shsy5y-1," + "1 1 ".repeat(4000) + "\n"; // 16,000 characters for a 128 x 96 image
      JsonObject status = fx.awaitFinal(fx.submit(team, csv.getBytes(StandardCharsets.UTF_8)), team);
      assertEquals("failed", status.getString("status"));
      String error = status.getString("error");
      long line = csv.lines().count();
      assertTrue(error.contains("line " + line) && error.contains("more than the image's 128 x 96"), error);
    }
  }

  private static void closeDatabaseUnderTheServer(ServerFixture fx) {
    try {
      fx.server.services().database().autoCommit(c -> c.createStatement().execute("SHUTDOWN"));
    } catch (RuntimeException expected) {
      // the connection that shut it down may see the close itself
    }
  }

  /** Polls a status, tolerating the database's 503s, until scored or failed. */
  private static String awaitFinal(ServerFixture fx, long id, String token) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Http.Reply r = fx.http.get("/api/submissions/" + id, token);
      if (r.status() == 200 && !List.of("queued", "scoring").contains(r.json().getString("status"))) {
        return r.json().getString("status");
      }
      assertTrue(r.status() == 200 || r.status() == 503, r.body());
      ServerFixture.sleep(50);
    }
    return fail("submission " + id + " is stuck");
  }

  /** A connection from {@code from} that sends a request line and one header, never the end of the headers. */
  private static Socket halfSent(ServerFixture fx, String from) throws IOException {
    Socket s = connect(fx, from);
    s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** Whether the server closed the connection (a deadline of 30 s guards the test, not the server). */
  private static boolean closedByServer(Socket s) throws IOException {
    s.setSoTimeout(30_000);
    try (InputStream in = s.getInputStream()) {
      return in.read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  /** Polls until {@code expected} of the sockets are closed by the server (30 s at most); how many are. */
  private static int awaitClosed(List<Socket> sockets, int expected) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int closed;
    do {
      closed = 0;
      for (Socket s : sockets) {
        closed += closedNow(s) ? 1 : 0;
      }
    } while (closed < expected && System.nanoTime() < deadline);
    return closed;
  }

  private static boolean closedNow(Socket s) throws IOException {
    s.setSoTimeout(1);
    try {
      return s.getInputStream().read() == -1;
    } catch (java.net.SocketTimeoutException open) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  /** GET /api/health over a plain socket from {@code from}; the status code, -1 when closed unanswered. */
  private static int rawHealth(ServerFixture fx, String from) throws IOException {
    try (Socket s = connect(fx, from)) {
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String reply;
      try {
        reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      } catch (SocketException reset) {
        return -1;
      }
      return reply.isEmpty() ? -1 : Integer.parseInt(reply.substring(9, 12));
    }
  }

  private static Socket connect(ServerFixture fx, String from) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    s.connect(new InetSocketAddress("127.0.0.1", fx.server.port()));
    return s;
  }

  /** 4 MB of gzip members inflating to 4 GB, as in issue 24. */
  static byte[] manyMemberBomb() throws IOException {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(member, 1 << 16)) {
      byte[] zeros = new byte[1 << 20];
      java.util.Arrays.fill(zeros, (byte) '0');
      gz.write(zeros);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < 4096; i++) {
      member.writeTo(all);
    }
    return all.toByteArray();
  }
}
