package org.cellarena.web.cli;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.AuditLog;
import org.cellarena.web.store.Database;
import org.cellarena.web.store.NewTeam;
import org.cellarena.web.store.StoreException;
import org.cellarena.web.store.Teams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cellarena team add --name N}: creates a team in the server's database and prints its token once. */
@Command(name = "team", mixinStandardHelpOptions = true, description = "Manages teams.",
    subcommands = TeamCommand.Add.class)
public final class TeamCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code team add}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Creates a team and prints its bearer token, the one time it is shown.",
          "With the embedded database, stop the server first (or use POST /api/admin/teams while it runs)."})
  public static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The team's name.")
    String name;

    @Mixin DatabaseOptions data;

    @Override
    public Integer call() throws Exception {
      ServerConfig config;
      try {
        config = ServerConfig.defaults(data.dataDir()).withJdbcUrl(data.jdbcUrl());
      } catch (IllegalArgumentException e) {
        return fail(e.getMessage());
      }
      Files.createDirectories(config.submissionsDir());
      Database db;
      try {
        db = Database.open(config.effectiveJdbcUrl());
      } catch (RuntimeException e) {
        return fail("cannot open the database " + Database.redact(config.effectiveJdbcUrl())
            + "; if a server is running on it, stop it or use POST /api/admin/teams (" + firstLine(e) + ")");
      }
      try (db) {
        NewTeam team = new Teams(db).create(name);
        new AuditLog(db).record("cli", "team.create", "team " + team.team().id(),
            new JsonObject().put("name", team.team().name()));
        var out = spec.commandLine().getOut();
        out.println("Team \"" + team.team().name() + "\" (id " + team.team().id() + ") created.");
        out.println("Token (shown this once): " + team.token());
        out.flush();
        return 0;
      } catch (Refusal | StoreException e) {
        return fail(firstLine(e));
      }
    }

    private int fail(String message) {
      spec.commandLine().getErr().println("cellarena team add: " + message);
      return 2;
    }

    private static String firstLine(Exception e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      return m.lines().findFirst().orElse(m);
    }
  }
}
