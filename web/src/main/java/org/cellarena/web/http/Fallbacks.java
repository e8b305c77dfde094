package org.cellarena.web.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * What the router does after the API and the pages: every failure under {@code /api} as JSON, unknown paths
 * (404) and wrong methods (405) included, a plain-text 404 or 405 elsewhere, then the static files of the
 * classpath folder {@code webroot}.
 */
public final class Fallbacks {
  private Fallbacks() {}

  /**
   * Adds them to the router, last.
   *
   * @param uploadLimitMb the body limit, named in the 413 answer
   */
  public static void mount(Router router, long uploadLimitMb) {
    router.route("/api/*").failureHandler(ctx -> Replies.failure(ctx, uploadLimitMb));
    for (int status : new int[] {404, 405}) {
      router.errorHandler(status, ctx -> {
        if (ctx.request().path().startsWith("/api/")) {
          Replies.failure(ctx, uploadLimitMb);
        } else {
          ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
              .end(status == 404 ? "Not found\n" : "Method not allowed\n");
        }
      });
    }
    router.get("/*").handler(StaticHandler.create("webroot"));
  }
}
