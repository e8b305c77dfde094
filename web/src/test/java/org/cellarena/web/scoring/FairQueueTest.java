package org.cellarena.web.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.cellarena.web.scoring.JobOrder.Lane.ANY;
import static org.cellarena.web.scoring.JobOrder.Lane.LIGHT;

import org.junit.jupiter.api.Test;

/**
 * The order of the scoring queue: one team's backlog never holds up another team, and the light lane takes only
 * the work of teams with nothing being scored.
 */
class FairQueueTest {
  private static final long A = 1, B = 2, C = 3;

  @Test
  void aTeamThatHasHadScoringTimeWaitsBehindOneThatHasNot() throws InterruptedException {
    FairQueue queue = new FairQueue(1);
    for (long id = 1; id <= 4; id++) {
      queue.add(id, A);
    }
    queue.add(5, B);
    FairQueue.Claim first = queue.take(ANY, 0);
    assertEquals(1, first.id(), "the oldest first while no one has had any time");
    queue.done(first, 30);
    assertEquals(5, queue.take(ANY, 0).id(), "then the other team, though its submission is newer");
    assertEquals(2, queue.take(ANY, 0).id());
  }

  @Test
  void aTeamWithASubmissionScoringWaitsWhileOthersHaveWork() throws InterruptedException {
    FairQueue queue = new FairQueue(1);
    queue.add(1, A);
    queue.add(2, A);
    queue.add(3, B);
    queue.add(4, C);
    assertEquals(1, queue.take(ANY, 0).id());
    assertEquals(3, queue.take(ANY, 0).id(), "A is scoring: B next, on a second worker");
    assertEquals(4, queue.take(ANY, 0).id(), "and C");
    assertEquals(2, queue.take(ANY, 0).id(), "A's second once no one else waits");
    assertNull(queue.take(ANY, 10));
  }

  @Test
  void positionsFollowTheTurnsOfTheTeams() throws InterruptedException {
    FairQueue queue = new FairQueue(1);
    for (long id = 1; id <= 3; id++) {
      queue.add(id, A);
    }
    queue.done(queue.take(ANY, 0), 5); // A has had scoring time
    queue.add(10, B);
    assertEquals(1, queue.position(10), "B before A's backlog");
    assertEquals(2, queue.position(2));
    assertEquals(3, queue.position(3));
    assertEquals(0, queue.position(1), "taken: no longer waiting");
    assertFalse(queue.add(2, A), "already waiting");
  }

  @Test
  void theLightLaneTakesOnlyTeamsWithNothingBeingScored() throws InterruptedException {
    FairQueue queue = new FairQueue(1);
    for (long id = 1; id <= 10; id++) {
      queue.add(id, A); // a backlog of heavy files
    }
    assertEquals(1, queue.take(ANY, 0).id(), "the only worker scores A's first");
    assertNull(queue.take(LIGHT, 0), "A has one being scored: none of its backlog goes to the light lane");
    queue.add(11, B);
    assertEquals(11, queue.take(LIGHT, 0).id(), "B's file is scored beside A's, not after it");
    queue.add(12, B);
    queue.add(13, C);
    assertEquals(13, queue.take(LIGHT, 0).id(), "B has one being scored; C has not");
  }

  @Test
  void aSubmissionHandedBackByTheLightLaneGoesToTheOtherLaneOnly() throws InterruptedException {
    FairQueue queue = new FairQueue(1);
    queue.add(1, C);
    FairQueue.Claim busy = queue.take(ANY, 0);
    queue.add(2, A);
    queue.add(3, A);
    FairQueue.Claim heavy = queue.take(LIGHT, 0);
    assertEquals(2, heavy.id());
    queue.handBack(heavy, 3);
    assertEquals(2, queue.size(), "queued again, beside A's second");
    assertEquals(3, queue.take(LIGHT, 0).id(), "the light lane skips the file it handed back");
    assertNull(queue.take(LIGHT, 0));
    queue.done(busy, 1);
    assertEquals(2, queue.take(ANY, 0).id(), "the other lane takes it");
  }

  @Test
  void theLightLaneTakesNothingWhileAWorkerIsFree() throws InterruptedException {
    FairQueue queue = new FairQueue(1);
    queue.add(1, A);
    queue.add(2, B);
    assertNull(queue.take(LIGHT, 0), "the worker is free: it takes the file");
    FairQueue.Claim first = queue.take(ANY, 0);
    assertEquals(2, queue.take(LIGHT, 0).id(), "the worker is busy: B's file goes to the light lane");
    queue.add(3, C);
    queue.done(first, 1);
    assertNull(queue.take(LIGHT, 0), "the worker is free again, between two files");
    assertEquals(3, queue.take(ANY, 0).id());
  }
}
