package org.cellarena.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cellarena.scoring.io.SubmissionLimits;

/**
 * Everything {@link Server#start} needs. Start from {@link #defaults(Path)} and change what differs with the
 * {@code with...} methods.
 *
 * @param host address to listen on
 * @param port TCP port; 0 picks a free one ({@link Server#port()} tells which)
 * @param dataDir where the database and the stored submission files live ({@code submissions/} under it)
 * @param competitionDirs competition folders served in addition to {@code dataDir/competitions/*}
 * @param jdbcUrl the database; null means the embedded H2 file {@code dataDir/submissions/cellarena}
 * @param adminToken the admin token; null means the one stored in the database (generated on first start)
 * @param uploadLimitBytes the largest request body accepted (413 above)
 * @param uncompressedLimitBytes the largest a gzip upload may grow to when decompressed (gzip-bomb guard)
 * @param scoringWorkers how many submissions score at once; 0 leaves the queue untouched
 * @param requestsPerMinute per-token rate limit on authenticated requests
 * @param submissionLimits the bounds on reading and scoring one submission (a competition.json may override them)
 * @param safeguards the bounds on connections, compression and disk use that hostile clients meet
 * @param inferenceWorkers how many models run at once in this process (model competitions), apart from the
 *     scoring threads; 0 leaves the inferences to {@code worker --inference} processes
 */
public record ServerConfig(
    String host, int port, Path dataDir, List<Path> competitionDirs, String jdbcUrl, String adminToken,
    long uploadLimitBytes, long uncompressedLimitBytes, int scoringWorkers, int requestsPerMinute,
    SubmissionLimits submissionLimits, Safeguards safeguards, int inferenceWorkers) {

  public static final long MB = 1024L * 1024L;

  public ServerConfig {
    competitionDirs = List.copyOf(competitionDirs);
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  /** 127.0.0.1:8080, the embedded database, 256 MB uploads, half the cores scoring, one model at a time. */
  public static ServerConfig defaults(Path dataDir) {
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new ServerConfig("127.0.0.1", 8080, dataDir, List.of(), null, null,
        256 * MB, 4096 * MB, workers, 600, SubmissionLimits.DEFAULTS, Safeguards.DEFAULTS, 1);
  }

  /**
   * The JDBC URL in use: the given one, or the embedded H2 file under the data dir. That one is closed by the
   * server, not by H2's own shutdown hook, which would close it the moment a SIGTERM arrives: the results of the
   * scoring that the server waits for while it stops are still recorded.
   */
  public String effectiveJdbcUrl() {
    if (jdbcUrl != null) {
      return jdbcUrl;
    }
    return "jdbc:h2:file:" + dataDir.resolve("submissions").resolve("cellarena")
        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
  }

  /** Where submission files are stored: {@code dataDir/submissions}. */
  public Path submissionsDir() {
    return dataDir.resolve("submissions");
  }

  public ServerConfig withHost(String value) {
    return new ServerConfig(value, port, dataDir, competitionDirs, jdbcUrl, adminToken, uploadLimitBytes,
        uncompressedLimitBytes, scoringWorkers, requestsPerMinute, submissionLimits, safeguards, inferenceWorkers);
  }

  public ServerConfig withPort(int value) {
    return new ServerConfig(host, value, dataDir, competitionDirs, jdbcUrl, adminToken, uploadLimitBytes,
        uncompressedLimitBytes, scoringWorkers, requestsPerMinute, submissionLimits, safeguards, inferenceWorkers);
  }

  public ServerConfig withCompetition(Path dir) {
    List<Path> dirs = new ArrayList<>(competitionDirs);
    dirs.add(dir);
    return new ServerConfig(host, port, dataDir, dirs, jdbcUrl, adminToken, uploadLimitBytes,
        uncompressedLimitBytes, scoringWorkers, requestsPerMinute, submissionLimits, safeguards, inferenceWorkers);
  }

  public ServerConfig withJdbcUrl(String value) {
    return new ServerConfig(host, port, dataDir, competitionDirs, value, adminToken, uploadLimitBytes,
        uncompressedLimitBytes, scoringWorkers, requestsPerMinute, submissionLimits, safeguards, inferenceWorkers);
  }

  public ServerConfig withAdminToken(String value) {
    return new ServerConfig(host, port, dataDir, competitionDirs, jdbcUrl, value, uploadLimitBytes,
        uncompressedLimitBytes, scoringWorkers, requestsPerMinute, submissionLimits, safeguards, inferenceWorkers);
  }

  public ServerConfig withUploadLimit(long bytes) {
    return new ServerConfig(host, port, dataDir, competitionDirs, jdbcUrl, adminToken, bytes,
        uncompressedLimitBytes, scoringWorkers, requestsPerMinute, submissionLimits, safeguards, inferenceWorkers);
  }

  public ServerConfig withUncompressedLimit(long bytes) {
    return new ServerConfig(host, port, dataDir, competitionDirs, jdbcUrl, adminToken, uploadLimitBytes,
        bytes, scoringWorkers, requestsPerMinute, submissionLimits, safeguards, inferenceWorkers);
  }

  public ServerConfig withScoringWorkers(int value) {
    return new ServerConfig(host, port, dataDir, competitionDirs, jdbcUrl, adminToken, uploadLimitBytes,
        uncompressedLimitBytes, value, requestsPerMinute, submissionLimits, safeguards, inferenceWorkers);
  }

  public ServerConfig withSubmissionLimits(SubmissionLimits value) {
    return new ServerConfig(host, port, dataDir, competitionDirs, jdbcUrl, adminToken, uploadLimitBytes,
        uncompressedLimitBytes, scoringWorkers, requestsPerMinute, value, safeguards, inferenceWorkers);
  }

  public ServerConfig withRequestsPerMinute(int value) {
    return new ServerConfig(host, port, dataDir, competitionDirs, jdbcUrl, adminToken, uploadLimitBytes,
        uncompressedLimitBytes, scoringWorkers, value, submissionLimits, safeguards, inferenceWorkers);
  }

  public ServerConfig withSafeguards(Safeguards value) {
    return new ServerConfig(host, port, dataDir, competitionDirs, jdbcUrl, adminToken, uploadLimitBytes,
        uncompressedLimitBytes, scoringWorkers, requestsPerMinute, submissionLimits, value, inferenceWorkers);
  }

  public ServerConfig withInferenceWorkers(int value) {
    return new ServerConfig(host, port, dataDir, competitionDirs, jdbcUrl, adminToken, uploadLimitBytes,
        uncompressedLimitBytes, scoringWorkers, requestsPerMinute, submissionLimits, safeguards, value);
  }
}
