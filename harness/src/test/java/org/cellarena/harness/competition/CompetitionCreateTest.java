package org.cellarena.harness.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cellarena.harness.CommandRun;
import org.cellarena.harness.GeneratedData;
import org.cellarena.harness.split.SplitManifest;
import org.cellarena.model.data.Dataset;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.io.Usage;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.CompetitionLoader;
import org.cellarena.scoring.io.SubmissionLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompetitionCreateTest {
  @Test
  void writesTheServedFolderAndABundleWithoutTheHoldout(@TempDir Path dir) throws Exception {
    Path data = GeneratedData.dataset();
    Path split = dir.resolve("split.json");
    Path out = dir.resolve("comp");
    assertEquals(0, CommandRun.of("split", "--data", data.toString(), "--out", split.toString(),
        "--holdout", "0.5", "--val", "0.2", "--seed", "9").exitCode());
    CommandRun created = CommandRun.of("competition", "create", "--data", data.toString(), "--split",
        split.toString(), "--out", out.toString(), "--id", "cells-2026", "--title", "Cells 2026",
        "--public-fraction", "0.5", "--daily-limit", "3", "--deadline", "2026-12-31T23:59:00Z");
    assertEquals(0, created.exitCode(), created.err());

    JsonObject json = new JsonObject(Files.readString(out.resolve("competition.json")));
    assertEquals("cells-2026", json.getString("id"));
    assertEquals("Cells 2026", json.getString("title"));
    assertEquals(3, json.getInteger("daily_limit"));
    assertEquals(2, json.getInteger("final_picks"));
    assertEquals("2026-12-31T23:59Z", json.getString("deadline"));

    SplitManifest manifest = SplitManifest.read(split);
    Solution solution = SolutionReader.read(out.resolve("solution.csv"));
    assertEquals(new HashSet<>(manifest.holdout()), solution.ids());
    for (String type : solution.cellTypes()) {
      List<SolutionImage> ofType = solution.images().stream().filter(i -> i.cellType().equals(type)).toList();
      long feedbackCount = ofType.stream().filter(i -> i.usage() == Usage.FEEDBACK).count();
      long publicCount = ofType.stream().filter(i -> i.usage() == Usage.PUBLIC).count();
      assertEquals(Math.min(ofType.size() - 1, Math.round(0.15 * ofType.size())), feedbackCount,
          "Feedback images of " + type + " (the default 15%)");
      assertEquals(Math.max(1, Math.round(0.5 * (ofType.size() - feedbackCount))), publicCount,
          "Public images of " + type + ": half of those left for the boards");
    }
    assertEquals(solution.ids(), new HashSet<>(Dataset.pngIds(out.resolve("test"))));
    new SubmissionReader(solution).read(out.resolve("sample_submission.csv"));
    SolutionImage first = solution.images().get(0);
    assertTrue(first.metadata().containsKey("sample_id"), "solution keeps the metadata columns");

    Path bundle = out.resolve("participant");
    Set<String> participantIds = Dataset.read(bundle).train().ids();
    Set<String> expected = new HashSet<>(manifest.train());
    expected.addAll(manifest.val());
    assertEquals(expected, participantIds);
    assertTrue(participantIds.stream().noneMatch(solution.ids()::contains), "no held-out image in the bundle");
    assertEquals(solution.ids(), new HashSet<>(Dataset.pngIds(bundle.resolve("test"))));
    assertTrue(SplitManifest.read(bundle.resolve("split.json")).holdout().isEmpty());
  }

  @Test
  void aModelCompetitionHandsOutOnlyItsSampleTestImages(@TempDir Path dir) throws Exception {
    Path data = GeneratedData.dataset();
    Path split = dir.resolve("split.json");
    Path out = dir.resolve("comp");
    assertEquals(0, CommandRun.of("split", "--data", data.toString(), "--out", split.toString(),
        "--holdout", "0.5", "--val", "0.2", "--seed", "9").exitCode());
    CommandRun created = CommandRun.of("competition", "create", "--data", data.toString(), "--split",
        split.toString(), "--out", out.toString(), "--kind", "model", "--sample-test", "2");
    assertEquals(0, created.exitCode(), created.err());

    JsonObject json = new JsonObject(Files.readString(out.resolve("competition.json")));
    assertEquals("model", json.getString("kind"));
    List<String> samples = json.getJsonArray("sample_test").stream().map(Object::toString).toList();
    assertEquals(2, samples.size());
    JsonObject inference = json.getJsonObject("inference");
    assertEquals(20, inference.getDouble("time_limit_minutes"));
    assertEquals(60, inference.getDouble("compute_minutes_per_day"));
    assertEquals(1024, inference.getLong("max_archive_mb"));
    Competition served = CompetitionLoader.load(out, SubmissionLimits.DEFAULTS);
    assertEquals(samples, served.model().sampleTest(), "the server reads what create wrote");

    Solution solution = SolutionReader.read(out.resolve("solution.csv"));
    assertEquals(new HashSet<>(SplitManifest.read(split).holdout()), solution.ids());
    assertEquals(solution.ids(), new HashSet<>(Dataset.pngIds(out.resolve("test"))), "the server keeps them all");
    Set<String> sampleTypes = new HashSet<>();
    for (String id : samples) {
      assertEquals(Usage.FEEDBACK, solution.image(id).usage(), id + " is handed out: on no board");
      sampleTypes.add(solution.image(id).cellType());
    }
    assertEquals(2, sampleTypes.size(), "one cell type after another");

    Path bundle = out.resolve("participant");
    assertEquals(Set.copyOf(samples), new HashSet<>(Dataset.pngIds(bundle.resolve("test"))));
    for (Path sample : List.of(bundle.resolve("sample_submission.csv"), out.resolve("sample_submission.csv"))) {
      assertEquals(Set.copyOf(samples), Files.readAllLines(sample).stream().skip(1)
          .map(line -> line.substring(0, line.indexOf(','))).collect(java.util.stream.Collectors.toSet()));
    }
  }

  @Test
  void refusesSampleTestImagesThatLeaveNothingHiddenOrThatACsvCompetitionCannotHave(@TempDir Path dir) {
    Path data = GeneratedData.dataset();
    Path split = dir.resolve("split.json");
    assertEquals(0, CommandRun.of("split", "--data", data.toString(), "--out", split.toString(),
        "--holdout", "0.5", "--val", "0.2", "--seed", "9").exitCode());
    String[] create = {"competition", "create", "--data", data.toString(), "--split", split.toString(),
        "--out", dir.resolve("comp").toString()};

    CommandRun all = CommandRun.of(concat(create, "--kind", "model", "--sample-test", "6"));
    assertEquals(2, all.exitCode());
    assertTrue(all.err().contains("--sample-test 6 would hand out every held-out image (the split holds out 6): "
        + "give at most 5"), all.err());
    CommandRun csv = CommandRun.of(concat(create, "--sample-test", "2"));
    assertEquals(2, csv.exitCode());
    assertTrue(csv.err().contains("--sample-test is for --kind model"), csv.err());
    CommandRun kind = CommandRun.of(concat(create, "--kind", "docker"));
    assertEquals(2, kind.exitCode());
    assertTrue(kind.err().contains("--kind must be csv or model, found 'docker'"), kind.err());
    CommandRun negative = CommandRun.of(concat(create, "--kind", "model", "--sample-test", "-1"));
    assertEquals(2, negative.exitCode());
    assertTrue(negative.err().contains("the sample test images must be 0 or more, found -1"), negative.err());
    assertTrue(!Files.exists(dir.resolve("comp").resolve("competition.json")), "nothing written");
  }

  @Test
  void theBundledExampleModelCompetitionLoads() {
    Path example = Path.of(System.getProperty("cellarena.home", "..")).resolve("examples/competitions/example-model");
    Competition competition = CompetitionLoader.load(example, SubmissionLimits.DEFAULTS);
    assertEquals(List.of("ex-shsy5y-1"), competition.model().sampleTest());
    assertEquals(5, competition.solution().ids().stream().filter(competition::isHidden).count());
  }

  private static String[] concat(String[] head, String... tail) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(head), java.util.Arrays.stream(tail))
        .toArray(String[]::new);
  }
}
