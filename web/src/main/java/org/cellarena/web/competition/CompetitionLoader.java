package org.cellarena.web.competition;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Solution;
import org.cellarena.scoring.io.SolutionReader;

/** Reads one competition folder, checking every setting so that a bad folder fails the start with a reason. */
public final class CompetitionLoader {
  /** Competition ids appear in URLs and file names. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private CompetitionLoader() {}

  public static Competition load(Path dir) {
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
    try {
      byte[] bytes = Files.readAllBytes(solutionFile);
      Solution solution = SolutionReader.read(new java.io.ByteArrayInputStream(bytes), solutionFile.toString());
      return new Competition(id, json.getString("title", id), json.getString("description", ""), dailyLimit,
          finalPicks, deadline, dir.toAbsolutePath().normalize(), solution, sha256(bytes));
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
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() > 0) {
      return n.intValue();
    }
    throw new CompetitionException(file + ": \"" + key + "\" must be a positive whole number (got " + value + ")");
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
