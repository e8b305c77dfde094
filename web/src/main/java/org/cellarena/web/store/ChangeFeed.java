package org.cellarena.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every node that a submission (or a competition's boards) changed. On PostgreSQL through
 * {@code NOTIFY cellarena_changes} and a thread per node that {@code LISTEN}s on its own connection: the database
 * the nodes share already is the message bus, so no cluster membership, ports or discovery need configuring,
 * and a node that joins late or restarts simply listens again. On the embedded H2 (one process) the listener is
 * called directly.
 */
public final class ChangeFeed implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ChangeFeed.class.getName());
  private static final String CHANNEL = "cellarena_changes";
  private static final int POLL_MILLIS = 500;
  private static final String TEAM = "team";
  private static final String SETTINGS = "settings ";

  /** Told of each change; {@code submissionId} 0 means the competition's boards only. */
  public interface Listener {
    void changed(long submissionId, String competition);

    /** A team was disabled, enabled, marked or given a new token: forget what was remembered of teams. */
    default void teamChanged() {}

    /** The host edited the competition's settings (kept in the database): serve them. */
    default void settingsChanged(String competition) {}

    /** Changes may have been missed (the connection to the database was lost): forget every cached board. */
    default void missedSome() {}
  }

  private final Database db;
  private volatile Listener listener;
  private Thread listening;
  private volatile boolean running = true;

  /** A feed that tells the other nodes; {@link #listen} makes it tell this one too. */
  public ChangeFeed(Database db) {
    this.db = db;
  }

  /** From now on, every change, this node's and every other's, reaches {@code to}. */
  public synchronized void listen(Listener to) {
    listener = to;
    if (db.isPostgres() && listening == null) {
      listening = new Thread(this::listen, "cellarena-change-feed");
      listening.setDaemon(true);
      listening.start();
    }
  }

  /** A submission's status changed. */
  public void submissionChanged(long id, String competition) {
    publish(id, competition);
  }

  /** Something that the competition's boards show changed (a final pick, a reveal). */
  public void competitionChanged(String competition) {
    publish(0, competition);
  }

  /** A team changed (disabled, enabled, benchmark, token). */
  public void teamChanged() {
    Listener here = listener;
    if (here != null) {
      here.teamChanged();
    }
    notifyOthers(TEAM);
  }

  /** The competition's settings were edited. */
  public void settingsChanged(String competition) {
    Listener here = listener;
    if (here != null) {
      here.settingsChanged(competition);
    }
    notifyOthers(SETTINGS + competition);
  }

  private void publish(long id, String competition) {
    Listener here = listener;
    if (here != null) {
      here.changed(id, competition); // this node at once; the echo from the database is harmless
    }
    notifyOthers(id + " " + competition);
  }

  private void notifyOthers(String payload) {
    if (db.isPostgres()) {
      try {
        db.autoCommit(c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, payload);
            return s.execute();
          }
        });
      } catch (StoreException e) {
        // the other nodes' status streams poll every second and their boards see it at the next change
        LOG.log(Level.WARNING, "could not tell the other nodes of a change (" + payload + ")", e);
      }
    }
  }

  private void listen() {
    boolean first = true;
    while (running) {
      try (Connection c = db.dedicatedConnection(); Statement s = c.createStatement()) {
        s.execute("LISTEN " + CHANNEL);
        if (!first) {
          listener.missedSome();
        }
        first = false;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
          if (notes == null) {
            continue;
          }
          for (PGNotification note : notes) {
            deliver(note.getParameter());
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.log(Level.WARNING, "lost the database's change feed; listening again in 1 s", e);
          sleep(1000);
        }
      }
    }
  }

  private void deliver(String payload) {
    if (payload.equals(TEAM)) {
      listener.teamChanged();
      return;
    }
    if (payload.startsWith(SETTINGS)) {
      listener.settingsChanged(payload.substring(SETTINGS.length()));
      return;
    }
    int space = payload.indexOf(' ');
    try {
      listener.changed(Long.parseLong(payload.substring(0, space)), payload.substring(space + 1));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ignored a change notice \"" + payload + "\"", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    if (listening != null) {
      try {
        listening.join(2 * POLL_MILLIS + 500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
