package org.cellarena.harness.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The demo's bearer tokens, the teams' and the admin's, in one properties file that only its owner may read (600
 * where the file system has POSIX permissions). Written whole into a new file, then moved over the old one.
 */
final class DemoTokens {
  static final String ADMIN = "admin";

  private final Path file;
  private final Properties tokens = new Properties();

  private DemoTokens(Path file) {
    this.file = file;
  }

  static DemoTokens load(Path file) throws IOException {
    DemoTokens loaded = new DemoTokens(file);
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        loaded.tokens.load(in);
      }
      ownerOnly(file); // as an older demo left it: readable by all
    }
    return loaded;
  }

  Path file() {
    return file;
  }

  /** The token under {@code key}; null when there is none. */
  String get(String key) {
    return tokens.getProperty(key);
  }

  void put(String key, String token) {
    tokens.setProperty(key, token);
  }

  void save() throws IOException {
    Path fresh = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(fresh);
    Files.createFile(fresh);
    ownerOnly(fresh); // before a token is in it
    try (Writer w = Files.newBufferedWriter(fresh)) {
      tokens.store(w, "CellArena demo tokens: the teams' (for the API and the team page) and the admin's (/admin)");
    }
    Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void ownerOnly(Path file) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
