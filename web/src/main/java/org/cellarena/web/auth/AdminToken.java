package org.cellarena.web.auth;

import java.util.Optional;
import java.util.function.Consumer;
import org.cellarena.web.store.Settings;
import org.cellarena.web.store.Tokens;

/**
 * The admin's bearer token: the configured one ({@code CELLARENA_ADMIN_TOKEN}) when given, else the one generated
 * on the first start, printed once and kept only as a hash.
 */
public final class AdminToken {
  private final String hash;

  private AdminToken(String hash) {
    this.hash = hash;
  }

  /**
   * @param configured the token from the configuration, or null
   * @param announce told the generated token, the one time it is generated
   */
  public static AdminToken resolve(String configured, Settings settings, Consumer<String> announce) {
    if (configured != null && !configured.isBlank()) {
      return new AdminToken(Tokens.hash(configured.strip()));
    }
    Optional<String> stored = settings.get(Settings.ADMIN_TOKEN_HASH);
    if (stored.isPresent()) {
      return new AdminToken(stored.get());
    }
    String token = Tokens.generate();
    if (settings.putIfAbsent(Settings.ADMIN_TOKEN_HASH, Tokens.hash(token))) {
      announce.accept(token);
      return new AdminToken(Tokens.hash(token));
    }
    return new AdminToken(settings.get(Settings.ADMIN_TOKEN_HASH).orElseThrow());
  }

  public boolean matches(String token) {
    return token != null && Tokens.sameHash(hash, Tokens.hash(token));
  }
}
