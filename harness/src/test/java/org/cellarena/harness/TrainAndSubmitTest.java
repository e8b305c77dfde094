package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cellarena.harness.cli.CommandRun;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The participant's model path end to end against a server started in the test: generated data -> split ->
 * competition -> {@code train --max-iterations 12 --submit URL --competition ID --token T} (in-process, as the demo
 * runs it) -> the model's submission scored and its team on the public leaderboard.
 */
@Tag("slow")
class TrainAndSubmitTest {
  @Test
  void trainWithSubmitEndsWithTheModelsScoreOnTheLeaderboard(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path competition = dir.resolve("competitions").resolve("trained");
    ok(CommandRun.of("demo-data", "--out", data.toString(), "--images", "10", "--seed", "5"));
    ok(CommandRun.of("split", "--data", data.toString(), "--out", dir.resolve("split.json").toString(),
        "--holdout", "0.3", "--val", "0.2", "--stratify", "cell_type", "--seed", "1"));
    ok(CommandRun.of("competition", "create", "--data", data.toString(), "--split",
        dir.resolve("split.json").toString(), "--out", competition.toString(), "--id", "trained",
        "--public-fraction", "1", "--feedback-fraction", "0"));
    Path participant = competition.resolve("participant");
    Path config = Path.of(System.getProperty("cellarena.home", "..")).resolve("configs/demo_cpu.json");
    assertTrue(Files.isRegularFile(config), "config " + config.toAbsolutePath());

    ServerConfig serverConfig = ServerConfig.defaults(dir.resolve("server")).withPort(0)
        .withAdminToken("train-admin").withCompetition(competition);
    try (Server server = Server.start(serverConfig)) {
      String token = server.createTeam("model-team").token();
      Path submissions = dir.resolve("submissions");
      CommandRun train = CommandRun.of("train", "--config", config.toString(), "--data", participant.toString(),
          "--split", participant.resolve("split.json").toString(), "--work-dir", dir.resolve("work").toString(),
          "--max-iterations", "12", "--submit", server.url(), "--competition", "trained", "--token", token,
          "--test-images", competition.resolve("test").toString(), "--submissions-dir", submissions.toString());
      assertEquals(0, train.exitCode(), "train --submit; stderr: " + train.err());
      try (var files = Files.list(submissions)) {
        assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("trained-model-")).count(),
            "the submission file is kept");
      }
      assertTrue(Files.exists(dir.resolve("work").resolve("best.params")), "a best checkpoint");

      CommandRun board = ok(CommandRun.of("leaderboard", "--server", server.url(), "--competition", "trained"));
      Matcher row = Pattern.compile("(?m)^\\s+1\\s+model-team\\s+(\\d\\.\\d{4})\\s").matcher(board.out());
      assertTrue(row.find(), "the model's team is ranked with a score: " + board.out());
      double score = Double.parseDouble(row.group(1));
      assertTrue(score >= 0 && score <= 1, board.out());
    }
  }

  private static CommandRun ok(CommandRun run) {
    assertEquals(0, run.exitCode(), "exit code; stderr: " + run.err());
    return run;
  }
}
