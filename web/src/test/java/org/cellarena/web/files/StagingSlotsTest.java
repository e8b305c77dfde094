package org.cellarena.web.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cellarena.web.Refusal;
import org.junit.jupiter.api.Test;

/** One upload staging per team, a few in all. */
class StagingSlotsTest {
  @Test
  void aTeamStagesOneUploadAtATime() {
    StagingSlots slots = new StagingSlots(3, 0);
    try (StagingSlots.Slot first = slots.take(1)) {
      assertEquals(429, assertThrows(Refusal.class, () -> slots.take(1)).status());
      slots.take(2).close(); // another team is not held up
    }
    slots.take(1).close(); // freed
  }

  @Test
  void whenEverySlotIsTakenTheNextUploadIsRefusedAfterAShortWait() {
    StagingSlots slots = new StagingSlots(2, 50);
    try (StagingSlots.Slot a = slots.take(1); StagingSlots.Slot b = slots.take(2)) {
      Refusal busy = assertThrows(Refusal.class, () -> slots.take(3));
      assertEquals(503, busy.status());
    }
    slots.take(3).close();
  }
}
