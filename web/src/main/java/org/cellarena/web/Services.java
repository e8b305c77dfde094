package org.cellarena.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import org.cellarena.web.auth.AdminToken;
import org.cellarena.web.auth.RateLimiter;
import org.cellarena.web.board.DailyQuota;
import org.cellarena.web.board.Leaderboards;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.competition.ParticipantFiles;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.inference.InferenceLane;
import org.cellarena.web.intake.ModelIntake;
import org.cellarena.web.intake.SubmissionIntake;
import org.cellarena.web.scoring.ScoringQueue;
import org.cellarena.web.store.AuditLog;
import org.cellarena.web.store.ChangeFeed;
import org.cellarena.web.store.CompetitionEdits;
import org.cellarena.web.store.Database;
import org.cellarena.web.store.FinalPicks;
import org.cellarena.web.store.Inferences;
import org.cellarena.web.store.Leases;
import org.cellarena.web.store.Results;
import org.cellarena.web.store.Reveals;
import org.cellarena.web.store.Submissions;
import org.cellarena.web.store.Teams;

/**
 * Everything a running server is made of, as {@link Server} composed it; {@link Routes} gives each handler the
 * parts it uses. The stores block: use them from {@code executeBlocking}, never on the event loop.
 */
public record Services(
    Vertx vertx, ServerConfig config, Database database, Competitions competitions, Teams teams,
    Submissions submissions, Leases leases, Results results, FinalPicks picks, SubmissionFiles files,
    ScoringQueue queue, SubmissionIntake intake, Leaderboards leaderboards, DailyQuota quota, Reveals reveals,
    AuditLog audit, AdminToken adminToken, RateLimiter rateLimiter, PrometheusMeterRegistry metrics,
    ChangeFeed changes, CompetitionEdits edits, ParticipantFiles participantFiles, Inferences inferences,
    InferenceLane inferenceLane, ModelIntake modelIntake) {
}
