package org.cellarena.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cellarena command in a child JVM: its exit code comes back, and stopping it ends it and any later run. */
@Tag("slow")
class ChildJvmTest {
  @TempDir Path dir;

  @Test
  void theChildsExitCodeComesBack() throws Exception {
    ChildJvm child = ChildJvm.likeThisOne();
    assertEquals(0, child.run(List.of("--version")));
    assertEquals(2, child.run(List.of("validate", "--submission", dir.resolve("missing.csv").toString(),
        "--solution", dir.resolve("missing-too.csv").toString())), "a user error: exit 2, as in this JVM");
  }

  @Test
  void stoppingEndsARunningChildAndAnyLaterRun() throws Exception {
    int port = freePort();
    ChildJvm child = ChildJvm.likeThisOne();
    CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> {
      try {
        return child.run(List.of("serve", "--port", String.valueOf(port), "--data-dir", dir.toString()));
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!listening(port) && !serving.isDone()) {
      assertTrue(System.nanoTime() < deadline, "the child serves on port " + port);
      Thread.sleep(100);
    }
    assertTrue(listening(port), "the child serves on port " + port + ", exit " + serving.getNow(null));
    child.stop(Duration.ofSeconds(60));
    assertEquals(ChildJvm.STOPPED, serving.get(1, TimeUnit.MINUTES), "ended by SIGTERM: 128 + 15");
    assertEquals(ChildJvm.STOPPED, child.run(List.of("--version")), "a stopped child runs nothing more");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
