package org.cellarena.web;

import io.vertx.core.json.JsonObject;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.CompetitionLoader;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.store.CompetitionEdits;

/** Serves each competition with the settings the host edited on the admin page, which outlive a restart. */
final class EditedSettings {
  private final Competitions competitions;
  private final CompetitionEdits edits;

  EditedSettings(Competitions competitions, CompetitionEdits edits) {
    this.competitions = competitions;
    this.edits = edits;
  }

  void applyAll() {
    competitions.all().forEach(this::apply);
  }

  void apply(String competition) {
    competitions.find(competition).ifPresent(this::apply);
  }

  private void apply(Competition c) {
    JsonObject changed = edits.of(c.id());
    if (!changed.isEmpty()) {
      competitions.replace(c.with(CompetitionLoader.settings(changed, c.settings(),
          "the settings of " + c.id() + " edited on the admin page")));
    }
  }
}
