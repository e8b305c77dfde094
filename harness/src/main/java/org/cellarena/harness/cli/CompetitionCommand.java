package org.cellarena.harness.cli;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.cellarena.harness.competition.CompetitionKind;
import org.cellarena.harness.competition.CompetitionSpec;
import org.cellarena.harness.competition.CompetitionWriter;
import org.cellarena.model.data.Dataset;
import org.cellarena.harness.split.SplitManifest;
import org.cellarena.web.competition.Feedback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code competition}: hosts' commands for competition folders. */
@Command(name = "competition", mixinStandardHelpOptions = true,
    description = "Competition folders for ./cellarena serve.",
    subcommands = CompetitionCommand.Create.class)
public final class CompetitionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "say what to do: competition create (see --help)");
  }

  /** {@code competition create}: the folder the server loads, and the participant bundle. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Write a competition folder from a dataset and a split: competition.json, solution.csv "
          + "(the holdout's masks with a seeded Public/Private Usage column, stratified by cell type), test/ "
          + "(the holdout's images), sample_submission.csv, the competition page's texts to edit (overview.md, "
          + "data.md, evaluation.md, rules.md); and the participant bundle (train.csv and images of train+val, "
          + "test/, sample_submission.csv, split.json), by default in COMP_DIR/participant, which the server "
          + "offers for download.",
          "With --kind model, teams submit models that the server runs on the held-out images: the bundle's test/ "
              + "and sample_submission.csv hold only --sample-test of them (Feedback: they count on no board); "
              + "COMP_DIR/test/ keeps them all, for the server only."})
  public static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatasetInput data;

    @Option(names = "--split", required = true, paramLabel = "FILE", description = "Split manifest (from split).")
    Path split;

    @Option(names = "--out", required = true, paramLabel = "COMP_DIR", description = "Competition folder to write.")
    Path out;

    @Option(names = "--bundle", paramLabel = "DIR", description = "Participant bundle folder (default: COMP_DIR/participant).")
    Path bundle;

    @Option(names = "--id", paramLabel = "ID", description = "Competition id (default: the folder's name).")
    String id;

    @Option(names = "--title", paramLabel = "T", description = "Title (default: the id).")
    String title;

    @Option(names = "--description", defaultValue = "Cell instance segmentation (Sartorius layout): predict one mask per cell.",
        paramLabel = "D", description = "Description shown on the competition page.")
    String description;

    @Option(names = "--feedback-fraction", defaultValue = "0.15", paramLabel = "F",
        description = "Share of each cell type's held-out images in the Feedback part: scored and shown to teams in "
            + "full detail (overlays, per-prediction IoUs) but counted on no leaderboard, so that probing them "
            + "gains nothing; 0 for none (default: ${DEFAULT-VALUE}).")
    double feedbackFraction;

    @Option(names = "--public-fraction", defaultValue = "0.3", paramLabel = "F",
        description = "Share of the other held-out images on the Public leaderboard (default: ${DEFAULT-VALUE}).")
    double publicFraction;

    @Option(names = "--daily-limit", defaultValue = "5", paramLabel = "N",
        description = "Scored submissions per team per UTC day (default: ${DEFAULT-VALUE}).")
    int dailyLimit;

    @Option(names = "--final-picks", defaultValue = "2", paramLabel = "N",
        description = "Submissions a team picks for the private leaderboard (default: ${DEFAULT-VALUE}).")
    int finalPicks;

    @Option(names = "--deadline", paramLabel = "ISO", description = "When submissions close, e.g. 2026-12-31T23:59:00Z (default: never).")
    String deadline;

    @Option(names = "--feedback", defaultValue = "breakdown", paramLabel = "LEVEL",
        description = "What teams see of their scoring: scores (scores only), breakdown (also per-image rows and "
            + "overlays of their own predictions, never the ground truth) or full (ground truth drawn too: for "
            + "practice sets whose labels are not secret) (default: ${DEFAULT-VALUE}).")
    String feedback;

    @Option(names = "--kind", defaultValue = "csv", paramLabel = "KIND",
        description = "csv (teams upload predictions of the test images) or model (teams upload a model; the "
            + "server runs it on test images it keeps hidden) (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--sample-test", paramLabel = "N",
        description = "With --kind model: held-out images handed out as samples, one cell type after another "
            + "(default: " + CompetitionSpec.DEFAULT_SAMPLE_TEST + ").")
    Integer sampleTest;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S",
        description = "Seed of the Feedback/Public/Private cut (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
      String competitionId = id != null ? id : out.toAbsolutePath().normalize().getFileName().toString();
      Feedback level = Feedback.of(feedback);
      if (level == null) {
        throw new ParameterException(spec.commandLine(), "--feedback must be " + Feedback.choices() + ", found '"
            + feedback + "'");
      }
      CompetitionKind competitionKind = CompetitionKind.of(kind);
      if (competitionKind == null) {
        throw new ParameterException(spec.commandLine(), "--kind must be csv or model, found '" + kind + "'");
      }
      if (competitionKind == CompetitionKind.CSV && sampleTest != null) {
        throw new ParameterException(spec.commandLine(), "--sample-test is for --kind model: a csv competition "
            + "hands out every test image");
      }
      int samples = competitionKind == CompetitionKind.CSV ? 0
          : sampleTest != null ? sampleTest : CompetitionSpec.DEFAULT_SAMPLE_TEST;
      CompetitionSpec competition;
      try {
        competition = new CompetitionSpec(competitionId, title != null ? title : competitionId, description,
            dailyLimit, finalPicks, deadline == null ? null : OffsetDateTime.parse(deadline), level,
            feedbackFraction, publicFraction, seed, competitionKind, samples);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), e instanceof DateTimeParseException
            ? "--deadline must be ISO-8601 with an offset, like 2026-12-31T23:59:00Z" : e.getMessage());
      }
      Dataset dataset = data.read();
      SplitManifest manifest = SplitManifest.read(split);
      CompetitionWriter.write(dataset, manifest, competition, out, bundle, System.out);
      return 0;
    }
  }
}
