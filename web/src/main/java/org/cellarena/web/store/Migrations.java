package org.cellarena.web.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as numbered steps. A database remembers the last step applied in {@code schema_version}; on start
 * the steps after it run in order. Never edit a released step: add the next one.
 */
final class Migrations {
  private static final List<String> STEPS = List.of(
      // 1: the first schema
      """
      CREATE TABLE teams (
        id BIGINT AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(200) NOT NULL UNIQUE,
        token_hash VARCHAR(64) NOT NULL UNIQUE,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL);
      CREATE TABLE submissions (
        id BIGINT AUTO_INCREMENT PRIMARY KEY,
        competition VARCHAR(100) NOT NULL,
        team_id BIGINT NOT NULL REFERENCES teams(id),
        description VARCHAR(1000),
        file_name VARCHAR(300),
        stored_file VARCHAR(1000) NOT NULL,
        stored_bytes BIGINT NOT NULL,
        sha256 VARCHAR(64) NOT NULL,
        status VARCHAR(16) NOT NULL,
        error CLOB,
        final_pick BOOLEAN DEFAULT FALSE NOT NULL,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL,
        started_at TIMESTAMP WITH TIME ZONE,
        finished_at TIMESTAMP WITH TIME ZONE);
      CREATE INDEX submissions_by_team ON submissions(competition, team_id);
      CREATE INDEX submissions_by_status ON submissions(status);
      CREATE TABLE results (
        id BIGINT AUTO_INCREMENT PRIMARY KEY,
        submission_id BIGINT NOT NULL REFERENCES submissions(id),
        scorer_version VARCHAR(100) NOT NULL,
        solution_hash VARCHAR(64) NOT NULL,
        public_score DOUBLE PRECISION,
        public_ci_low DOUBLE PRECISION,
        public_ci_high DOUBLE PRECISION,
        private_score DOUBLE PRECISION,
        detail CLOB NOT NULL,
        seconds DOUBLE PRECISION NOT NULL,
        scored_at TIMESTAMP WITH TIME ZONE NOT NULL,
        UNIQUE (submission_id, scorer_version, solution_hash));
      CREATE TABLE reveals (
        competition VARCHAR(100) PRIMARY KEY,
        revealed_at TIMESTAMP WITH TIME ZONE NOT NULL);
      CREATE TABLE audit_log (
        id BIGINT AUTO_INCREMENT PRIMARY KEY,
        at TIMESTAMP WITH TIME ZONE NOT NULL,
        actor VARCHAR(100) NOT NULL,
        action VARCHAR(100) NOT NULL,
        target VARCHAR(300),
        detail CLOB);
      CREATE TABLE settings (
        name VARCHAR(100) PRIMARY KEY,
        val VARCHAR(1000) NOT NULL);
      """,
      // 2: scoring by workers in any process (issue 17): a claimed submission's lease, each team's recent
      // scoring time as one comparable number (see TeamUsage), the live workers, and the row that claims lock
      """
      ALTER TABLE submissions ADD COLUMN lease_owner VARCHAR(200);
      ALTER TABLE submissions ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
      CREATE TABLE team_usage (
        team_id BIGINT PRIMARY KEY REFERENCES teams(id),
        usage_key DOUBLE PRECISION NOT NULL);
      CREATE TABLE scoring_workers (
        id VARCHAR(200) PRIMARY KEY,
        threads INT NOT NULL,
        started_at TIMESTAMP WITH TIME ZONE NOT NULL,
        seen_at TIMESTAMP WITH TIME ZONE NOT NULL);
      CREATE TABLE queue_lock (id INT PRIMARY KEY);
      INSERT INTO queue_lock VALUES (1);
      """,
      // 3: teams the host disables or marks as benchmarks; competition settings edited while serving
      """
      ALTER TABLE teams ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
      ALTER TABLE teams ADD COLUMN benchmark BOOLEAN DEFAULT FALSE NOT NULL;
      CREATE TABLE competition_settings (
        competition VARCHAR(100) NOT NULL,
        name VARCHAR(100) NOT NULL,
        val VARCHAR(4000),
        PRIMARY KEY (competition, name));
      """,
      // 4: what a result's masks looked like, for the host's probing flags (issue 24); null for older results
      """
      ALTER TABLE results ADD COLUMN masks INT;
      ALTER TABLE results ADD COLUMN tiny_masks INT;
      ALTER TABLE results ADD COLUMN predicted_images INT;
      """,
      // 5: names unique by how they look (TeamName.key, filled in by Teams for the teams before this step); the
      // competitions a team takes part in ('*': every one, as for every team created before this step)
      """
      ALTER TABLE teams ADD COLUMN name_key VARCHAR(1000);
      CREATE UNIQUE INDEX teams_by_name_key ON teams(name_key);
      CREATE TABLE team_competitions (
        team_id BIGINT NOT NULL REFERENCES teams(id),
        competition VARCHAR(100) NOT NULL,
        PRIMARY KEY (team_id, competition));
      INSERT INTO team_competitions (team_id, competition) SELECT id, '*' FROM teams;
      """,
      // 6: model submissions (issue 27): the archive, its weights' hash and the server's inference of it
      // (progress while it runs; seconds, device and engine after), which counts against the team's compute
      """
      ALTER TABLE submissions ADD COLUMN model_file VARCHAR(1000);
      ALTER TABLE submissions ADD COLUMN weights_sha256 VARCHAR(64);
      ALTER TABLE submissions ADD COLUMN inference_started_at TIMESTAMP WITH TIME ZONE;
      ALTER TABLE submissions ADD COLUMN inference_seconds DOUBLE PRECISION;
      ALTER TABLE submissions ADD COLUMN inference_progress VARCHAR(100);
      ALTER TABLE submissions ADD COLUMN inference CLOB;
      CREATE INDEX submissions_by_inference ON submissions(team_id, inference_started_at);
      """,
      // 7: claims of an inference, so that a model that stops its worker (a crash) is not retried forever; the
      // runner's one-line description of a checked model
      """
      ALTER TABLE submissions ADD COLUMN inference_attempts INTEGER DEFAULT 0 NOT NULL;
      ALTER TABLE submissions ADD COLUMN model_description VARCHAR(300);
      """);

  private Migrations() {}

  static void apply(Database db) {
    db.transaction(c -> {
      try (Statement s = c.createStatement()) {
        if (db.isPostgres()) {
          // nodes starting together: one migrates, the others wait and then find nothing left to do
          s.execute("SELECT pg_advisory_xact_lock(1717)");
        }
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
      }
      int current = currentVersion(c);
      if (current > STEPS.size()) {
        throw new IllegalStateException("the database has schema version " + current
            + ", newer than this server knows (" + STEPS.size() + "); use a newer CellArena");
      }
      for (int step = current; step < STEPS.size(); step++) {
        try (Statement s = c.createStatement()) {
          for (String sql : STEPS.get(step).split(";")) {
            if (!sql.isBlank()) {
              s.execute(db.isPostgres() ? forPostgres(sql) : sql);
            }
          }
          s.execute("DELETE FROM schema_version");
          s.execute("INSERT INTO schema_version VALUES (" + (step + 1) + ")");
        }
      }
      return null;
    });
  }

  /** The steps are written for H2; the two words PostgreSQL spells differently. */
  static String forPostgres(String sql) {
    return sql.replace("AUTO_INCREMENT", "GENERATED BY DEFAULT AS IDENTITY").replace("CLOB", "TEXT");
  }

  private static int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
