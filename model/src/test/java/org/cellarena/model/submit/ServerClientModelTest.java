package org.cellarena.model.submit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client sends for a model competition, to an HTTP server on loopback that answers as the API describes
 * (web/API.md) and records each request: the competition's kind (absent: csv), and a model archive as the raw body
 * of the upload, {@code application/zip}, with its file name and description as a CSV's.
 */
class ServerClientModelTest {
  private record Seen(String method, String uri, String contentType, String auth, byte[] body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ServerClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/competitions/", this::answer);
    server.start();
    client = new ServerClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "tok");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    seen.add(new Seen(x.getRequestMethod(), x.getRequestURI().toString(),
        x.getRequestHeaders().getFirst("Content-Type"), x.getRequestHeaders().getFirst("Authorization"), body));
    String path = x.getRequestURI().getPath();
    String json = path.endsWith("/submissions") ? "{\"id\": 7, \"status\": \"inference_queued\"}"
        : path.endsWith("/cells-model") ? "{\"id\": \"cells-model\", \"kind\": \"model\"}"
        : "{\"id\": \"cells\", \"title\": \"Cells\"}";
    byte[] out = json.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(path.endsWith("/submissions") ? 202 : 200, out.length);
    x.getResponseBody().write(out);
    x.close();
  }

  @Test
  void asksTheKindAbsentMeaningCsv() throws Exception {
    assertEquals("model", client.competitionKind("cells-model"));
    assertEquals("csv", client.competitionKind("cells"));
    assertEquals("GET", seen.get(0).method());
    assertEquals("/api/competitions/cells-model", seen.get(0).uri());
    assertEquals("Bearer tok", seen.get(0).auth());
  }

  @Test
  void sendsTheArchiveAsTheRawBody(@TempDir Path tmp) throws Exception {
    Path zip = tmp.resolve("cells-model-1.zip");
    byte[] bytes = {'P', 'K', 3, 4, 1, 2, 3};
    Files.write(zip, bytes);
    assertEquals(7, client.submitModel("cells-model", zip, "tiny run").get("id").getAsLong());
    Seen post = seen.get(0);
    assertEquals("POST", post.method());
    assertEquals("/api/competitions/cells-model/submissions?filename=cells-model-1.zip&description=tiny+run",
        post.uri());
    assertEquals("application/zip", post.contentType());
    assertArrayEquals(bytes, post.body());
  }
}
