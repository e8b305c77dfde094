package org.cellarena.web.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.cellarena.scoring.metric.Scorer;

/** The version of the scoring module in use, part of every result's key. */
public final class ScorerVersion {
  private static final String POM_PROPERTIES = "/META-INF/maven/org.cellarena/cellarena-scoring/pom.properties";

  private ScorerVersion() {}

  /** {@code cellarena-scoring <version>}, from the scoring jar's Maven metadata ({@code dev} when built in place). */
  public static String current() {
    try (InputStream in = Scorer.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return "cellarena-scoring " + p.getProperty("version", "dev");
      }
    } catch (IOException ignored) {
      // fall through to the in-place build's name
    }
    return "cellarena-scoring dev";
  }
}
