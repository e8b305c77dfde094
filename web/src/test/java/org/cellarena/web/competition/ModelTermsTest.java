package org.cellarena.web.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cellarena.scoring.io.SubmissionLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kind}, {@code sample_test} and {@code inference} in competition.json: defaults, and each bad value named. */
class ModelTermsTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "competitions", "example");

  @TempDir Path dir;

  private Competition load(JsonObject extra, boolean feedbackSample) throws IOException {
    String solution = Files.readString(EXAMPLE.resolve("solution.csv"));
    if (feedbackSample) {
      solution = solution.replaceAll("(?m)^(ex-shsy5y-4,.*),Public$", "$1,Feedback");
    }
    Files.writeString(dir.resolve("solution.csv"), solution);
    Files.writeString(dir.resolve("competition.json"), new JsonObject().put("id", "m").mergeIn(extra).encode());
    return CompetitionLoader.load(dir, SubmissionLimits.DEFAULTS);
  }

  private String refusal(JsonObject extra) {
    return assertThrows(CompetitionException.class, () -> load(extra, true)).getMessage();
  }

  @Test
  void aCompetitionIsCsvByDefaultAndAModelOneHasTheDefaultLimits() throws IOException {
    Competition csv = load(new JsonObject(), false);
    assertFalse(csv.isModel());
    assertFalse(csv.isHidden("ex-astro-2"));
    assertNull(csv.model());

    Competition model = load(new JsonObject().put("kind", "model").put("sample_test", List.of("ex-shsy5y-4")), true);
    assertTrue(model.isModel());
    assertEquals(Duration.ofMinutes(20), model.model().timeLimit());
    assertEquals(60, model.model().computeMinutesPerDay());
    assertEquals(1024L * 1024 * 1024, model.model().maxArchiveBytes());
    assertTrue(model.isHidden("ex-astro-2"));
    assertFalse(model.isHidden("ex-shsy5y-4"), "the sample is handed out");
    assertFalse(model.isHidden("no-such-image"));
    assertEquals("model", model.toJson().getString("kind"));
  }

  @Test
  void eachBadValueFailsTheStartNamingIt() {
    assertTrue(refusal(new JsonObject().put("kind", "code")).contains("\"kind\" must be \"csv\" or \"model\""));
    assertTrue(refusal(new JsonObject().put("sample_test", List.of("ex-shsy5y-4")))
        .contains("\"sample_test\" is only for a competition of \"kind\": \"model\""));
    assertTrue(refusal(new JsonObject().put("kind", "model").put("sample_test", List.of("nope")))
        .contains("names nope, which is no image of solution.csv"));
    assertTrue(refusal(new JsonObject().put("kind", "model").put("sample_test", List.of("ex-astro-2")))
        .contains("must count for no board"));
    assertTrue(refusal(new JsonObject().put("kind", "model").put("inference", new JsonObject().put("gpus", 2)))
        .contains("unknown key \"gpus\" in \"inference\""));
    assertTrue(refusal(new JsonObject().put("kind", "model")
        .put("inference", new JsonObject().put("time_limit_minutes", 0))).contains("\"time_limit_minutes\" must be"));
    assertTrue(refusal(new JsonObject().put("kind", "model")
        .put("inference", new JsonObject().put("max_archive_mb", 1.5))).contains("\"max_archive_mb\" must be"));
    assertTrue(refusal(new JsonObject().put("kind", "model").put("inference", new JsonObject()
        .put("max_archive_mb", 4096))).contains("\"max_archive_mb\" must be a whole number from 1 to 4095"));
  }

  @Test
  void theTextsOfAModelCompetitionSayTheTestImagesStayAndShowTheLimits() throws IOException {
    Competition model = load(new JsonObject().put("kind", "model").put("sample_test", List.of("ex-shsy5y-4"))
        .put("inference", new JsonObject().put("time_limit_minutes", 20).put("compute_minutes_per_day", 60)), true);
    JsonObject texts = CompetitionTexts.render(model);
    String data = texts.getJsonObject("data").getString("markdown");
    String evaluation = texts.getJsonObject("evaluation").getString("markdown");
    assertTrue(data.contains("only the 1 sample ones are handed out"), data);
    assertTrue(data.contains("the other 5 never leave the server"), data);
    assertTrue(evaluation.contains("**Inference limits**: 20 min per submission; 60 minutes of inference"),
        evaluation);
    assertFalse(CompetitionTexts.render(load(new JsonObject(), false)).encode().contains("model competition"));
  }
}
