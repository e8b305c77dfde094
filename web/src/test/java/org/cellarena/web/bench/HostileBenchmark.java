package org.cellarena.web.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.api.Http;

/**
 * Issue 24's hostile clients, timed: gzip bombs (one member, and many members) refused as they inflate, and half-sent
 * requests that the server closes at its header deadline while {@code /api/health} keeps answering. Usage:
 * {@code web/bench.sh --hostile [--bomb-gb 4] [--half-sent 200]}.
 */
public final class HostileBenchmark {
  private static final String ADMIN = "bench-admin";
  private static final String COMPETITION = "hostile";

  public static void main(String[] args) throws Exception {
    int bombGb = 4, halfSent = 200;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--bomb-gb" -> bombGb = value;
        case "--half-sent" -> halfSent = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dataDir = Files.createTempDirectory("cellarena-hostile");
    SartoriusSizedData.write(dataDir.resolve("competitions").resolve(COMPETITION), COMPETITION, 24, 42);
    System.out.printf("machine: %d cores, max heap %d MB, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"), Instant.now());
    ServerConfig config = ServerConfig.defaults(dataDir).withPort(0).withAdminToken(ADMIN)
        .withRequestsPerMinute(1_000_000).withScoringWorkers(1);
    try (Server server = Server.start(config)) {
      BenchApi api = new BenchApi(server.url(), ADMIN, COMPETITION);
      String team = api.createTeam("bomber");
      bombs(api, team, bombGb);
      halfSentRequests(server, halfSent);
    }
    System.exit(0);
  }

  private static void bombs(BenchApi api, String team, int gigabytes) throws Exception {
    byte[] zeros = new byte[1 << 20];
    java.util.Arrays.fill(zeros, (byte) '0');
    long t0 = System.nanoTime();
    ByteArrayOutputStream single = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(single, 1 << 16)) {
      for (long i = 0; i < (long) gigabytes << 10; i++) {
        gz.write(zeros);
      }
    }
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(member, 1 << 16)) {
      gz.write(zeros);
    }
    ByteArrayOutputStream many = new ByteArrayOutputStream();
    for (int i = 0; i < gigabytes << 10; i++) {
      member.writeTo(many);
    }
    System.out.printf("bombs made in %.1f s: one gzip member of %d GB (%.1f MB), %d members of 1 MB (%.1f MB)%n",
        (System.nanoTime() - t0) / 1e9, gigabytes, single.size() / 1e6, gigabytes << 10, many.size() / 1e6);
    for (int round = 1; round <= 3; round++) {
      upload(api, team, "one member", single.toByteArray());
      upload(api, team, "many members", many.toByteArray());
    }
  }

  private static void upload(BenchApi api, String team, String kind, byte[] body) throws Exception {
    long t0 = System.nanoTime();
    Http.Reply r = api.tryUpload(team, body);
    System.out.printf("bomb (%s, %.1f MB): %d after %.2f s: %s%n", kind, body.length / 1e6, r.status(),
        (System.nanoTime() - t0) / 1e9, r.body().length() > 140 ? r.body().substring(0, 140) + "..." : r.body());
  }

  /** Opens {@code count} connections that never finish their headers; times their closing and health meanwhile. */
  private static void halfSentRequests(Server server, int count) throws Exception {
    long t0 = System.nanoTime();
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket s = new Socket();
      s.connect(new InetSocketAddress("127.0.0.1", server.port()));
      s.getOutputStream().write("POST /api/health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      sockets.add(s);
    }
    System.out.printf("%d half-sent requests open in %.2f s%n", count, (System.nanoTime() - t0) / 1e9);
    double worstHealth = 0;
    int healthy = 0, asked = 0, closed = 0;
    long lastClosed = 0;
    while (closed < count && System.nanoTime() - t0 < Duration.ofSeconds(90).toNanos()) {
      long h = System.nanoTime();
      int status = health(server);
      worstHealth = Math.max(worstHealth, (System.nanoTime() - h) / 1e9);
      asked++;
      healthy += status == 200 ? 1 : 0;
      int now = 0;
      for (Socket s : sockets) {
        now += closedByServer(s) ? 1 : 0;
      }
      if (now > closed) {
        lastClosed = System.nanoTime();
        closed = now;
      }
      Thread.sleep(250);
    }
    System.out.printf("half-sent requests closed by the server: %d of %d, the last %.1f s after they opened;"
        + " /api/health meanwhile: %d of %d answered 200, the slowest in %.3f s%n", closed, count,
        (lastClosed - t0) / 1e9, healthy, asked, worstHealth);
    for (Socket s : sockets) {
      s.close();
    }
  }

  private static boolean closedByServer(Socket s) throws IOException {
    if (s.isInputShutdown()) {
      return true;
    }
    s.setSoTimeout(1);
    try {
      if (s.getInputStream().read() == -1) {
        s.shutdownInput();
        return true;
      }
      return false;
    } catch (SocketTimeoutException open) {
      return false;
    } catch (SocketException reset) {
      s.shutdownInput();
      return true;
    }
  }

  private static int health(Server server) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.port()));
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      return reply.length() < 12 ? -1 : Integer.parseInt(reply.substring(9, 12));
    } catch (SocketException reset) {
      return -1;
    }
  }
}
