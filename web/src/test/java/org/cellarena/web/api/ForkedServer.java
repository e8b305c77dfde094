package org.cellarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.cli.ServeCommand;
import picocli.CommandLine;

/**
 * A server in its own JVM, for the tests that stop it with a signal: {@link #serve} runs {@code cellarena serve} as
 * the command line does (so a SIGTERM goes through its shutdown hook), {@link #scoringNothing} a server whose
 * queue waits for the next start. Its output is kept for the failure messages.
 */
final class ForkedServer implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("CellArena serving .*http://[^:/]+:(\\d+)");

  final Process process;
  final Http http;
  private final StringBuffer output;

  private ForkedServer(Process process, Http http, StringBuffer output) {
    this.process = process;
    this.http = http;
    this.output = output;
  }

  /** {@code cellarena serve --port 0 --data-dir dataDir <options>}, the admin token {@link ServerFixture#ADMIN}. */
  static ForkedServer serve(Path dataDir, String... options) {
    List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--data-dir", dataDir.toString()));
    args.addAll(List.of(options));
    return start(args);
  }

  /** A server with no scoring worker, run until killed: what it accepts stays queued for the next start. */
  static ForkedServer scoringNothing(Path dataDir) {
    return start(List.of(dataDir.toString()));
  }

  private static ForkedServer start(List<String> args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ForkedServer.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CELLARENA_ADMIN_TOKEN", ServerFixture.ADMIN);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuffer output = new StringBuffer();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(process, output, port), "forked-server-output");
    reader.setDaemon(true);
    reader.start(); // reads to the end, so that a full pipe never blocks the server
    try {
      return new ForkedServer(process, new Http("http://127.0.0.1:" + port.get(60, TimeUnit.SECONDS)), output);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("the forked server did not start:\n" + output, e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void read(Process process, StringBuffer output, CompletableFuture<Integer> port) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        output.append(line).append('\n');
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      output.append(e).append('\n');
    }
    port.completeExceptionally(new IllegalStateException("its output ended before it listened"));
  }

  String createTeam(String name) {
    Http.Reply r = http.postJson("/api/admin/teams", ServerFixture.ADMIN, new JsonObject().put("name", name));
    assertEquals(201, r.status(), r.body());
    return r.json().getString("token");
  }

  /** Uploads a file to a competition and returns the new submission's id. */
  long submit(String token, String competition, String contentType, byte[] file) {
    Http.Reply r = http.postBytes("/api/competitions/" + competition + "/submissions", token, contentType, file);
    assertEquals(202, r.status(), r.body());
    return r.json().getLong("id");
  }

  /** What the server printed so far. */
  String output() {
    return output.toString();
  }

  /** Kills the server if it still runs (SIGKILL). */
  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** {@code ForkedServer serve <options>} or {@code ForkedServer <data dir>} (no scoring, until killed). */
  public static void main(String[] args) throws InterruptedException {
    if (args[0].equals("serve")) {
      System.exit(new CommandLine(new ServeCommand()).execute(List.of(args).subList(1, args.length)
          .toArray(String[]::new)));
    }
    Server server = Server.start(ServerConfig.defaults(Path.of(args[0])).withPort(0)
        .withAdminToken(ServerFixture.ADMIN).withScoringWorkers(0));
    System.out.println("CellArena serving at " + server.url());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
