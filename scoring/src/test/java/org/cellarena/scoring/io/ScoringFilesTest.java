package org.cellarena.scoring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading both files at once gives what reading them one after the other gives, problems included. */
class ScoringFilesTest {
  @TempDir Path dir;

  private static final String SOLUTION = """
      id,annotation,width,height,cell_type,Usage
      a,1 3 11 3,10,4,cort,Public
      a,25 4,10,4,cort,Public
      b,1 2,10,4,astro,Private
      c,,20,2,shsy5y,Public
      """;

  @Test
  void readsWhatTheSequentialReadersRead() throws Exception {
    // c comes first: the submission reader waits for the solution reader to meet it
    Path solution = write("solution.csv", SOLUTION);
    Path submission = write("submission.csv", "id,predicted\nc,1 40\na,1 3 11 3\nb,\n");
    ScoringFiles both = ScoringFiles.read(solution, submission);
    Solution sequential = SolutionReader.read(solution);
    assertEquals(sequential.images(), both.solution().images());
    assertEquals(new SubmissionReader(sequential).read(submission).all(), both.submission().all());
  }

  @Test
  void reportsTheSubmissionsProblems() throws Exception {
    Path solution = write("solution.csv", SOLUTION);
    Path submission = write("submission.csv", "id,predicted\nzzz,1 1\na,1 3 2 3\nc,1 41\n");
    InvalidFileException both = assertThrows(InvalidFileException.class, () -> ScoringFiles.read(solution, submission));
    InvalidFileException sequential = assertThrows(InvalidFileException.class,
        () -> new SubmissionReader(SolutionReader.read(solution)).read(submission));
    assertEquals(sequential.report(), both.report());
    assertTrue(both.report().contains("line 2, image zzz: unknown image id"), both.report());
  }

  @Test
  void reportsTheSolutionsProblemsFirst() throws Exception {
    Path solution = write("solution.csv", SOLUTION + "d,1 2,ten,4,cort,Public\n");
    Path submission = write("submission.csv", "id,predicted\nzzz,1 1\n");
    InvalidFileException e = assertThrows(InvalidFileException.class, () -> ScoringFiles.read(solution, submission));
    assertEquals(solution.toString(), e.file());
    assertTrue(e.report().contains("line 6, image d: width must be a positive integer"), e.report());
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }
}
