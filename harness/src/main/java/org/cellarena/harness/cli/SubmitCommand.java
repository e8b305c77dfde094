package org.cellarena.harness.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.cellarena.model.archive.ModelArchive;
import org.cellarena.model.archive.ModelArchiveException;
import org.cellarena.model.submit.ServerClient;
import org.cellarena.model.submit.SubmissionLines;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code submit}: upload a submission to a server, optionally waiting for its score. It speaks the same HTTP API
 * as the model's auto-submit, through the same client.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = {"Upload a submission to a CellArena server as a team.",
        "The file: id,predicted as .csv or .csv.gz. In a model competition, --model W instead: a training work dir "
            + "(its best checkpoint, as predict picks it) or one of its .params files, packed as a model archive "
            + "(config.json, the weights, the tuned thresholds); the server checks it at once and runs it on the "
            + "hidden test images. With --wait, follow it to the end: print the public score (exit 0) or the "
            + "reason it failed (exit 2).",
        "A token is taken as it is, even one that starts with '-': --token T, --token=T or $CELLARENA_TOKEN."})
public final class SubmitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--server", defaultValue = "http://localhost:8080", paramLabel = "URL",
      description = "Server base URL (default: ${DEFAULT-VALUE}).")
  String server;

  @Option(names = "--competition", required = true, paramLabel = "ID", description = "Competition id.")
  String competition;

  @Option(names = "--token", paramLabel = "T", defaultValue = "${env:CELLARENA_TOKEN}",
      description = "The team's token (default: $CELLARENA_TOKEN).")
  String token;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  /** A CSV, or a model to pack. */
  static final class What {
    @Option(names = "--file", required = true, paramLabel = "F", description = "Submission file (a csv competition).")
    Path file;

    @Option(names = "--model", required = true, paramLabel = "W",
        description = "A work dir or .params file to pack and send (a model competition).")
    Path model;
  }

  @Option(names = "--description", paramLabel = "D", description = "What this submission is.")
  String description;

  @Option(names = "--wait", description = "Follow the submission until it is scored or failed.")
  boolean await;

  @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS",
      description = "With --wait: give up after this long (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    if (token == null || token.isBlank()) {
      throw new ParameterException(spec.commandLine(), "give the team's token with --token or CELLARENA_TOKEN");
    }
    URI base;
    try {
      base = new URI(server);
      if (base.getScheme() == null || base.getHost() == null) {
        throw new URISyntaxException(server, "expected http://host:port");
      }
    } catch (URISyntaxException e) {
      throw new ParameterException(spec.commandLine(), "--server: not a URL: " + server + " (like http://localhost:8080)");
    }
    ServerClient client = new ServerClient(base, token);
    JsonObject receipt = what.model != null ? submitModel(client) : client.upload(competition, what.file,
        description);
    long id = receipt.get("id").getAsLong();
    var out = spec.commandLine().getOut();
    out.println("submitted " + (what.model != null ? what.model : what.file).getFileName() + " as submission " + id
        + " (" + text(receipt, "status") + "); status: " + server.replaceAll("/+$", "") + "/api/submissions/" + id);
    if (!await) {
      return 0;
    }
    JsonObject result = client.await(id, Duration.ofSeconds(timeoutSeconds), SubmissionLines.progress(id, line -> {
      out.println(line);
      out.flush();
    }));
    if (SubmissionLines.isFailed(result)) {
      spec.commandLine().getErr().println(SubmissionLines.outcome(id, result));
      return UserErrorHandler.INVALID_INPUT;
    }
    out.println(SubmissionLines.outcome(id, result));
    return 0;
  }

  /** Packs {@code --model} into a temporary archive and sends it. */
  private JsonObject submitModel(ServerClient client) throws IOException, InterruptedException {
    if (!Files.exists(what.model)) {
      throw new UserException("--model: " + what.model + " does not exist (give a training work dir or one of its "
          + ".params files)");
    }
    Path archive = Files.createTempFile("cellarena-model-", ".zip");
    try {
      ModelArchive.pack(what.model, archive);
      spec.commandLine().getOut().printf("packed %s: %.1f MB%n", what.model, Files.size(archive) / 1e6);
      return client.submitModel(competition, archive, description);
    } catch (ModelArchiveException e) {
      throw new UserException("--model " + what.model + ": " + e.getMessage());
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  /** A member as text, or null when absent or JSON null. */
  private static String text(JsonObject json, String member) {
    JsonElement value = json.get(member);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }
}
