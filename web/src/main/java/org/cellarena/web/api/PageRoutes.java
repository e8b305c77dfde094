package org.cellarena.web.api;

import io.vertx.ext.web.Router;
import org.cellarena.web.Services;

/**
 * Where the pages (and overlay images) mount. An implementation listed in
 * {@code META-INF/services/org.cellarena.web.api.PageRoutes} is found with {@link java.util.ServiceLoader} and
 * called once, after the API routes and before the static files of the classpath folder {@code webroot} are
 * mounted at {@code /}. {@link Access} answers who is calling, for routes that need a token.
 */
public interface PageRoutes {
  void mount(Router router, Services services);
}
