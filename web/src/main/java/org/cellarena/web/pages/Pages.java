package org.cellarena.web.pages;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cellarena.scoring.io.InvalidFileException;
import org.cellarena.scoring.io.Problem;
import org.cellarena.scoring.io.SolutionImage;
import org.cellarena.scoring.io.Submission;
import org.cellarena.scoring.io.SubmissionReader;
import org.cellarena.scoring.rle.RunMask;
import org.cellarena.web.competition.Competition;
import org.cellarena.web.competition.Competitions;
import org.cellarena.web.competition.Disclosure;
import org.cellarena.web.competition.Feedback;
import org.cellarena.web.files.SubmissionFiles;
import org.cellarena.web.http.Access;
import org.cellarena.web.http.Caller;
import org.cellarena.web.http.Lookup;
import org.cellarena.web.refusal.Refusal;
import org.cellarena.web.store.Reveals;
import org.cellarena.web.store.Status;
import org.cellarena.web.store.SubmissionRow;

/**
 * The browser pages and the endpoint only they use: the HTML of each page URL (the assets come from the static
 * handler over {@code webroot/}) and the overlay of one image of a submission (PNG, and its cell table as JSON).
 *
 * <p>Overlays: the submission's team or the admin, of a scored submission; a team sees of each image what its
 * competition's {@link Disclosure} of the image's part allows (nothing of a Private image before the reveal, no
 * overlay at {@code scores}, matches only on Feedback images, the ground truth only at {@code full}). The masks
 * come from the submission's overlay index ({@link OverlayMasks}), written once. Each caller has at most
 * {@link #OVERLAYS_PER_CALLER} overlays rendering at once.
 */
public final class Pages {
  /** Page URL patterns and the file under {@code webroot/} that serves each. */
  private static final String[][] PAGES = {
      {"/", "index.html"},
      {"/competitions/:id", "competition.html"},
      {"/competitions/:id/team", "team.html"},
      {"/competitions/:id/diff", "diff.html"},
      {"/submissions/:sid", "submission.html"},
      {"/admin", "admin.html"},
  };
  /** Overlays one caller may have rendering at once (a page asks for a PNG and its table, twice on the diff). */
  static final int OVERLAYS_PER_CALLER = 4;

  private final Access access;
  private final Lookup lookup;
  private final Competitions competitions;
  private final Reveals reveals;
  private final SubmissionFiles files;
  private final Path dataDir;
  private final Map<String, Buffer> pages = new LinkedHashMap<>();
  private final OverlayMasks masks = new OverlayMasks();
  private final Map<String, AtomicInteger> rendering = new ConcurrentHashMap<>();

  /** @param dataDir the folder that stored files' paths are relative to */
  public Pages(Access access, Lookup lookup, Competitions competitions, Reveals reveals, SubmissionFiles files,
      Path dataDir) {
    this.access = access;
    this.lookup = lookup;
    this.competitions = competitions;
    this.reveals = reveals;
    this.files = files;
    this.dataDir = dataDir;
    for (String[] page : PAGES) {
      pages.computeIfAbsent(page[1], Pages::resource);
    }
  }

