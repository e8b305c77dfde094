package org.cellarena.model.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In a log or a pipe the bar is plain lines, a tenth of the work apart; on a terminal one line redrawn. */
class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void intoALogOneLineATenthNoCarriageReturns() {
    ProgressBar bar = new ProgressBar(out, false);
    for (int i = 1; i <= 105; i++) {
      bar.update("epoch 2/3", i, 105, values(), 2.1, 105 - i, i == 105);
    }
    bar.finish();
    String log = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(log.contains("\r"), log);
    String[] lines = log.split("\n");
    assertEquals(11, lines.length, "the start, then each tenth up to 105/105: " + log);
    assertTrue(lines[0].startsWith("epoch 2/3 [....................] 1/105 loss 1.250 mask 0.500 lr 2.00e-02 2.10"
        + " img/s ETA 1:44"), lines[0]);
    assertTrue(lines[10].startsWith("epoch 2/3 [####################] 105/105 "), lines[10]);
    for (String line : lines) {
      assertTrue(line.length() < 200, line);
    }
  }

  @Test
  void aNoteGoesOnALineOfItsOwn() {
    ProgressBar bar = new ProgressBar(out, true);
    bar.update("epoch 1", 3, 10, values(), 1, 7, true);
    bar.note("skipped step 3: a non-finite gradient");
    bar.update("epoch 1", 4, 10, values(), 1, 6, false); // drawn at once after a note
    bar.finish();
    String shown = bytes.toString(StandardCharsets.UTF_8);
    String[] lines = shown.split("\n");
    assertEquals(2, lines.length, shown);
    assertTrue(lines[0].endsWith("\rskipped step 3: a non-finite gradient"), lines[0]);
    assertTrue(lines[1].startsWith("\repoch 1 [########............] 4/10 "), lines[1]);
  }

  private static Map<String, Number> values() {
    Map<String, Number> v = new LinkedHashMap<>();
    v.put("loss", 1.25f);
    v.put("loss_mask", 0.5f);
    v.put("lr", 0.02f);
    return v;
  }
}
