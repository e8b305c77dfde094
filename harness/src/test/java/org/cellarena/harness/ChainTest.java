package org.cellarena.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cellarena.model.submit.SubmissionLines;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's and participant's path end to end, through the command line and a real server on a free port:
 * demo-data -> split -> competition create -> baseline -> serve -> submit --wait; the server's score equals
 * {@code score} on the same files, and a broken file comes back failed with its reason and exit code 2.
 */
@Tag("slow")
class ChainTest {
  @Test
  void generatedCompetitionScoresTheSameOnTheServerAsOffline(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path competition = dir.resolve("competitions").resolve("chain");
    Path submission = dir.resolve("baseline.csv");
    ok(CommandRun.of("demo-data", "--out", data.toString(), "--images", "6", "--seed", "21"));
    ok(CommandRun.of("split", "--data", data.toString(), "--out", dir.resolve("split.json").toString(),
        "--holdout", "0.5", "--group", "sample_id", "--seed", "3"));
    ok(CommandRun.of("competition", "create", "--data", data.toString(), "--split",
        dir.resolve("split.json").toString(), "--out", competition.toString(), "--public-fraction", "1",
        "--feedback-fraction", "0"));
    ok(CommandRun.of("baseline", "--images", competition.resolve("test").toString(), "--out", submission.toString()));
    CommandRun offline = ok(CommandRun.of("score", "--solution", competition.resolve("solution.csv").toString(),
        "--submission", submission.toString()));

    ServerConfig config = ServerConfig.defaults(dir.resolve("server")).withPort(0).withAdminToken("chain-admin")
        .withCompetition(competition);
    try (Server server = Server.start(config)) {
      String token = server.createTeam("chain-team").token();
      CommandRun submitted = ok(CommandRun.of("submit", "--server", server.url(), "--competition", "chain",
          "--token", token, "--file", submission.toString(), "--description", "classical baseline", "--wait"));
      Matcher score = Pattern.compile(": scored, public score ([0-9.]+)").matcher(submitted.out());
      assertTrue(score.find(), submitted.out());
      Matcher offlinePublic = Pattern.compile("(?m)^Public\\s+([0-9.]+)\\s").matcher(offline.out());
      assertTrue(offlinePublic.find(), offline.out());
      assertEquals(SubmissionLines.score(Double.parseDouble(offlinePublic.group(1))), score.group(1),
          "server and offline public scores agree");
      assertTrue(Double.parseDouble(score.group(1)) > 0, "the baseline finds cells");

      Path broken = dir.resolve("broken.csv");
      Files.writeString(broken, "id,predicted\nno-such-image,1 5\n");
      CommandRun failed = CommandRun.of("submit", "--server", server.url(), "--competition", "chain",
          "--token", token, "--file", broken.toString(), "--wait");
      assertEquals(2, failed.exitCode(), failed.out() + failed.err());
      assertTrue(failed.err().contains("failed: ") && failed.err().contains("no-such-image"), failed.err());

      CommandRun refused = CommandRun.of("submit", "--server", server.url(), "--competition", "chain",
          "--token", "wrong", "--file", submission.toString());
      assertEquals(2, refused.exitCode());
      assertTrue(refused.err().contains("HTTP 401"), refused.err());
    }
  }

  private static CommandRun ok(CommandRun run) {
    assertEquals(0, run.exitCode(), "exit code; stderr: " + run.err());
    return run;
  }
}
