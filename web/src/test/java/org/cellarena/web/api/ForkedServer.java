package org.cellarena.web.api;

import java.nio.file.Path;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;

/**
 * A server in its own JVM, for the test that kills it with SIGKILL: {@code ForkedServer <data dir>} prints
 * {@code PORT <n>} once it listens and runs until killed.
 */
public final class ForkedServer {
  private ForkedServer() {}

  public static void main(String[] args) throws InterruptedException {
    ServerConfig config = ServerConfig.defaults(Path.of(args[0])).withPort(0).withAdminToken(ServerFixture.ADMIN)
        .withScoringWorkers(0); // nothing is scored before the kill: the restart must score all of it
    Server server = Server.start(config);
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
