package org.cellarena.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.cellarena.model.config.ConfigException;
import org.cellarena.model.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data.cell_type_repeat}: the images of a cell type drawn more often per epoch, read from the config. */
class CellTypeRepeatTest {
  private static final Path DEMO = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("configs/demo_cpu.json");

  @Test
  void imagesOfARepeatedTypeAreDrawnThatManyMoreTimes(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("train"));
    Files.writeString(dir.resolve("train.csv"), "id,annotation,width,height,cell_type\n"
        + "a1,1 4,8,8,astro\n" + "s1,1 4,8,8,shsy5y\n" + "c1,1 4,8,8,cort\n" + "a2,9 4,8,8,astro\n");
    Dataset dataset = Dataset.open(dir);
    JsonObject json = demoConfig();
    json.getAsJsonObject("data").addProperty("repeat", 2);
    json.getAsJsonObject("data").add("cell_type_repeat", JsonParser.parseString("{\"astro\": 3, \"cort\": 1.5}"));
    DataConfig config = ConfigLoader.build(json).data();

    List<String> draws = BatchLoader.draws(dataset, List.of("a1", "s1", "c1", "a2"), config);

    assertEquals(6, Collections.frequency(draws, "a1"), "repeat 2 times 3");
    assertEquals(6, Collections.frequency(draws, "a2"));
    assertEquals(2, Collections.frequency(draws, "s1"), "a type without a factor: repeat");
    assertEquals(3, Collections.frequency(draws, "c1"), "2 times 1.5");
    assertEquals(17, draws.size());
  }

  @Test
  void factorsMustBePositiveNumbersByCellType() throws Exception {
    for (String bad : List.of("{\"astro\": 0}", "{\"astro\": -1}", "[3]", "{\"astro\": \"x\"}")) {
      JsonObject json = demoConfig();
      json.getAsJsonObject("data").add("cell_type_repeat", JsonParser.parseString(bad));
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.build(json), bad);
      assertTrue(e.getMessage().contains("cell_type_repeat"), e.getMessage());
    }
  }

  @Test
  void theDemoConfigDrawsAstroImagesThreeTimesAsOften() throws Exception {
    assertEquals(3 * ConfigLoader.build(demoConfig()).data().repeat(),
        ConfigLoader.build(demoConfig()).data().draws("astro"));
  }

  private static JsonObject demoConfig() throws Exception {
    return JsonParser.parseString(Files.readString(DEMO)).getAsJsonObject();
  }
}
