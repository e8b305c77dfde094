package org.cellarena.web.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cellarena.web.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** One upload staging per team, a few in all. */
class StagingSlotsTest {
  @Test
  void aTeamStagesOneUploadAtATime() {
    StagingSlots slots = new StagingSlots(3, 0);
    try (StagingSlots.Slot first = slots.take(1)) {
      assertEquals(Refusal.Reason.TOO_MANY, assertThrows(Refusal.class, () -> slots.take(1)).reason());
      slots.take(2).close(); // another team is not held up
    }
    slots.take(1).close(); // freed
  }

  @Test
  void whenEverySlotIsTakenTheNextUploadIsRefusedAfterAShortWait() {
    StagingSlots slots = new StagingSlots(2, 50);
    try (StagingSlots.Slot a = slots.take(1); StagingSlots.Slot b = slots.take(2)) {
      Refusal busy = assertThrows(Refusal.class, () -> slots.take(3));
      assertEquals(Refusal.Reason.BUSY, busy.reason());
    }
    slots.take(3).close();
  }
}
