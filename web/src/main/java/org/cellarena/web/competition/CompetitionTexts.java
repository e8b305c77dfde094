package org.cellarena.web.competition;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cellarena.scoring.io.Usage;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The competition page's texts: {@code overview.md}, {@code data.md}, {@code evaluation.md} and {@code rules.md}
 * in the competition folder ({@code competition create} writes {@link #defaults()}; a folder without them gets the
 * defaults). Markdown, rendered without any HTML of the host's (escaped) and with safe links only. Placeholders
 * such as <code>{{deadline}}</code> are filled with the competition's current settings, so that a text never
 * contradicts what the host changed later.
 */
public final class CompetitionTexts {
  /** The parts of the page, in order, with the file each comes from. */
  public static final List<String> PARTS = List.of("overview", "data", "evaluation", "rules");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
  private static final Parser PARSER = Parser.builder().build();
  private static final DateTimeFormatter DEADLINE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private CompetitionTexts() {}

  /** Each part as {@code {"markdown", "html"}}, placeholders filled. */
  public static JsonObject render(Competition competition) {
    Map<String, String> values = values(competition);
    JsonObject parts = new JsonObject();
    for (String part : PARTS) {
      String markdown = fill(read(competition.dir().resolve(part + ".md"), DEFAULTS.get(part))
          + (competition.isModel() ? MODEL_PARTS.getOrDefault(part, "") : ""), values);
      parts.put(part, new JsonObject().put("markdown", markdown).put("html", RENDERER.render(PARSER.parse(markdown))));
    }
    return parts;
  }

  /** The default texts by part, with placeholders: what {@code competition create} writes. */
  public static Map<String, String> defaults() {
    return DEFAULTS;
  }

  private static String read(Path file, String fallback) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : fallback;
    } catch (IOException e) {
      return fallback;
    }
  }

  private static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
    return m.appendTail(out).toString();
  }

  private static Map<String, String> values(Competition c) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("title", c.title());
    v.put("description", c.description());
    v.put("deadline", c.deadline() == null ? "none: submissions stay open until the host reveals the private "
        + "leaderboard" : DEADLINE.format(c.deadline()));
    v.put("closing", closing(c));
    v.put("daily_limit", count(c.dailyLimit()));
    v.put("attempts", count(3L * c.dailyLimit()));
    v.put("final_picks", count(c.finalPicks()));
    v.put("feedback", c.feedback().label());
    v.put("feedback_text", c.feedback().sentence());
    v.put("public_images", count(c.imageCount(Usage.PUBLIC)));
    v.put("private_images", count(c.imageCount(Usage.PRIVATE)));
    v.put("feedback_images", count(c.imageCount(Usage.FEEDBACK)));
    v.put("test_images", count(c.solution().images().size()));
    v.put("masks_per_image", count(c.limits().masksPerImage()));
    v.put("masks_per_file", count(c.limits().masksPerFile()));
    v.put("scoring_seconds", count(c.limits().time().toSeconds()));
    if (c.isModel()) {
      ModelTerms model = c.model();
      v.put("sample_test", count(model.sampleTest().size()));
      v.put("hidden_test", count(c.solution().images().size() - model.sampleTest().size()));
      v.put("time_limit", ModelTerms.minutes(model.timeLimit()));
      v.put("compute_per_day", ModelTerms.count(model.computeMinutesPerDay()));
      v.put("max_archive_mb", count(model.maxArchiveBytes() / (1024 * 1024)));
    }
    return v;
  }

  /** A count with thousands separators: 1,000,000. */
  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** When submissions close, as a sentence that reads right with a deadline and without one. */
  private static String closing(Competition c) {
    String after = "no submission is accepted after that and final picks no longer change";
    return c.deadline() == null
        ? "Deadline: none. Submissions close when the host reveals the private leaderboard; " + after + "."
        : "Deadline: " + DEADLINE.format(c.deadline()) + ". Submissions close then, or earlier if the host reveals "
            + "the private leaderboard first; " + after + ", and only submissions made before the close are ranked.";
  }

  /**
   * Added to the parts of a model competition whatever its folder's texts say, so that no text tells its teams
   * that the test images are handed out.
   */
  private static final Map<String, String> MODEL_PARTS = Map.of(
      "data", """

          **This is a model competition.** Of the test images, only the {{sample_test}} sample ones are handed out
          (in `test.zip`, when listed); the other {{hidden_test}} never leave the server, which runs your model on
          them. No page, file or overlay shows their pixels.
          """,
      "evaluation", """

          **Model submissions**: upload your model archive (`cellarena submit --model W`, or drop the `.zip` on your
          team page): `config.json`, one weights file (`model.params`, `model.safetensors` or `model.npz`) and
          optionally `model.json`, weights and settings only, never code. It is checked before it is queued (a
          refusal costs no submission); the server then predicts every test image exactly as `cellarena predict`
          does and scores the CSV that comes out. The sample test images, which you have, show their overlays;
          the hidden ones show none.

          **Inference limits**: {{time_limit}} per submission; {{compute_per_day}} minutes of inference per team
          per day (00:00 UTC resets); archives of at most {{max_archive_mb}} MB.
          """);

  private static final Map<String, String> DEFAULTS = Map.of(
      "overview", """
          {{description}}

          Neuronal cells in phase-contrast microscopy: find every cell in each test image and submit one mask per
          cell. The cell types are those of the Sartorius challenge (shsy5y, astro, cort); every image holds one
          type.

          - **Deadline**: {{deadline}}.
          - **Submissions**: {{daily_limit}} scored submissions a day per team (failed ones are free, up to
            {{attempts}} uploads a day); pick {{final_picks}} for the private leaderboard.
          - **Feedback**: {{feedback_text}}
          """,
      "data", """
          The files below are yours to download:

          - `sample_submission.csv`: every test image id, each with an empty prediction: the format to follow.
          - `test.zip`: the {{test_images}} test images (8-bit PNG); their masks are held out.
          - `train.csv`, when listed: the annotated training cells, one row per cell (`id`, `annotation` as RLE,
            `width`, `height`, `cell_type`, ...); `train.zip`: their images; `split.json`: a suggested
            train/validation split of them.

          The held-out masks are never served. {{public_images}} test images count on the public leaderboard,
          {{private_images}} on the private one; which are which is not told. {{feedback_images}} count on neither:
          the Feedback part, whose images your submissions' pages show in full detail (see Evaluation).
          """,
      "evaluation", """
          Submissions are scored by the mean average precision over IoU thresholds, as in the Sartorius challenge.

          - The IoU of a predicted mask A and a cell B is |A ∩ B| / |A ∪ B|.
          - At each threshold t in 0.50, 0.55, ..., 0.95, a cell and a prediction match when their IoU exceeds t.
            TP are the cells with exactly one matching prediction, FN the cells with none, FP the predictions with
            none; precision(t) = TP / (TP + FP + FN).
          - An image's score is the mean of precision(t) over the ten thresholds (1 for an image with neither cells
            nor predictions); the score is the mean over the images.

          **Submission format**: a CSV with the header `id,predicted` and one row per predicted cell: the image id
          and its mask as run-length encoding, space-separated `start length` pairs, starts 1-indexed, pixels
          numbered left to right, then top to bottom. List every test image; an image without cells gets one row
          with an empty `predicted`. Masks must not overlap. Plain or gzip.

          **Limits**: at most {{masks_per_image}} masks per image, {{masks_per_file}} per file, and
          {{scoring_seconds}} s to read and score a file; a file past a limit fails with the limit, the line and
          the image.
          """,
      "rules", """
          - One team per participant; share code and data only as the host allows.
          - Up to {{daily_limit}} scored submissions a day (00:00 UTC resets); failed submissions do not count, but
            a team uploads at most {{attempts}} files a day.
          - {{closing}}
          - Final picks: choose up to {{final_picks}} submissions for the private leaderboard; without a choice
            your best public ones count.
          - Feedback: {{feedback_text}}
          - Using the test images' labels in any way other than your own model's predictions is not allowed.
          """);
}
