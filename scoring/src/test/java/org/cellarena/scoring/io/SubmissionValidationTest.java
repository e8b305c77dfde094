package org.cellarena.scoring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed submission gets its problem with the CSV line and the image id. */
class SubmissionValidationTest {
  private static final String SOLUTION = """
      id,annotation,width,height,cell_type,Usage
      a,1 3 11 3,10,4,cort,Public
      a,21 4,10,4,cort,Public
      b,,10,4,astro,Private
      """;

  private static Solution solution() throws Exception {
    return SolutionReader.read(stream(SOLUTION.getBytes(StandardCharsets.UTF_8)), "solution.csv");
  }

  private static Submission read(String csv) throws Exception {
    return read(csv.getBytes(StandardCharsets.UTF_8));
  }

  private static Submission read(byte[] bytes) throws Exception {
    return new SubmissionReader(solution()).read(stream(bytes), "sub.csv");
  }

  private static ByteArrayInputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private static List<Problem> problems(String csv) {
    return problems(csv.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Problem> problems(byte[] bytes) {
    return assertThrows(InvalidFileException.class, () -> read(bytes)).problems();
  }

  @Test
  void acceptsAValidSubmissionWithAnEmptyImage() throws Exception {
    Submission s = read("id,predicted\na,1 3\na,11 3\nb,\n");
    assertEquals(2, s.masks("a").size());
    assertTrue(s.masks("b").isEmpty());
  }

  @Test
  void acceptsGzipWhateverTheName() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("\uFEFFid,predicted\na,1 3\nb,\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(1, read(bytes.toByteArray()).maskCount());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a,1 2 3           | 2 | a | odd number of tokens",
      "a,x 3             | 2 | a | token 1 is not an integer: 'x'",
      "a,-4 3            | 2 | a | token 1 is negative",
      "a,1 123456789012  | 2 | a | token 2 is too large",
      "a,0 3             | 2 | a | start must be >= 1",
      "a,1 0             | 2 | a | length must be >= 1",
      "a,39 3            | 2 | a | past the image's 40 pixels",
      "a,11 3 1 3        | 2 | a | runs must be ascending and must not overlap",
      "zzz,1 3           | 2 | zzz | unknown image id",
  })
  void reportsTheLineImageAndWhat(String row, long line, String image, String message) {
    List<Problem> problems = problems("id,predicted\n" + row + "\nb,\n" + (row.startsWith("a") ? "" : "a,\n"));
    assertEquals(1, problems.size(), problems.toString());
    Problem p = problems.get(0);
    assertEquals(line, p.line());
    assertEquals(image, p.imageId());
    assertTrue(p.message().contains(message), p.message());
  }

  @Test
  void reportsOverlappingPredictionsWithBothLines() {
    List<Problem> problems = problems("id,predicted\na,1 5\nb,\na,5 2\n");
    assertEquals(1, problems.size());
    assertEquals(4, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("overlaps the mask on line 2"), problems.get(0).message());
  }

  @Test
  void reportsSolutionImagesAbsentFromTheSubmission() {
    Problem p = problems("id,predicted\na,1 3\n").get(0);
    assertTrue(p.message().startsWith("1 of the solution's 2 images are absent"), p.message());
    assertTrue(p.message().contains("b"));
  }

  @Test
  void reportsMissingAndUnknownColumns() {
    Problem p = problems("id,prediction\na,1 3\n").get(0);
    assertEquals(1, p.line());
    assertTrue(p.message().contains("missing column(s) predicted"), p.message());
    assertTrue(p.message().contains("unknown column(s) prediction"), p.message());
  }

  @Test
  void reportsAnEmptyFile() {
    assertTrue(problems("").get(0).message().contains("the file is empty"));
  }

  @Test
  void reportsBinaryContent() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13};
    assertTrue(problems(png).get(0).message().contains("not UTF-8"), problems(png).toString());
    assertTrue(problems("id,predicted\na,1\0 3\n").get(0).message().contains("binary content"));
  }

  @Test
  void reportsNonUtf8Text() {
    byte[] latin1 = "id,predicted\na,1 3\nb,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(problems(latin1).get(0).message().contains("not UTF-8"));
  }

  @Test
  void reportsATruncatedGzip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("id,predicted\na,1 3\nb,\n".repeat(100).getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = bytes.toByteArray();
    byte[] truncated = java.util.Arrays.copyOf(all, all.length / 2);
    assertTrue(problems(truncated).get(0).message().contains("gzip"), problems(truncated).toString());
  }

  @Test
  void reportsADamagedGzipHeader() {
    byte[] damaged = {0x1f, (byte) 0x8b, 99, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
    assertTrue(problems(damaged).get(0).message().contains("the gzip data is corrupt"), problems(damaged).toString());
  }

  @Test
  void collectsManyProblemsUpToTheLimitThenStopsReading() {
    StringBuilder csv = new StringBuilder("id,predicted\nb,\n");
    for (int i = 0; i < 80; i++) {
      csv.append("a,x\n");
    }
    InvalidFileException e = assertThrows(InvalidFileException.class, () -> read(csv.toString()));
    assertEquals(51, e.problems().size(), "50 problems and where reading stopped");
    Problem last = e.problems().get(50);
    assertEquals(53, last.line(), "the row after the 50th problem (line 3 is the first)");
    assertEquals("reading stopped here, at the first 50 problems", last.message());
    assertEquals(0, e.omitted());
  }

  @Test
  void aPredictedFieldLongerThanItsImageIsTheParticipantsErrorWithItsLine() {
    String tooLong = "1 1 ".repeat(11); // 44 characters for a 10 x 4 image
    List<Problem> problems = problems("id,predicted\na,1 3\na," + tooLong + "\nb,\n");
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(3, problems.get(0).line());
    assertEquals("a", problems.get(0).imageId());
    assertTrue(problems.get(0).message().contains("more than the image's 10 x 4 = 40 pixels"),
        problems.get(0).message());
  }

  @Test
  void anEndlessFieldStopsReadingAtTheRowBoundWithItsLine() {
    byte[] head = "id,predicted\na,1 3\nb,".getBytes(StandardCharsets.UTF_8);
    long[] served = {0};
    java.io.InputStream endless = new java.io.InputStream() { // a field with no end, like a 3.8 GB one
      @Override
      public int read() {
        return served[0] < head.length ? head[(int) served[0]++] : (int) (served[0]++ % 2 == 0 ? '1' : ' ');
      }

      @Override
      public int read(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
          b[off + i] = (byte) read();
        }
        return len;
      }
    };
    InvalidFileException e = assertThrows(InvalidFileException.class,
        () -> new SubmissionReader(solution()).read(endless, "endless.csv"));
    assertEquals(3, e.problems().get(0).line(), e.report());
    assertTrue(e.problems().get(0).message().contains("longer than 64 MB"), e.report());
    assertTrue(served[0] <= SubmissionReader.MAX_ROW_BYTES + (1 << 20), "read " + served[0] + " bytes");
  }
}
