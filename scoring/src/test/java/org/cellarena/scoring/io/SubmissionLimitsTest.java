package org.cellarena.scoring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cellarena.scoring.metric.Scorer;
import org.cellarena.scoring.metric.TimeLimitException;
import org.junit.jupiter.api.Test;

/** The bounds on one submission's work stop the read at the first bound passed, naming it, the line and image. */
class SubmissionLimitsTest {
  /** Two 100x10 images: 1000 pixels each. */
  private static final String SOLUTION = """
      id,annotation,width,height,cell_type,Usage
      a,1 5,100,10,cort,Public
      b,1 5,100,10,astro,Private
      """;

  private static Solution solution() throws Exception {
    return SolutionReader.read(stream(SOLUTION), "solution.csv");
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A file of {@code n} one-pixel masks per image, none overlapping. */
  private static String onePixelMasks(int n) {
    StringBuilder csv = new StringBuilder("id,predicted\n");
    for (int k = 0; k < n; k++) {
      csv.append("a,").append(k + 1).append(" 1\n").append("b,").append(k + 1).append(" 1\n");
    }
    return csv.toString();
  }

  private static Problem lastProblem(SubmissionLimits limits, String csv) throws Exception {
    InvalidFileException e = assertThrows(InvalidFileException.class,
        () -> new SubmissionReader(solution(), limits).read(stream(csv), "sub.csv"));
    return e.problems().get(e.problems().size() - 1);
  }

  @Test
  void tooManyMasksForOneImage() throws Exception {
    Problem p = lastProblem(SubmissionLimits.NONE.withMasksPerImage(3), onePixelMasks(10));
    assertEquals(8, p.line(), "the 4th mask of image a is on line 8");
    assertEquals("a", p.imageId());
    assertTrue(p.message().startsWith("more than 3 predicted masks for this image (the limit per image"), p.message());
  }

  @Test
  void tooManyMasksInTheFile() throws Exception {
    Problem p = lastProblem(SubmissionLimits.NONE.withMasksPerFile(5), onePixelMasks(10));
    assertEquals(7, p.line());
    assertEquals("b", p.imageId());
    assertTrue(p.message().startsWith("more than 5 predicted masks in the file (the limit per file)"), p.message());
  }

  @Test
  void tooManyPixelsInTheFile() throws Exception {
    Problem p = lastProblem(SubmissionLimits.NONE.withPixelsPerFile(150),
        "id,predicted\na,1 100\nb,1 40\na,201 20\n");
    assertEquals(4, p.line());
    assertTrue(p.message().startsWith("the masks cover more than 150 pixels in all"), p.message());
  }

  @Test
  void masksCoveringMoreThanTheImageMustOverlapAndStopTheRead() throws Exception {
    Problem p = lastProblem(SubmissionLimits.NONE, "id,predicted\na,1 600\na,1 600\na,1 600\n");
    assertEquals(3, p.line());
    assertTrue(p.message().contains("cover more pixels than the image has (1000)"), p.message());
  }

  @Test
  void aReadPastItsDeadlineStops() throws Exception {
    InvalidFileException e = assertThrows(InvalidFileException.class, () -> new SubmissionReader(solution())
        .read(stream("id,predicted\n" + "a,\n".repeat(5000)), "sub.csv", Deadline.after(Duration.ofNanos(1))));
    Problem p = e.problems().get(0);
    assertEquals(4097, p.line(), "the clock is read every 4096 rows");
    assertTrue(p.message().startsWith("reading the file took longer than the time limit of 0 s"), p.message());
  }

  @Test
  void scoringPastItsDeadlineStops() throws Exception {
    Submission submission = new SubmissionReader(solution()).read(stream(onePixelMasks(2)), "sub.csv");
    TimeLimitException e = assertThrows(TimeLimitException.class,
        () -> Scorer.score(solution(), submission, Deadline.after(Duration.ofNanos(1))));
    assertTrue(e.getMessage().startsWith("scoring took longer than the time limit of 0 s"), e.getMessage());
  }

  @Test
  void withinTheLimitsTheScoreIsTheSame() throws Exception {
    String csv = onePixelMasks(4);
    double unlimited = Scorer.score(solution(), new SubmissionReader(solution()).read(stream(csv), "s")).score();
    double limited = Scorer.score(solution(), new SubmissionReader(solution(), SubmissionLimits.DEFAULTS)
        .read(stream(csv), "s")).score();
    assertEquals(unlimited, limited);
  }

  @Test
  void anUnterminatedQuoteIsAProblemOfTheFileWithItsLine() throws Exception {
    Problem p = lastProblem(SubmissionLimits.NONE, "id,predicted\na,1 1\nb,\"1 1\n");
    assertEquals(3, p.line());
    assertTrue(p.message().startsWith("a quoted field opened on this line is never closed"), p.message());
  }

  @Test
  void echoedInputIsCut() throws Exception {
    String longId = "x".repeat(100_000);
    InvalidFileException e = assertThrows(InvalidFileException.class, () -> new SubmissionReader(solution())
        .read(stream("id,predicted," + longId + "\n"), "sub.csv"));
    assertTrue(e.report().length() < 2000, "report of " + e.report().length() + " characters");
    InvalidFileException unknown = assertThrows(InvalidFileException.class, () -> new SubmissionReader(solution())
        .read(stream("id,predicted\n" + longId + ",1 1\n"), "sub.csv"));
    assertEquals(Problem.MAX_ECHOED_ID, unknown.problems().get(0).imageId().length());
  }
}
