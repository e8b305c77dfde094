package org.cellarena.web.api;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.UUID;
import org.cellarena.web.files.DiskSpace;
import org.cellarena.web.refusal.Refusal;

/**
 * Streams a raw request body (a CSV or gzip upload) to a temporary file, never holding it in memory, and refuses
 * it (413) once it passes the limit, or (507) when the disk fills. A body cut short (the client went away)
 * leaves nothing behind.
 */
final class RawUpload {
  private RawUpload() {}

  /** The temporary file holding the whole body; the caller deletes it. */
  static Future<Path> receive(RoutingContext ctx, Path dir, long limitBytes, DiskSpace space) {
    HttpServerRequest request = ctx.request();
    String declared = request.getHeader("Content-Length");
    if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limitBytes) {
      return Future.failedFuture(tooLarge(limitBytes));
    }
    request.pause(); // until the file is open; copy() resumes
    Path file = dir.resolve("raw-" + UUID.randomUUID() + ".upload");
    Promise<Path> received = Promise.promise();
    var fs = ctx.vertx().fileSystem();
    fs.mkdirs(dir.toString())
        .compose(v -> fs.open(file.toString(), new OpenOptions().setWrite(true).setCreateNew(true)))
        .onFailure(e -> received.tryFail(space.explain(e)))
        .onSuccess(out -> copy(request, out, limitBytes, space, received));
    return received.future().onFailure(e -> fs.delete(file.toString()).otherwise((Void) null))
        .map(file);
  }

  private static void copy(HttpServerRequest request, AsyncFile out, long limitBytes, DiskSpace space,
      Promise<Path> received) {
    if (request.isEnded()) { // an empty body, already over
      out.close().onComplete(closed -> received.tryComplete(null));
      return;
    }
    long[] count = {0};
    out.exceptionHandler(e -> { // a write failed: the disk is full, or worse
      request.handler(null);
      out.close();
      received.tryFail(space.explain(e));
    });
    request.handler(chunk -> {
      count[0] += chunk.length();
      if (count[0] > limitBytes) {
        request.handler(null);
        out.close();
        received.tryFail(tooLarge(limitBytes));
        return;
      }
      out.write(chunk);
      if (out.writeQueueFull()) {
        request.pause();
        out.drainHandler(v -> request.resume());
      }
    });
    request.exceptionHandler(e -> {
      out.close();
      received.tryFail(e);
    });
    request.endHandler(v -> {
      if (!received.future().isComplete()) {
        out.close().onComplete(closed -> {
          if (closed.succeeded()) {
            received.tryComplete(null);
          } else {
            received.tryFail(space.explain(closed.cause()));
          }
        });
      }
    });
    request.resume();
  }

  static Refusal tooLarge(long limitBytes) {
    return new Refusal(Refusal.Reason.TOO_LARGE, "the upload is larger than the server's limit of "
        + limitBytes / (1024 * 1024)
        + " MB");
  }
}
