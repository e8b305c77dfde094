package org.cellarena.web;

import io.vertx.ext.web.Router;
import org.cellarena.web.api.AdminApi;
import org.cellarena.web.api.ApiRouter;
import org.cellarena.web.api.CompetitionApi;
import org.cellarena.web.api.OperationsApi;
import org.cellarena.web.api.RegistrationApi;
import org.cellarena.web.api.StatusStream;
import org.cellarena.web.api.SubmissionApi;
import org.cellarena.web.api.TeamAdminApi;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.http.Access;
import org.cellarena.web.http.Fallbacks;
import org.cellarena.web.http.Lookup;
import org.cellarena.web.pages.Pages;

/**
 * The server's router, each handler given the parts it uses. Order matters: the API, then the pages (which add
 * an {@code /api/...} endpoint of their own, the overlay), then the JSON errors and the static files.
 */
final class Routes {
  private Routes() {}

  static Router create(Services s) {
    ServerConfig config = s.config();
    Access access = new Access(s.adminToken(), s.teams(), s.competitions(), s.rateLimiter());
    Lookup lookup = new Lookup(s.competitions(), s.submissions());
    SubmissionApi submissions = new SubmissionApi(lookup, s.competitions(), s.teams(), s.submissions(), s.results(),
        s.picks(), s.queue(), s.reveals(), s.leaderboards(), s.quota(), s.intake(), s.modelIntake(), s.files(),
        uploadsDir(config),
        config.uploadLimitBytes());
    ApiRouter api = new ApiRouter(access,
        new OperationsApi(s.database(), s.metrics()),
        new CompetitionApi(lookup, access, s.competitions(), s.reveals(), s.leaderboards(), s.participantFiles(),
            s.adminToken()),
        new RegistrationApi(lookup, s.teams(), s.audit()),
        submissions,
        new StatusStream(lookup, s.submissions(), submissions),
        new TeamAdminApi(lookup, s.competitions(), s.teams(), s.changes(), s.audit()),
        new AdminApi(lookup, s.competitions(), s.submissions(), s.leases(), s.results(), s.queue(), s.reveals(),
            s.leaderboards(), s.edits(), s.changes(), s.audit(), config.scoringWorkers()));
    Pages pages = new Pages(access, lookup, s.competitions(), s.reveals(), s.files(), config.dataDir());

    Router router = Router.router(s.vertx());
    api.mount(router);
    pages.mount(router);
    Fallbacks.mount(router, config.uploadLimitBytes() / ServerConfig.MB);
    return router;
  }

  private static java.nio.file.Path uploadsDir(ServerConfig config) {
    return config.submissionsDir().resolve(SubmissionFiles.UPLOADS);
  }
}
