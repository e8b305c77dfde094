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
    int dailyLimit = positiveInt(json, "daily_limit", 5, jsonFile);
    int finalPicks = positiveInt(json, "final_picks", 2, jsonFile);
    Instant deadline = deadline(json, jsonFile);
    Feedback feedback = feedback(json, jsonFile);
    SubmissionLimits limits = limits(json, serverLimits, jsonFile);
    try {
      byte[] bytes = Files.readAllBytes(solutionFile);
      Solution solution = SolutionReader.read(new java.io.ByteArrayInputStream(bytes), solutionFile.toString());
      return new Competition(id, json.getString("title", id), json.getString("description", ""), dailyLimit,
          finalPicks, deadline, feedback, limits, dir.toAbsolutePath().normalize(), solution, sha256(bytes));
    } catch (InvalidFileException e) {
      throw new CompetitionException(e.getMessage());
    } catch (IOException e) {
      throw new CompetitionException("cannot read " + solutionFile + ": " + e.getMessage());
    }
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

  private static int positiveInt(JsonObject json, String key, int fallback, Path file) {
    return (int) positiveLong(json, key, fallback, Integer.MAX_VALUE, file);
  }

  private static long positiveLong(JsonObject json, String key, long fallback, long max, Path file) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0 && n.longValue() <= max) {
      return n.longValue();
    }
    throw new CompetitionException(file + ": \"" + key + "\" must be a whole number from 1 to " + max + " (got "
        + value + ")");
  }

  private static Feedback feedback(JsonObject json, Path file) {
    Object value = json.getValue("feedback");
    if (value == null) {
      return Feedback.DEFAULT;
    }
    Feedback feedback = value instanceof String s ? Feedback.of(s) : null;
    if (feedback == null) {
      throw new CompetitionException(file + ": \"feedback\" must be " + Feedback.choices() + " (got " + value + ")");
    }
    return feedback;
  }

  /** The server's limits with the overrides of the optional {@code "limits"} object. */
  private static SubmissionLimits limits(JsonObject json, SubmissionLimits server, Path file) {
    Object value = json.getValue("limits");
    if (value == null) {
      return server;
    }
    if (!(value instanceof JsonObject limits)) {
      throw new CompetitionException(file + ": \"limits\" must be an object like {\"masks_per_image\": 5000}");
    }
    for (String key : limits.fieldNames()) {
      if (!LIMIT_KEYS.contains(key)) {
        throw new CompetitionException(file + ": unknown key \"" + key + "\" in \"limits\" (known: "
            + String.join(", ", LIMIT_KEYS) + ")");
      }
    }
    return server
        .withMasksPerImage(positiveInt(limits, "masks_per_image", server.masksPerImage(), file))
        .withMasksPerFile(positiveLong(limits, "masks_per_file", server.masksPerFile(), Long.MAX_VALUE, file))
        .withPixelsPerFile(positiveLong(limits, "pixels_per_file", server.pixelsPerFile(), Long.MAX_VALUE, file))
        .withTime(Duration.ofSeconds(positiveLong(limits, "scoring_seconds", server.time().toSeconds(), 86_400,
            file)));
  }

  private static Instant deadline(JsonObject json, Path file) {
    Object value = json.getValue("deadline");
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.toString()).toInstant();
    } catch (DateTimeParseException e) {
      throw new CompetitionException(file + ": \"deadline\" must be ISO-8601 with an offset, like "
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
