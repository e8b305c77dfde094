package org.cellarena.model.pretrained;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One of the upstream key lists under {@code src/test/resources/pretrained/}: key and shape, one a line. */
record KeyList(String name, List<Entry> entries) {

  record Entry(int index, String key, long[] shape) {
    long size() {
      return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    boolean isCounter() {
      return key.endsWith(".num_batches_tracked");
    }
  }

  static KeyList read(String resource) {
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        KeyList.class.getResourceAsStream("/pretrained/" + resource), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split(" ");
        long[] shape = parts[1].equals("scalar") ? new long[0]
            : Arrays.stream(parts[1].split("x")).mapToLong(Long::parseLong).toArray();
        entries.add(new Entry(entries.size(), parts[0], shape));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KeyList(resource, entries);
  }

  Entry get(String key) {
    return entries.stream().filter(e -> e.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError(key + " is not in " + name));
  }
}
