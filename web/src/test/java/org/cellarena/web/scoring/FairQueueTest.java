package org.cellarena.web.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The order of the scoring queue: one team's backlog never holds up another team. */
class FairQueueTest {
  private static final long A = 1, B = 2, C = 3;

  @Test
  void aTeamThatHasHadScoringTimeWaitsBehindOneThatHasNot() throws InterruptedException {
    FairQueue queue = new FairQueue();
    for (long id = 1; id <= 4; id++) {
      queue.add(id, A);
    }
    queue.add(5, B);
    FairQueue.Claim first = queue.take(0);
    assertEquals(1, first.id(), "the oldest first while no one has had any time");
    queue.done(first, 30);
    assertEquals(5, queue.take(0).id(), "then the other team, though its submission is newer");
    assertEquals(2, queue.take(0).id());
  }

  @Test
  void aTeamWithASubmissionScoringWaitsWhileOthersHaveWork() throws InterruptedException {
    FairQueue queue = new FairQueue();
    queue.add(1, A);
    queue.add(2, A);
    queue.add(3, B);
    queue.add(4, C);
    assertEquals(1, queue.take(0).id());
    assertEquals(3, queue.take(0).id(), "A is scoring: B next, on a second worker");
    assertEquals(4, queue.take(0).id(), "and C");
    assertEquals(2, queue.take(0).id(), "A's second once no one else waits");
    assertNull(queue.take(10));
  }

  @Test
  void positionsFollowTheTurnsOfTheTeams() throws InterruptedException {
    FairQueue queue = new FairQueue();
    for (long id = 1; id <= 3; id++) {
      queue.add(id, A);
    }
    queue.done(queue.take(0), 5); // A has had scoring time
    queue.add(10, B);
    assertEquals(1, queue.position(10), "B before A's backlog");
    assertEquals(2, queue.position(2));
    assertEquals(3, queue.position(3));
    assertEquals(0, queue.position(1), "taken: no longer waiting");
    assertFalse(queue.add(2, A), "already waiting");
  }
}
