package org.cellarena.harness.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cellarena.harness.cli.CommandRun;
import org.cellarena.harness.dataset.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellTypesFileTest {
  @Test
  void keepsTheTypesOfTheImagesAskedForFromATrainCsv(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("train.csv"), "id,annotation,width,height,cell_type\n"
        + "a,1 3,704,520,shsy5y\na,9 2,704,520,shsy5y\nb,1 3,704,520,astro\nc,1 1,704,520,cort\n");

    assertEquals(Map.of("a", "shsy5y", "b", "astro"), CellTypesFile.read(csv, List.of("a", "b", "z")));
  }

  @Test
  void refusesAnImageWithTwoTypesAndAHeaderWithoutTheColumns(@TempDir Path dir) throws Exception {
    Path twoTypes = Files.writeString(dir.resolve("two.csv"), "id,cell_type\na,shsy5y\na,astro\n");
    Path noColumn = Files.writeString(dir.resolve("none.csv"), "id,type\na,shsy5y\n");

    DataException conflict = assertThrows(DataException.class, () -> CellTypesFile.read(twoTypes, List.of("a")));
    assertTrue(conflict.getMessage().contains("line 3: image a has cell_type astro but an earlier line gave shsy5y"),
        conflict.getMessage());
    DataException header = assertThrows(DataException.class, () -> CellTypesFile.read(noColumn, List.of("a")));
    assertTrue(header.getMessage().contains("line 1: the header needs the columns id and cell_type"),
        header.getMessage());
  }

  @Test
  void theCommandSaysWhatIsWrongWithTheFileAndExitsNonZero(@TempDir Path dir) throws Exception {
    Path images = Files.createDirectories(dir.resolve("images"));
    Files.writeString(images.resolve("a.png"), "the file is refused before any image is read");
    Path csv = Files.writeString(dir.resolve("types.csv"), "id,type\na,shsy5y\n");

    CommandRun run = CommandRun.of("baseline", "--images", images.toString(), "--out",
        dir.resolve("out.csv").toString(), "--cell-types", csv.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("the header needs the columns id and cell_type"), run.err());
    assertTrue(!run.err().contains("at org."), "no stack trace: " + run.err());
  }
}
