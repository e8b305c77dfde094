package org.cellarena.web.http;

import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.SubmissionRow;
import org.cellarena.web.store.Submissions;

/** The competition or submission a request's path names, or a 404 (blocking: submissions come from the database). */
public final class Lookup {
  private final Competitions competitions;
  private final Submissions submissions;

  public Lookup(Competitions competitions, Submissions submissions) {
    this.competitions = competitions;
    this.submissions = submissions;
  }

  /** The competition named by the path's {@code cid}; 404 otherwise. */
  public Competition competition(String cid) {
    return competitions.find(cid).orElseThrow(() -> Refusal.notFound("no competition \"" + cid + "\""));
  }

  /** The submission named by the path's {@code sid}, if the caller may see it; 404 otherwise. */
  public SubmissionRow submission(String sid, Caller caller) {
    long id;
    try {
      id = Long.parseLong(sid);
    } catch (NumberFormatException e) {
      throw Refusal.notFound("no submission \"" + sid + "\"");
    }
    return submissions.find(id).filter(s -> caller.owns(s.teamId()))
        .orElseThrow(() -> Refusal.notFound("no submission " + sid + " of yours"));
  }
}
