package org.cellarena.web.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.cellarena.web.http.Access;

/**
 * The route table of the API: every {@code /api} endpoint of the server but the pages' overlay, by audience
 * (the public, a team, the host). web/API.md describes each. {@link org.cellarena.web.http.Fallbacks} adds the JSON
 * errors and the static files after them.
 */
public final class ApiRouter {
  private static final long SMALL_BODY = 64 * 1024;

  private final Access access;
  private final OperationsApi operations;
  private final CompetitionApi competitions;
  private final RegistrationApi registration;
  private final SubmissionApi submissions;
  private final StatusStream events;
  private final TeamAdminApi teams;
  private final AdminApi admin;
  private final BodyHandler smallBody = BodyHandler.create(false).setBodyLimit(SMALL_BODY);

  public ApiRouter(Access access, OperationsApi operations, CompetitionApi competitions,
      RegistrationApi registration, SubmissionApi submissions, StatusStream events, TeamAdminApi teams,
      AdminApi admin) {
    this.access = access;
    this.operations = operations;
    this.competitions = competitions;
    this.registration = registration;
    this.submissions = submissions;
    this.events = events;
    this.teams = teams;
    this.admin = admin;
  }

  /** Adds the API's routes to the router: anyone's, then a team's, then the host's. */
  public void mount(Router router) {
    publicRoutes(router);
    teamRoutes(router);
    hostRoutes(router);
  }

  private void publicRoutes(Router router) {
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
  }

  /** A team's routes (some also the host's). */
  private void teamRoutes(Router router) {
    router.get("/api/me").handler(access.team()).handler(submissions::me);
    router.post("/api/competitions/:cid/submissions").consumes("multipart/form-data").handler(access.team())
        .handler(submissions.admitUpload()).handler(submissions::receiveMultipart).handler(submissions::uploadMultipart);
    router.post("/api/competitions/:cid/submissions").handler(access.team()).handler(submissions.admitUpload())
        .handler(submissions::uploadRaw);
    router.get("/api/competitions/:cid/submissions").handler(access.team()).handler(submissions::mine);
    router.get("/api/submissions/:sid").handler(access.teamOrAdmin()).handler(submissions::status);
    router.get("/api/submissions/:sid/detail").handler(access.teamOrAdmin()).handler(submissions::detail);
    router.get("/api/submissions/:sid/events").handler(access.teamOrAdminFromBrowser()).handler(events::stream);
    router.put("/api/submissions/:sid/final").handler(access.team()).handler(submissions::pickFinal);
    router.delete("/api/submissions/:sid/final").handler(access.team()).handler(submissions::unpickFinal);
  }

  private void hostRoutes(Router router) {
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
  }
}
