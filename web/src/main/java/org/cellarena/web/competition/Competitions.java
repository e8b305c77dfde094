package org.cellarena.web.competition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cellarena.scoring.io.SubmissionLimits;

/**
 * The competitions a server serves, by id, in the order they were found. A competition whose settings the host
 * edits is replaced as a whole, so readers always see one consistent version.
 */
public final class Competitions {
  private final Map<String, Competition> byId = Collections.synchronizedMap(new LinkedHashMap<>());

  public Competitions(Collection<Competition> competitions) {
    for (Competition c : competitions) {
      Competition before = byId.putIfAbsent(c.id(), c);
      if (before != null) {
        throw new CompetitionException("two competitions have the id \"" + c.id() + "\": " + before.dir()
            + " and " + c.dir());
      }
    }
  }

  /**
   * Loads the given folders and every folder under {@code dataDir/competitions}, each with the server's
   * submission limits unless its competition.json overrides them.
   */
  public static Competitions load(Path dataDir, List<Path> extraDirs, SubmissionLimits limits) {
    List<Path> dirs = new ArrayList<>(extraDirs);
    Path shelf = dataDir.resolve("competitions");
    if (Files.isDirectory(shelf)) {
      try (Stream<Path> children = Files.list(shelf)) {
        children.filter(Files::isDirectory).sorted().forEach(dirs::add);
      } catch (IOException e) {
        throw new CompetitionException("cannot list " + shelf + ": " + e.getMessage());
      }
    }
    List<Competition> loaded = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new CompetitionException("no competition folder at " + dir);
      }
      loaded.add(CompetitionLoader.load(dir, limits));
    }
    return new Competitions(loaded);
  }

  public Optional<Competition> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<Competition> all() {
    synchronized (byId) {
      return List.copyOf(byId.values());
    }
  }

  /** Serves {@code changed} in place of the competition of the same id. */
  public void replace(Competition changed) {
    if (byId.replace(changed.id(), changed) == null) {
      throw new CompetitionException("no competition \"" + changed.id() + "\" is served");
    }
  }
}
