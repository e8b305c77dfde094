package org.cellarena.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.metric.ImageResult;
import org.cellarena.scoring.metric.ScoreReport;
import org.cellarena.scoring.metric.Scorer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every image of the shared metric vectors agrees with the independent dense reference to 1e-9. */
class MetricVectorsTest {
  private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(-?[0-9.eE+-]+)");

  @ParameterizedTest
  @ValueSource(strings = {"edge", "synthetic40", "real21"})
  void agreesWithTheReference(String vector) throws Exception {
    Path dir = SharedData.require("metric-vectors/" + vector);
    Solution solution = SolutionReader.read(dir.resolve("solution.csv"));
    Submission submission = new SubmissionReader(solution).read(dir.resolve("submission.csv"));
    ScoreReport report = Scorer.score(solution, submission);

    String json = Files.readString(dir.resolve("expected.json"));
    int imagesAt = json.indexOf("\"images\"");
    Map<String, Double> expectedImages = entries(json.substring(json.indexOf('{', imagesAt), json.indexOf('}', imagesAt)));
    assertEquals(solution.size(), expectedImages.size(), "image count");
    for (ImageResult image : report.images()) {
      Double expected = expectedImages.get(image.id());
      assertNotNull(expected, "image " + image.id() + " in expected.json");
      assertEquals(expected, image.score(), 1e-9, "image " + image.id());
    }
    String outside = json.substring(0, imagesAt) + json.substring(json.indexOf('}', imagesAt) + 1);
    assertEquals(entries(outside).get("score"), report.score(), 1e-9, "overall score");
  }

  private static Map<String, Double> entries(String json) {
    Map<String, Double> map = new LinkedHashMap<>();
    Matcher m = ENTRY.matcher(json);
    while (m.find()) {
      map.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return map;
  }
}
