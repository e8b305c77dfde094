package org.cellarena.model.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One format for every line about a submission: its states on the way, how it ended, its score. */
class SubmissionLinesTest {
  @Test
  void scoresShowFourDecimals() {
    assertEquals("0.1229", SubmissionLines.score(0.1228678819));
    assertEquals("0.2264", SubmissionLines.score(0.226449));
    assertEquals("1.0000", SubmissionLines.score(1));
  }

  @Test
  void statesOnTheWayAreIndentedAndTheFinalOneIsLeftToTheOutcome() {
    List<String> printed = new ArrayList<>();
    var progress = SubmissionLines.progress(3, printed::add);
    progress.accept(json("{\"status\": \"queued\", \"queue_position\": 2}"));
    progress.accept(json("{\"status\": \"scoring\", \"queue_position\": null}"));
    progress.accept(json("{\"status\": \"scored\", \"public_score\": 0.5}"));
    assertEquals(List.of("  submission 3: queued (position 2)", "  submission 3: scoring"), printed);
  }

  @Test
  void theOutcomeSaysTheScoreOrTheReason() {
    assertEquals("submission 3: scored, public score 0.1229",
        SubmissionLines.outcome(3, json("{\"status\": \"scored\", \"public_score\": \"0.1228678819\"}")));
    assertEquals("submission 3: scored, no public score (the competition has no Public images)",
        SubmissionLines.outcome(3, json("{\"status\": \"scored\", \"public_score\": null}")));
    assertEquals("submission 4: failed: row 2: no image 'x'",
        SubmissionLines.outcome(4, json("{\"status\": \"failed\", \"error\": \"row 2: no image 'x'\"}")));
    assertEquals(SubmissionLines.outcome(3, json("{\"status\": \"scored\", \"public_score\": 0.226449}")),
        new AutoSubmit.Outcome(3, null, true, 0.226449, null).line(), "train --submit says it as submit does");
    assertEquals("submission 5: failed: (no reason given)",
        new AutoSubmit.Outcome(5, null, false, Double.NaN, null).line());
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
