package org.cellarena.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cellarena.web.Server;
import org.cellarena.web.ServerConfig;
import org.cellarena.web.api.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium through /usr/bin/chromedriver (never
 * Selenium Manager's downloads), against the server started here on a free port with a temporary data dir.
 * Screenshots of every page go to {@code target/screenshots/} for a person to look at.
 */
@Tag("slow")
class PagesBrowserTest {
  /** Debian's browser and driver; -Dcellarena.chromium / -Dcellarena.chromedriver point elsewhere. */
  private static final Path CHROMIUM = Paths.get(System.getProperty("cellarena.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Paths.get(System.getProperty("cellarena.chromedriver", "/usr/bin/chromedriver"));
  private static final String ADMIN = "admin-token-for-the-page-test";
  private static final Path SHOTS = Paths.get("target", "screenshots");

  @TempDir
  static Path temp;
  private static Server server;
  private static WebDriver driver;
  private static WebDriverWait wait;
  private static String teamToken;
  private static Http http;

  @BeforeAll
  static void start() throws IOException {
    if (!browserPresent()) {
      System.err.println("PagesBrowserTest " + SKIP_MESSAGE);
      return; // the test itself is then skipped, with the message in the report
    }
    Path competition = PagesFixture.competition(temp.resolve("competitions"));
    server = Server.start(ServerConfig.defaults(temp.resolve("data")).withPort(0).withCompetition(competition)
        .withAdminToken(ADMIN).withScoringWorkers(1), token -> {});
    http = new Http(server.url());
    teamToken = server.createTeam("Team Pixel").token();
    Files.createDirectories(SHOTS);

    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(temp, "chromium-profile"), "--window-size=1280,800",
        "--hide-scrollbars");
    org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
    logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  private static final String SKIP_MESSAGE = "skipped: the browser test needs Debian's chromium and "
      + "chromium-driver (" + CHROMIUM + " or " + CHROMEDRIVER + " is absent); install them with: "
      + "apt-get install -y chromium chromium-driver";

  private static boolean browserPresent() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void uploadFollowLeaderboardBreakdownOverlayDiffAdmin() throws Exception {
    Assumptions.assumeTrue(browserPresent(), SKIP_MESSAGE);
    try {
      walkThroughThePages();
    } catch (Throwable t) {
      fullPageShot("99-failure");
      driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
          .forEach(e -> System.err.println("browser console: " + e.getLevel() + " " + e.getMessage()));
      throw t;
    }
  }

  private void walkThroughThePages() throws Exception {
    String base = server.url();
    driver.get(base + "/");
    viewport(1280, 800);

    // Competitions list
    driver.get(base + "/");
    WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("a[href='/competitions/" + PagesFixture.COMPETITION + "']")));
    assertEquals("Neuron segmentation (pages demo)", card.getText());
    shot("01-competitions");

    // Team page: token entered once, then upload through the file picker and watch it to scored
    driver.get(base + "/competitions/" + PagesFixture.COMPETITION + "/team");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(teamToken);
    shot("02-team-sign-in");
    driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
    Path good = temp.resolve("good-submission.csv");
    Files.writeString(good, PagesFixture.submission(1, PagesFixture.RADIUS));
    long first = upload(good, "shifted by 1 px");
    WebElement score = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-score")));
    assertEquals("events", driver.findElement(By.tagName("body")).getAttribute("data-live"),
        "the status came over server-sent events, not by polling");
    double publicScore = Double.parseDouble(score.getText());
    assertTrue(publicScore > 0.3 && publicScore < 1.0, "public score " + publicScore);
    assertEquals("done", driver.findElement(By.cssSelector("#live-status")).findElement(By.xpath(".."))
        .findElement(By.cssSelector("li[data-step=scored]")).getAttribute("class"));
    waitForText(By.id("my-submissions"), "#" + first);
    shot("03-team-scored");
    fullPageShot("03-team-scored-full");

    // A malformed file fails with its reason shown verbatim
    Path bad = temp.resolve("bad-submission.csv");
    Files.writeString(bad, "id,predicted\nimg-shsy5y-1,1 2 3\n");
    upload(bad, "broken");
    WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failure-reason")));
    assertTrue(reason.getText().contains("odd number of tokens"), reason.getText());
    shot("04-team-failed");
    fullPageShot("04-team-failed-full");

    // A worse second submission, for the diff, dropped on the drop zone (a drop event carrying the file)
    ((JavascriptExecutor) driver).executeScript("const dt = new DataTransfer();"
        + "dt.items.add(new File([arguments[0]], 'worse-submission.csv', {type: 'text/csv'}));"
        + "document.getElementById('drop').dispatchEvent("
        + "new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
        PagesFixture.submission(4, PagesFixture.RADIUS - 1));
    waitForText(By.id("chosen"), "worse-submission.csv");
    long second = send("shifted by 4 px, smaller");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-score")));
    viewport(390, 844);
    assertNoSidewaysScrolling();
    fullPageShot("04b-team-phone");
    viewport(1280, 800);

    // Leaderboard: the team is there with its best public score
    driver.get(base + "/competitions/" + PagesFixture.COMPETITION);
    WebElement board = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leaderboard")));
    waitForText(By.id("leaderboard"), "Team Pixel");
    assertTrue(board.getText().contains(String.format("%.4f", publicScore)), board.getText());
    shot("05-leaderboard");
    viewport(390, 844);
    assertNoSidewaysScrolling();
    shot("05b-leaderboard-phone");
    viewport(1280, 800);

    // A benchmark row (the host's baseline), the signed-in team's row highlighted, the scores over time
    String baseline = server.createTeam("Baseline (classical)").token();
    long baselineTeam = server.services().teams().byToken(baseline).orElseThrow().id();
    assertEquals(200, http.put("/api/admin/teams/" + baselineTeam + "/benchmark", ADMIN).status());
    assertEquals(202, http.postBytes("/api/competitions/" + PagesFixture.COMPETITION + "/submissions", baseline,
        "text/csv", PagesFixture.privateOnly().getBytes(StandardCharsets.UTF_8)).status());
    driver.get(base + "/competitions/" + PagesFixture.COMPETITION);
    waitForText(By.id("leaderboard"), "benchmark");
    assertTrue(driver.findElement(By.cssSelector("#leaderboard tr.mine")).getText().contains("Team Pixel"),
        "the signed-in team's row is highlighted");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-chart")));
    assertEquals("1", driver.findElement(By.xpath("//div[@class='stat'][div[@class='label']='Teams']"
        + "/div[@class='value']")).getText(), "the benchmark row is no team");
    fullPageShot("05c-leaderboard-highlighted");

    // The competition's texts and files, tab by tab
    for (String tab : List.of("overview", "data", "evaluation", "rules")) {
      driver.findElement(By.id("tab-" + tab)).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-" + tab)));
      fullPageShot("05d-competition-" + tab);
    }
    driver.findElement(By.id("tab-data")).click();
    waitForText(By.id("files-table"), "sample_submission.csv");
    waitForText(By.id("files-table"), "test.zip");
    String data = driver.findElement(By.id("text-data")).getText();
    assertTrue(data.contains("train.csv, when listed: the annotated training cells"), data);
    driver.findElement(By.id("tab-evaluation")).click();
    waitForText(By.id("text-evaluation"), "TP / (TP + FP + FN)");
    assertTrue(driver.findElement(By.id("text-evaluation")).getText().matches("(?s).*\\d{1,3}(,\\d{3})+ per file.*"),
        "counts with thousands separators");
    driver.findElement(By.id("tab-rules")).click();
    waitForText(By.id("text-rules"), "Deadline: none. Submissions close when the host reveals the private leaderboard");

    // Submission page: the per-image table lists the Public images, worst first, and an overlay loads
    driver.get(base + "/submissions/" + first);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("image-table")));
    List<WebElement> rows = driver.findElements(By.cssSelector("#image-table tbody tr"));
    assertEquals(4, rows.size(), "three Public images and the Feedback one");
    String table = driver.findElement(By.id("image-table")).getText();
    assertFalse(table.contains(PagesFixture.PRIVATE_IMAGE), "no private row before the reveal");
    double previous = -1;
    for (WebElement row : rows) {
      double s = Double.parseDouble(row.findElements(By.tagName("td")).get(2).getText());
      assertTrue(s >= previous, "worst first: " + table);
      previous = s;
    }
    // a Feedback image shows how each prediction matched; a Public one, on the board, only its predictions
    driver.findElement(By.cssSelector("#image-table tbody tr[data-image='" + PagesFixture.FEEDBACK_IMAGE + "'] button"))
        .click();
    waitForOverlay(By.id("overlay-image"));
    String alt = driver.findElement(By.id("overlay-image")).getAttribute("alt");
    assertTrue(alt.contains("matched"), alt);
    waitForText(By.id("overlay-cell-table"), "Best IoU");
    // picking a cell in the table frames it on the image
    driver.findElement(By.cssSelector("#overlay-cell-table tbody tr")).click();
    wait.until(d -> !d.findElement(By.cssSelector("#overlay-viewer .mark")).getAttribute("class").contains("hidden"));
    // filter by cell type
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("type-filter"))).selectByValue("astro");
    assertEquals(1, driver.findElements(By.cssSelector("#image-table tbody tr")).size());
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("type-filter"))).selectByValue("");
    // step the threshold up to 0.95
    WebElement range = driver.findElement(By.id("ov-threshold"));
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = 9; arguments[0].dispatchEvent(new Event('input'));", range);
    wait.until(d -> d.findElement(By.id("overlay-caption")).getText().contains("0.95"));
    waitForOverlay(By.id("overlay-image"));
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input'));", range);
    wait.until(d -> d.findElement(By.id("overlay-caption")).getText().contains("0.50"));
    waitForOverlay(By.id("overlay-image"));
    // the keyboard steps too: up raises the threshold
    WebElement frame = driver.findElement(By.cssSelector("#overlay-viewer .frame"));
    frame.sendKeys(org.openqa.selenium.Keys.ARROW_UP);
    wait.until(d -> d.findElement(By.id("overlay-caption")).getText().contains("0.55"));
    frame.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
    wait.until(d -> d.findElement(By.id("overlay-caption")).getText().contains("0.50"));
    waitForOverlay(By.id("overlay-image"));
    ((JavascriptExecutor) driver).executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
    shot("06-submission");
    fullPageShot("06-submission-full");

    // Overlays over HTTP: a Public image renders for the team; a Private one is refused before the reveal
    String publicImage = PagesFixture.IMAGES.get(0).id();
    HttpResponse<byte[]> ok = get("/api/submissions/" + first + "/overlay/" + publicImage + ".png?threshold=0.5",
        teamToken);
    assertEquals(200, ok.statusCode());
    assertEquals("image/png", ok.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<byte[]> refused = get("/api/submissions/" + first + "/overlay/" + PagesFixture.PRIVATE_IMAGE
        + ".png?threshold=0.5", teamToken);
    assertEquals(403, refused.statusCode(), new String(refused.body()));
    assertTrue(new String(refused.body()).contains("private"), new String(refused.body()));
    assertEquals(401, get("/api/submissions/" + first + "/overlay/" + publicImage + ".png", "not-a-token")
        .statusCode(), "a bad token is refused");
    assertEquals(200, get("/api/submissions/" + first + "/overlay/" + PagesFixture.PRIVATE_IMAGE
        + ".png?threshold=0.75", ADMIN).statusCode(), "the admin sees private overlays");
    HttpResponse<byte[]> cellTable = get("/api/submissions/" + first + "/overlay/" + publicImage
        + ".json?threshold=0.95", teamToken);
    assertEquals(200, cellTable.statusCode());
    assertFalse(new String(cellTable.body()).contains("\"best_iou\""), "a board image: no per-prediction number");
    HttpResponse<byte[]> feedbackTable = get("/api/submissions/" + first + "/overlay/" + PagesFixture.FEEDBACK_IMAGE
        + ".json?threshold=0.95", teamToken);
    assertTrue(new String(feedbackTable.body()).contains("\"best_iou\""), new String(feedbackTable.body()));
    assertEquals(403, get("/api/submissions/" + first + "/overlay/" + PagesFixture.PRIVATE_IMAGE
        + ".json?threshold=0.5", teamToken).statusCode(), "nor its cell table");
    assertEquals(400, get("/api/submissions/" + first + "/overlay/" + publicImage + ".png?threshold=0.52",
        teamToken).statusCode(), "a threshold that is not one of the ten");
    assertEquals(404, get("/api/submissions/" + first + "/overlay/no-such-image.png", teamToken).statusCode());
    String otherTeam = server.createTeam("Team Other").token();
    assertEquals(404, get("/api/submissions/" + first + "/overlay/" + publicImage + ".png", otherTeam)
        .statusCode(), "another team's submission is not shown");

    // Phone width
    viewport(390, 844);
    driver.navigate().refresh();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("image-table")));
    waitForOverlay(By.id("overlay-image"));
    assertNoSidewaysScrolling();
    shot("07-submission-phone");
    viewport(1280, 800);

    // Diff of the two submissions: largest regressions first, overlays side by side
    driver.get(base + "/competitions/" + PagesFixture.COMPETITION + "/diff?a=" + first + "&b=" + second);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff-table")));
    waitForOverlay(By.id("overlay-a"));
    waitForOverlay(By.id("overlay-b"));
    List<WebElement> diffRows = driver.findElements(By.cssSelector("#diff-table tbody tr"));
    assertEquals(4, diffRows.size(), "the three Public images and the Feedback one");
    assertTrue(driver.findElement(By.id("diff-delta")).getText().contains("-"), "the second one is worse");
    waitForText(By.id("diff-order"), "largest regressions first");
    assertEquals("#009E73", cssVariable("--matched"), "matched cells: bluish green");
    assertEquals("#E69F00", cssVariable("--matched-pred"), "matched predictions: orange, not a second blue");
    String swatch = driver.findElement(By.xpath("//div[@class='legend']/span[normalize-space()='prediction matched']/i"))
        .getCssValue("background-color");
    assertTrue(swatch.contains("230, 159, 0"), "and so in the legend: " + swatch);
    shot("08-diff");
    fullPageShot("08-diff-full");

    // Admin page
    driver.get(base + "/admin");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-token"))).sendKeys(ADMIN);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    waitForText(By.id("teams-table"), "Team Pixel");
    waitForText(By.id("audit-table"), "team");
    driver.findElement(By.id("team-name")).sendKeys("Team Gamma");
    driver.findElement(By.xpath("//button[normalize-space()='Create']")).click();
    WebElement newToken = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-team-token")));
    assertTrue(newToken.getText().length() >= 20, "the new team's token is shown once: " + newToken.getText());
    waitForText(By.id("teams-table"), "Team Gamma");
    waitForText(By.id("queue-summary"), "scoring worker");
    waitForText(By.id("admin-submissions"), "failed");
    assertEquals("Neuron segmentation (pages demo)",
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("set-title"))).getAttribute("value"));
    shot("09-admin");
    fullPageShot("09-admin-full");

    // The host alone (no team token in this browser) compares any two submissions: no "My team", no silent 401
    ((JavascriptExecutor) driver).executeScript("localStorage.removeItem('cellarena.teamToken')");
    driver.get(base + "/competitions/" + PagesFixture.COMPETITION + "/diff?a=" + second + "&b=" + first);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff-table")));
    assertEquals("Admin", driver.findElement(By.id("team-link")).getText());
    assertTrue(driver.findElement(By.id("diff-a")).getText().contains("Team Pixel"), "the host's list names teams");
    assertFalse(driver.findElement(By.id("diff-order")).getText().contains("regressions"),
        "the second is better on every image that changed: " + driver.findElement(By.id("diff-order")).getText());
    fullPageShot("09b-diff-as-host");
    driver.get(base + "/admin");
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//button[normalize-space()='Reveal private board']")));

    // The reveal: the private leaderboard appears; a team sees a Private image's predictions and counts, the boards
    // being final, and still no per-prediction number
    driver.findElement(By.xpath("//button[normalize-space()='Reveal private board']")).click();
    driver.switchTo().alert().accept();
    waitForText(By.id("admin-messages"), "revealed");
    waitForText(By.id("audit-table"), "reveal");
    driver.get(base + "/competitions/" + PagesFixture.COMPETITION);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("private-leaderboard")));
    waitForText(By.id("private-leaderboard"), "Team Pixel");
    waitForText(By.id("private-leaderboard"), "▲ 1"); // the baseline climbs from public rank 2
    fullPageShot("10-leaderboard-revealed");
    HttpResponse<byte[]> privateTable = get("/api/submissions/" + first + "/overlay/" + PagesFixture.PRIVATE_IMAGE
        + ".json?threshold=0.5", teamToken);
    assertEquals(200, privateTable.statusCode(), "after the reveal");
    assertFalse(new String(privateTable.body()).contains("\"best_iou\""), new String(privateTable.body()));

    // The host opens registration on the admin page; a participant registers on the competition page
    driver.get(base + "/admin");
    WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("set-registration")));
    wait.until(d -> !d.findElement(By.id("set-title")).getAttribute("value").isEmpty());
    code.sendKeys("let-me-in-2026");
    driver.findElement(By.cssSelector("#settings-form button[type=submit]")).click();
    waitForText(By.id("admin-messages"), "saved");
    driver.get(base + "/competitions/" + PagesFixture.COMPETITION + "#overview");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-name"))).sendKeys("Team Delta");
    driver.findElement(By.id("register-code")).sendKeys("let-me-in-2026");
    driver.findElement(By.cssSelector("#register-form button[type=submit]")).click();
    WebElement registered = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registered-token")));
    assertTrue(registered.getText().length() >= 20, registered.getText());
    waitForText(By.id("who"), "Team Delta");
    fullPageShot("11-registered");
  }

  /** A colour the page's style sheet defines, as written there. */
  private static String cssVariable(String name) {
    return ((String) ((JavascriptExecutor) driver).executeScript(
        "return getComputedStyle(document.documentElement).getPropertyValue(arguments[0])", name)).strip();
  }

  /** Picks a file in the upload form, sends it and returns the new submission's id once its status is final. */
  private static long upload(Path file, String description) {
    WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
    input.sendKeys(file.toAbsolutePath().toString());
    return send(description);
  }

  /** Types the description, presses upload and returns the new submission's id once its status is final. */
  private static long send(String description) {
    WebElement desc = driver.findElement(By.id("description"));
    desc.clear();
    desc.sendKeys(description);
    driver.findElement(By.id("upload")).click();
    wait.until(d -> {
      String text = d.findElement(By.id("live-status")).getText();
      return text.contains("scored") || text.contains("could not be scored") || text.contains("Refused");
    });
    String text = driver.findElement(By.id("live-status")).getText();
    Matcher m = Pattern.compile("#(\\d+)").matcher(text);
    assertTrue(m.find(), text);
    return Long.parseLong(m.group(1));
  }

  /** Waits until the element's rendered text contains {@code text}, ignoring case (CSS may upper-case it). */
  private static void waitForText(By by, String text) {
    wait.until(d -> d.findElement(by).getText().toLowerCase(java.util.Locale.ROOT)
        .contains(text.toLowerCase(java.util.Locale.ROOT)));
  }

  /** Sizes the window so that the page itself (the viewport) is width x height CSS pixels. */
  private static void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    Number w = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
    Number h = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight");
    driver.manage().window().setSize(new Dimension(2 * width - w.intValue(), 2 * height - h.intValue()));
  }

  private static void assertNoSidewaysScrolling() {
    Number scrollWidth = (Number) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth");
    Number width = (Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
    assertTrue(scrollWidth.intValue() <= width.intValue(),
        "no sideways scrolling at phone width: " + scrollWidth + " > " + width);
  }

  private static void waitForOverlay(By by) {
    wait.until(d -> {
      WebElement img = d.findElement(by);
      Object loaded = ((JavascriptExecutor) d).executeScript(
          "const i = arguments[0]; return i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0 "
              + "&& !i.hasAttribute('aria-busy');", img);
      return Boolean.TRUE.equals(loaded);
    });
  }

  private static HttpResponse<byte[]> get(String path, String token) {
    return http.getBytes(path, token);
  }

  private static void shot(String name) throws IOException {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The whole page: the window grown to the document's height for one screenshot. */
  private static void fullPageShot(String name) throws IOException {
    Dimension before = driver.manage().window().getSize();
    Number height = (Number) ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(6000, height.intValue() + 140)));
    shot(name);
    driver.manage().window().setSize(before);
  }
}
