package org.cellarena.web.store;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.regex.Pattern;
import org.cellarena.web.refusal.Refusal;

/**
 * Team names as people see them. A name is kept normalised (NFKC, no invisible or control characters, runs of
 * spaces as one); two names that look alike share a key, their Unicode TR39 confusable skeleton ignoring case
 * ({@code victim}, {@code Victim} and {@code victіm} with a Cyrillic і are one key), and only one of them is taken.
 */
public final class TeamName {
  public static final int MAX_LENGTH = 100;

  /** Format characters (zero-width space and joiners, direction marks, BOM), controls, unassigned and private use. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}\\p{Cn}\\p{Co}\\p{Cs}]");
  /** Any kind of space (no-break, ideographic, line separators...) and runs of them. */
  private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\s]+");
  private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();

  private TeamName() {}

  /** The name as it is kept and shown; 400 when nothing printable is left or it is too long. */
  public static String normalise(String raw) {
    if (raw == null || raw.length() > 4 * MAX_LENGTH) {
      throw Refusal.badRequest("a team name is 1 to " + MAX_LENGTH + " visible characters");
    }
    String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    String name = SPACES.matcher(INVISIBLE.matcher(nfkc).replaceAll("")).replaceAll(" ").strip();
    if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_LENGTH) {
      throw Refusal.badRequest("a team name is 1 to " + MAX_LENGTH + " visible characters (got "
          + name.codePointCount(0, name.length()) + " after removing invisible characters and extra spaces)");
    }
    return name;
  }

  /** What a name looks like: equal for names that people cannot tell apart (case included). */
  public static String key(String normalised) {
    return UCharacter.foldCase(SKELETONS.getSkeleton(UCharacter.foldCase(normalised, true)), true);
  }
}
