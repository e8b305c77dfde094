package org.cellarena.web.competition;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;
import org.cellarena.scoring.io.SubmissionLimits;

/** Reads one competition folder, checking every setting so that a bad folder fails the start with a reason. */
public final class CompetitionLoader {
  /** Competition ids appear in URLs and file names. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final List<String> LIMIT_KEYS =
      List.of("masks_per_image", "masks_per_file", "pixels_per_file", "scoring_seconds");

  private CompetitionLoader() {}

  /**
   * Loads the folder.
   *
   * @param serverLimits the server's bounds on a submission; {@code "limits"} in competition.json overrides them
   */
  public static Competition load(Path dir, SubmissionLimits serverLimits) {
    Path jsonFile = dir.resolve("competition.json");
    Path solutionFile = dir.resolve("solution.csv");
    if (!Files.isRegularFile(jsonFile)) {
      throw new CompetitionException(dir + " is not a competition folder: it has no competition.json");
    }
    if (!Files.isRegularFile(solutionFile)) {
      throw new CompetitionException(dir + " has no solution.csv");
    }
    JsonObject json = readJson(jsonFile);
    String id = json.getValue("id") instanceof String s ? s : null;
    if (id == null || !ID.matcher(id).matches()) {
      throw new CompetitionException(jsonFile + ": \"id\" must be letters, digits, '.', '_' or '-' (got " + id + ")");
    }
    CompetitionSettings settings = settings(json, CompetitionSettings.defaults(id), jsonFile.toString());
    SubmissionLimits limits = limits(json, serverLimits, jsonFile.toString());
    try {
      byte[] bytes = Files.readAllBytes(solutionFile);
      Solution solution = SolutionReader.read(new java.io.ByteArrayInputStream(bytes), solutionFile.toString());
      ModelTerms model = ModelTermsReader.read(json, solution, jsonFile.toString());
      return new Competition(id, settings, limits, dir.toAbsolutePath().normalize(), solution, sha256(bytes),
          model);
    } catch (InvalidFileException e) {
      throw new CompetitionException(e.getMessage());
    } catch (IOException e) {
      throw new CompetitionException("cannot read " + solutionFile + ": " + e.getMessage());
    }
  }

  /**
   * The settings that {@code json} gives, each checked, the others taken from {@code base}; {@code source} names
   * where the JSON came from in messages.
   *
   * @throws CompetitionException naming the first bad setting
   */
  public static CompetitionSettings settings(JsonObject json, CompetitionSettings base, String source) {
    String title = text(json, "title", base.title(), 200, source);
    return new CompetitionSettings(title.isBlank() ? base.title() : title,
        text(json, "description", base.description(), 4000, source),
        positiveInt(json, "daily_limit", base.dailyLimit(), source),
        positiveInt(json, "final_picks", base.finalPicks(), source),
        json.containsKey("deadline") ? deadline(json, source) : base.deadline(),
        json.getValue("feedback") == null ? base.feedback() : feedback(json, source),
        json.containsKey("registration_code") ? registrationCode(json, source) : base.registrationCode(),
        json.containsKey("ladder_step") ? ladderStep(json, source) : base.ladderStep());
  }

  private static String text(JsonObject json, String key, String fallback, int max, String source) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String s) || s.length() > max) {
      throw new CompetitionException(source + ": \"" + key + "\" must be text of at most " + max + " characters");
    }
    return s.strip();
  }

  private static String registrationCode(JsonObject json, String source) {
    Object value = json.getValue("registration_code");
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (!(value instanceof String s) || s.strip().length() < 6 || s.length() > 100) {
      throw new CompetitionException(source + ": \"registration_code\" must be 6 to 100 characters, or null to "
          + "close registration");
    }
    return s.strip();
  }

  private static Double ladderStep(JsonObject json, String source) {
    Object value = json.getValue("ladder_step");
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < 1) {
      return n.doubleValue();
    }
    throw new CompetitionException(source + ": \"ladder_step\" must be a number between 0 and 1 (exclusive), "
        + "like 0.01, or null for no Ladder rule (got " + value + ")");
  }

  private static JsonObject readJson(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new CompetitionException("cannot read " + file + ": " + e.getMessage());
    } catch (DecodeException e) {
      throw new CompetitionException(file + " is not a JSON object: " + e.getMessage());
    }
  }

  private static int positiveInt(JsonObject json, String key, int fallback, String source) {
    return (int) positiveLong(json, key, fallback, Integer.MAX_VALUE, source);
  }

  private static long positiveLong(JsonObject json, String key, long fallback, long max, String source) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0 && n.longValue() <= max) {
      return n.longValue();
    }
    throw new CompetitionException(source + ": \"" + key + "\" must be a whole number from 1 to " + max + " (got "
        + value + ")");
  }

  private static Feedback feedback(JsonObject json, String source) {
    Object value = json.getValue("feedback");
    if (value == null) {
      return Feedback.DEFAULT;
    }
    Feedback feedback = value instanceof String s ? Feedback.of(s) : null;
    if (feedback == null) {
      throw new CompetitionException(source + ": \"feedback\" must be " + Feedback.choices() + " (got " + value + ")");
    }
    return feedback;
  }

  /** The server's limits with the overrides of the optional {@code "limits"} object. */
  private static SubmissionLimits limits(JsonObject json, SubmissionLimits server, String source) {
    Object value = json.getValue("limits");
    if (value == null) {
      return server;
    }
    if (!(value instanceof JsonObject limits)) {
      throw new CompetitionException(source + ": \"limits\" must be an object like {\"masks_per_image\": 5000}");
    }
    for (String key : limits.fieldNames()) {
      if (!LIMIT_KEYS.contains(key)) {
        throw new CompetitionException(source + ": unknown key \"" + key + "\" in \"limits\" (known: "
            + String.join(", ", LIMIT_KEYS) + ")");
      }
    }
    return server
        .withMasksPerImage(positiveInt(limits, "masks_per_image", server.masksPerImage(), source))
        .withMasksPerFile(positiveLong(limits, "masks_per_file", server.masksPerFile(), Long.MAX_VALUE, source))
        .withPixelsPerFile(positiveLong(limits, "pixels_per_file", server.pixelsPerFile(), Long.MAX_VALUE, source))
        .withTime(Duration.ofSeconds(positiveLong(limits, "scoring_seconds", server.time().toSeconds(), 86_400,
            source)));
  }

  private static Instant deadline(JsonObject json, String source) {
    Object value = json.getValue("deadline");
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.toString()).toInstant();
    } catch (DateTimeParseException e) {
      throw new CompetitionException(source + ": \"deadline\" must be ISO-8601 with an offset, like "
          + "2026-12-31T23:59:00Z, or null (got " + value + ")");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