  /**
   * Adds the page routes and the overlay endpoint to the router: after the API routes (the overlay is an
   * {@code /api/...} endpoint) and before the static files of {@code webroot/}.
   */
  public void mount(Router router) {
    for (String[] page : PAGES) {
      Buffer html = pages.get(page[1]);
      router.get(page[0]).handler(ctx -> ctx.response()
          .putHeader("Content-Type", "text/html; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .putHeader("X-Content-Type-Options", "nosniff")
          .end(html));
    }
    router.get("/api/submissions/:sid/overlay/:file").handler(access.teamOrAdminFromBrowser()).handler(this::overlay);
  }

  private static Buffer resource(String name) {
    try (InputStream in = Pages.class.getClassLoader().getResourceAsStream("webroot/" + name)) {
      if (in == null) {
        throw new IllegalStateException("page webroot/" + name + " is missing from the classpath");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- overlay ----

  private void overlay(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    boolean png = file.endsWith(".png");
    String threshold = Optional.ofNullable(ctx.request().getParam("threshold")).orElse("0.5");
    Caller caller = Access.caller(ctx);
    String sid = ctx.pathParam("sid");
    ctx.vertx().executeBlocking(() -> render(caller, sid, file, threshold), false).onComplete(result -> {
      if (result.failed()) {
        fail(ctx, result.cause());
        return;
      }
      HttpServerResponse response = ctx.response()
          .putHeader("Cache-Control", "private, max-age=300")
          .putHeader("X-Content-Type-Options", "nosniff");
      if (png) {
        response.putHeader("Content-Type", "image/png").end(Buffer.buffer(result.result().png()));
      } else {
        response.putHeader("Content-Type", "application/json").end(result.result().table().encode());
      }
    });
  }

  /** The overlay that {@code file} ({@code <image id>.png|.json}) names, if the caller may see it (blocking). */
  private OverlayRenderer.Overlay render(Caller caller, String sid, String file, String thresholdText) {
    String imageId = file.endsWith(".png") ? file.substring(0, file.length() - 4)
        : file.endsWith(".json") ? file.substring(0, file.length() - 5) : null;
    if (imageId == null || imageId.isEmpty()) {
      throw Refusal.notFound("ask for <image id>.png or <image id>.json");
    }
    double threshold = threshold(thresholdText);
    SubmissionRow row = lookup.submission(sid, caller);
    Competition competition = competitions.find(row.competition())
        .orElseThrow(() -> Refusal.notFound("the competition " + row.competition() + " is no longer served"));
    SolutionImage image = competition.solution().image(imageId);
    Disclosure shown = disclosure(caller, row, competition, image, imageId);
    String callerKey = caller.admin() ? "admin" : "team " + caller.team().id();
    AtomicInteger inFlight = rendering.computeIfAbsent(callerKey, k -> new AtomicInteger());
    if (inFlight.incrementAndGet() > OVERLAYS_PER_CALLER) {
      inFlight.decrementAndGet();
      throw new Refusal(Refusal.Reason.TOO_MANY, "too many overlays at once: wait for those under way", 1);
    }
    try {
      Path picture = competition.testImagesDir().resolve(image.id() + ".png");
      return OverlayRenderer.render(picture, image.width(), image.height(), image.cells(),
          predicted(row, competition, image), threshold, shown);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static double threshold(String text) {
    double threshold;
    try {
      threshold = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw Refusal.badRequest("threshold must be one of 0.50, 0.55, ..., 0.95; got \"" + text + "\"");
    }
    if (org.cellarena.scoring.metric.Thresholds.indexOf(threshold) < 0) {
      throw Refusal.badRequest("threshold must be one of 0.50, 0.55, ..., 0.95; got " + text);
    }
    return threshold;
  }

  /** How much of the image's overlay the caller may see; refused when nothing (or no such image, or no score). */
  private Disclosure disclosure(Caller caller, SubmissionRow row, Competition competition, SolutionImage image,
      String imageId) {
    boolean admin = caller.team() == null;
    if (!admin && competition.feedback() == Feedback.SCORES) {
      throw Refusal.forbidden("the competition " + competition.id() + " shows scores only: no overlays");
    }
    if (row.status() != Status.SCORED) {
      throw Refusal.conflict("submission " + row.id() + " is " + row.status().label()
          + ": only a scored submission has overlays");
    }
    if (image == null) {
      throw Refusal.notFound("the competition " + competition.id() + " has no image "
          + Problem.cut(imageId, Problem.MAX_ECHOED_ID));
    }
    if (!admin && competition.isHidden(image.id())) {
      // even contours alone on a blank canvas would picture a hidden image (a model's masks can follow its pixels)
      throw Refusal.forbidden("image " + imageId + " is a hidden test image of a model competition: a team sees "
          + "no overlay of it");
    }
    Disclosure shown = admin ? Disclosure.TRUTH
        : competition.disclosure(image.usage(), reveals.isRevealed(competition.id()));
    if (!shown.showsImage()) {
      throw Refusal.forbidden("image " + imageId + " counts on the " + image.usage().label().toLowerCase(Locale.ROOT)
          + " leaderboard; its overlay is not shown before the reveal");
    }
    return shown;
  }

  /** The submission's masks on {@code image}, from its overlay index beside the stored file. */
  private List<RunMask> predicted(SubmissionRow row, Competition competition, SolutionImage image) {
    List<SolutionImage> images = competition.solution().images();
    OverlayMasks.Layout layout = new OverlayMasks.Layout(images.stream().map(SolutionImage::id).toList(),
        images.stream().mapToInt(SolutionImage::width).toArray(),
        images.stream().mapToInt(SolutionImage::height).toArray());
    Path stored = dataDir.resolve(row.storedFile());
    Path index = stored.resolveSibling(row.id() + ".overlay-" + competition.solutionHash().substring(0, 16));
    return masks.masks(index, layout, layout.ids().indexOf(image.id()), () -> parse(row, competition));
  }

  private Submission parse(SubmissionRow row, Competition competition) {
    try (InputStream in = files.open(row.storedFile())) {
      return new SubmissionReader(competition.solution(), competition.limits()).read(in, row.displayName());
    } catch (InvalidFileException e) {
      throw Refusal.conflict("the submission could not be read, so it has no overlay: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fail(RoutingContext ctx, Throwable cause) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.fail(cause instanceof IllegalArgumentException ? Refusal.badRequest(cause.getMessage()) : cause);
  }
}
