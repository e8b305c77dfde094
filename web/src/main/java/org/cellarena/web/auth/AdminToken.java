package org.cellarena.web.auth;

import java.util.Optional;
import java.util.function.Consumer;
import org.cellarena.web.store.Settings;
import org.cellarena.web.store.Tokens;

/**
 * The admin's bearer token: the configured one ({@code CELLARENA_ADMIN_TOKEN}) when given, else the one generated
 * on the first start, printed once and kept only as a hash. A generated token is stored and shown only once the
 * server listens ({@link #keep}), so that a start that fails (a busy port) does not use up the shown-once token.
 */
public final class AdminToken {
  private final Settings settings;
  private volatile String hash;
  /** A token generated at this start, not yet stored nor shown; null once kept, or when none was generated. */
  private String generated;

  private AdminToken(String hash, Settings settings, String generated) {
    this.hash = hash;
    this.settings = settings;
    this.generated = generated;
  }

  /**
   * The configured token, else the stored one, else a new one that {@link #keep} stores and announces.
   *
   * @param configured the token from the configuration, or null
   */
  public static AdminToken resolve(String configured, Settings settings) {
    if (configured != null && !configured.isBlank()) {
      return new AdminToken(Tokens.hash(configured.strip()), settings, null);
    }
    Optional<String> stored = settings.get(Settings.ADMIN_TOKEN_HASH);
    if (stored.isPresent()) {
      return new AdminToken(stored.get(), settings, null);
    }
    String token = Tokens.generate();
    return new AdminToken(Tokens.hash(token), settings, token);
  }

  /**
   * Once the server listens: stores a token generated at this start (its hash) and tells {@code announce} the
   * token, the one time. When another server stored one first, that one is the admin token and nothing is told.
   */
  public synchronized void keep(Consumer<String> announce) {
    if (generated == null) {
      return;
    }
    String token = generated;
    generated = null;
    if (settings.putIfAbsent(Settings.ADMIN_TOKEN_HASH, hash)) {
      announce.accept(token);
    } else {
      hash = settings.get(Settings.ADMIN_TOKEN_HASH).orElseThrow();
    }
  }

  public boolean matches(String token) {
    return token != null && Tokens.sameHash(hash, Tokens.hash(token));
  }
}
