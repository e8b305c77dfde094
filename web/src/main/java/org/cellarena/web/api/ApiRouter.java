package org.cellarena.web.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.Services;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.pages.Pages;

/**
 * The route table: every endpoint of the server, in one place. web/API.md describes each. Order matters:
 * the API, then the pages ({@link Pages}, which add {@code /api/...} endpoints of their own), then the
 * JSON 404 for unknown {@code /api} paths, then the static files of the classpath folder {@code webroot}.
 */
public final class ApiRouter {
  private static final long SMALL_BODY = 64 * 1024;

  private ApiRouter() {}

  public static Router create(Services services) {
    Router router = Router.router(services.vertx());
    ServerConfig config = services.config();
    Access access = new Access(services);
    CompetitionApi competitions = new CompetitionApi(services);
    SubmissionApi submissions = new SubmissionApi(services);
    StatusStream events = new StatusStream(services, submissions);
    AdminApi admin = new AdminApi(services);
    TeamAdminApi teams = new TeamAdminApi(services);
    RegistrationApi registration = new RegistrationApi(services);
    BodyHandler uploadBody = BodyHandler.create()
        .setBodyLimit(config.uploadLimitBytes())
        .setUploadsDirectory(config.submissionsDir().resolve(SubmissionFiles.UPLOADS).toString())
        .setDeleteUploadedFilesOnEnd(true);
    BodyHandler smallBody = BodyHandler.create(false).setBodyLimit(SMALL_BODY);

    // public
    OperationsApi operations = new OperationsApi(services);
    router.get("/api/health").handler(operations::health);
    router.get("/metrics").handler(operations.metrics());
    router.get("/api/competitions").handler(competitions::list);
    router.get("/api/competitions/:cid").handler(competitions::get);
    router.get("/api/competitions/:cid/leaderboard").handler(competitions::publicLeaderboard);
    router.get("/api/competitions/:cid/leaderboard/private").handler(competitions::privateLeaderboard);
    router.get("/api/competitions/:cid/leaderboard/history").handler(competitions::history);
    router.get("/api/competitions/:cid/texts").handler(competitions::texts);
    router.get("/api/competitions/:cid/files").handler(competitions::files);
    router.get("/api/competitions/:cid/files/:name").handler(competitions::file);
    router.post("/api/competitions/:cid/register").handler(smallBody).handler(registration::register);

    // a team (some also the admin)
    router.get("/api/me").handler(access.team()).handler(submissions::me);
    router.post("/api/competitions/:cid/submissions").consumes("multipart/form-data").handler(access.team())
        .handler(submissions.admitUpload()).handler(uploadBody).handler(submissions::uploadMultipart);
    router.post("/api/competitions/:cid/submissions").handler(access.team()).handler(submissions.admitUpload())
        .handler(submissions::uploadRaw);
    router.get("/api/competitions/:cid/submissions").handler(access.team()).handler(submissions::mine);
    router.get("/api/submissions/:sid").handler(access.teamOrAdmin()).handler(submissions::status);
    router.get("/api/submissions/:sid/detail").handler(access.teamOrAdmin()).handler(submissions::detail);
    router.get("/api/submissions/:sid/events").handler(access.teamOrAdminFromBrowser()).handler(events::stream);
    router.put("/api/submissions/:sid/final").handler(access.team()).handler(submissions::pickFinal);
    router.delete("/api/submissions/:sid/final").handler(access.team()).handler(submissions::unpickFinal);

    // the admin
    router.post("/api/admin/teams").handler(access.admin()).handler(smallBody).handler(teams::create);
    router.get("/api/admin/teams").handler(access.admin()).handler(teams::list);
    router.post("/api/admin/teams/:tid/disable").handler(access.admin()).handler(teams::disable);
    router.post("/api/admin/teams/:tid/enable").handler(access.admin()).handler(teams::enable);
    router.put("/api/admin/teams/:tid/benchmark").handler(access.admin()).handler(teams::markBenchmark);
    router.delete("/api/admin/teams/:tid/benchmark").handler(access.admin()).handler(teams::unmarkBenchmark);
    router.post("/api/admin/teams/:tid/token").handler(access.admin()).handler(teams::newToken);
    router.put("/api/admin/competitions/:cid/teams/:tid").handler(access.admin()).handler(teams::addToCompetition);
    router.delete("/api/admin/competitions/:cid/teams/:tid").handler(access.admin())
        .handler(teams::removeFromCompetition);
    router.get("/api/admin/queue").handler(access.admin()).handler(admin::queue);
    router.get("/api/admin/competitions/:cid").handler(access.admin()).handler(admin::competition);
    router.patch("/api/admin/competitions/:cid").handler(access.admin()).handler(smallBody)
        .handler(admin::editCompetition);
    router.get("/api/admin/competitions/:cid/submissions").handler(access.admin()).handler(admin::submissions);
    router.post("/api/admin/competitions/:cid/reveal").handler(access.admin()).handler(admin::reveal);
    router.post("/api/admin/competitions/:cid/rescore").handler(access.admin()).handler(admin::rescoreCompetition);
    router.post("/api/admin/submissions/:sid/rescore").handler(access.admin()).handler(admin::rescoreSubmission);
    router.get("/api/admin/competitions/:cid/export").handler(access.admin()).handler(admin::export);
    router.get("/api/admin/audit").handler(access.admin()).handler(admin::audit);

    // the pages and their endpoint (overlays)
    Pages.mount(router, services);

    // every failure under /api is JSON, unknown paths (404) and wrong methods (405) included
    long limitMb = config.uploadLimitBytes() / ServerConfig.MB;
    router.route("/api/*").failureHandler(ctx -> Replies.failure(ctx, limitMb));
    for (int status : new int[] {404, 405}) {
      router.errorHandler(status, ctx -> {
        if (ctx.request().path().startsWith("/api/")) {
          Replies.failure(ctx, limitMb);
        } else {
          ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
              .end(status == 404 ? "Not found\n" : "Method not allowed\n");
        }
      });
    }

    router.get("/*").handler(StaticHandler.create("webroot"));
    return router;
  }
}
