package org.cellarena.scoring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.cellarena.scoring.SharedData;
import org.junit.jupiter.api.Test;

class SolutionReaderTest {

  private static Solution read(String csv) throws Exception {
    return SolutionReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "train.csv");
  }

  @Test
  void readsTheFullTrainCsvLayout() throws Exception {
    Solution s = read("""
        id,annotation,width,height,cell_type,plate_time,sample_date,sample_id,elapsed_timedelta
        a,1 2,4,3,shsy5y,11h30m00s,2019-06-16,shsy5y[diff]_F10-3_Vessel-714_Ph_3,0 days 11:30:00
        a,2 3,4,3,shsy5y,11h30m00s,2019-06-16,shsy5y[diff]_F10-3_Vessel-714_Ph_3,0 days 11:30:00
        """);
    SolutionImage a = s.image("a");
    assertEquals(2, a.cells().size(), "ground-truth masks may overlap");
    assertEquals(Usage.PUBLIC, a.usage());
    assertEquals("shsy5y[diff]_F10-3_Vessel-714_Ph_3", a.metadata().get("sample_id"));
  }

  @Test
  void readsUsageAndEmptyImages() throws Exception {
    Solution s = read("id,annotation,width,height,cell_type,Usage\na,1 2,4,3,cort,Private\nb,,4,3,astro,public\n");
    assertEquals(Usage.PRIVATE, s.image("a").usage());
    assertTrue(s.image("b").cells().isEmpty());
    assertEquals(Usage.PUBLIC, s.image("b").usage());
  }

  @Test
  void reportsBadRowsWithTheirLines() {
    InvalidFileException e = assertThrows(InvalidFileException.class, () -> read(
        "id,annotation,width,height,cell_type,Usage\na,1 2,4,3,cort,Secret\nb,12 2,4,3,cort,Public\nc,1 2,0,3,cort,Public\n"));
    assertEquals(3, e.problems().size());
    assertEquals(2, e.problems().get(0).line());
    assertTrue(e.problems().get(0).message().contains("Usage must be Public, Private or Feedback"));
    assertEquals(3, e.problems().get(1).line());
    assertTrue(e.problems().get(1).message().contains("past the image's 12 pixels"), e.problems().get(1).message());
    assertTrue(e.problems().get(2).message().contains("width must be a positive integer"));
  }

  @Test
  void readsTheRealSample() throws Exception {
    Solution s = SolutionReader.read(SharedData.require("data/sartorius-sample/train_sample.csv"));
    assertEquals(21, s.size());
    assertEquals(2750, s.cellCount());
    assertEquals(java.util.Set.of("astro", "cort", "shsy5y"), s.cellTypes());
  }
}
