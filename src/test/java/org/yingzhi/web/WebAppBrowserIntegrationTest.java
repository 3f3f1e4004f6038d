package org.yingzhi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.TestDataDir;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;
import tools.jackson.databind.JsonNode;

/**
 * The web application in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium)
 * against the service on the embedded catalog with the samples: signing in, the library with a Chinese search
 * and a facet, the player's source timecode after seeking a 29.97 drop-frame clip and stepping a frame, and a
 * viewer who sees no edit form and whose edit the server refuses anyway. Screenshots of each page go to
 * {@code target/screenshots}; {@code scripts/screenshots} copies them to {@code src/docs/screenshots}, which the
 * README shows, so a test run never changes the work tree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppBrowserIntegrationTest {

    static final Path DATA = TestDataDir.create("webapp");
    static final Path SHOTS = Path.of("target/screenshots");
    static final String PASSWORD = "yingzhi-demo";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("yingzhi.storage.data-dir", DATA::toString);
        r.add("yingzhi.upload.page-chunk", () -> "16KB"); // the sample clip goes in four requests
        // a tile server that cannot be reached, as in an office without internet: the coordinates must still show
        r.add("yingzhi.map.tiles", () -> "http://127.0.0.1:9/{z}/{x}/{y}.png");
    }

    @LocalServerPort
    int port;
    @Autowired
    com.mongodb.client.MongoDatabase db;
    @Autowired
    org.yingzhi.gazetteer.link.LinkGraph graph;
    @Autowired
    org.yingzhi.asset.AssetTallies tallies;
    @Autowired
    org.yingzhi.gazetteer.index.Units units;

    /**
     * Every test starts from the samples (uploaded once, kept) and the sample outline with no links, entries or
     * figures, whatever ran before it: tests do not depend on each other's order.
     */
    @org.junit.jupiter.api.BeforeEach
    void freshGazetteer() throws Exception {
        for (String c : List.of("outline", "entries", "links", "figures", "bins", "cuts")) {
            db.getCollection(c).deleteMany(new org.bson.Document());
        }
        graph.rebuild();
        tallies.rebuild(); // tests reset review states in the catalog directly
        units.reload();
        assertEquals(200, new Api(port).uploadTo("/api/outline/import", "outline.docx",
                org.yingzhi.support.SampleOutline.docx(org.yingzhi.support.SampleOutline.ORIGINAL), Api.EDITOR, null)
                .status());
    }

    static WebDriver browser;
    static Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void startBrowser() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(Path.of("/usr/bin/chromium").toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--lang=zh-CN", "--autoplay-policy=no-user-gesture-required", "--mute-audio");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** A wait that looks again when a script redrew what it was reading. */
    private org.openqa.selenium.support.ui.FluentWait<WebDriver> fresh() {
        return waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** Clicks what the selector finds, finding it again if a script redrew it meanwhile. */
    private void clickFresh(By by) {
        fresh().until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    private void signIn(String name) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        try {
            waiting().until(d -> d.getCurrentUrl().equals(url("/")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(name + " did not get signed in: at " + browser.getCurrentUrl() + "\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private void uploadSamplesAndWait() throws Exception {
        if (!ids.isEmpty()) {
            return;
        }
        Api api = new Api(port);
        for (String s : new String[] {"clip-2997df.mov", "clip-25ndf.mp4", "photo-lhasa.jpg", "photo-kashgar.jpg", "tone.wav"}) {
            ids.put(s, api.upload(Samples.get(s), Api.ADMIN, described(s)).json().get("asset").get("id").asString());
        }
        long end = System.currentTimeMillis() + 180_000;
        for (String id : ids.values()) {
            JsonNode a;
            do {
                Thread.sleep(200);
                a = api.get("/api/assets/" + id, Api.ADMIN).json();
            } while (!a.get("status").asString().matches("READY|PARTIAL|FAILED") && System.currentTimeMillis() < end);
            assertEquals("READY", a.get("status").asString(), a.toString());
        }
        // the list comes from the search index: wait until it holds them
        while (api.get("/api/search?size=1", Api.ADMIN).status() != 200 && System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
    }

    /** The sample's description from samples/metadata.csv, as the folder import would give it. */
    private static String described(String file) throws Exception {
        for (String line : Files.readAllLines(Samples.get("metadata.csv"))) {
            String[] c = line.split(",", -1);
            if (c[0].equals(file)) {
                Map<String, Object> m = new LinkedHashMap<>();
                String[] names = {"file", "title", "description", "contributorUnit", "source", "captureDate", "place"};
                for (int i = 1; i < names.length; i++) {
                    if (!c[i].isBlank()) {
                        m.put(names[i], c[i]);
                    }
                }
                m.put("keywords", java.util.List.of(c[7].split(";")));
                m.put("rights", c[8]);
                m.put("override", true); // a sidecar row speaks of that one file
                return org.yingzhi.shared.json.Json.MAPPER.writeValueAsString(m);
            }
        }
        throw new AssertionError("no metadata for " + file);
    }

    @Test
    void aBrowserWithoutASessionIsSentToSignInAndSignsIn() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertTrue(browser.getCurrentUrl().startsWith(url("/login")), browser.getCurrentUrl());
        assertTrue(browser.getPageSource().contains("演示账号"),
                "the embedded default says which demo accounts exist: " + browser.getPageSource());
        shot("login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("wrong-password", Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("error"));
        assertTrue(browser.findElement(By.cssSelector(".error")).getText().contains("账号或密码不对"));
        signIn("admin");
        assertTrue(browser.findElement(By.cssSelector("header .who")).getText().contains("方志办管理员"));
    }

    /**
     * The clip is uploaded from the page with its description, on a throttled connection; the upload is paused
     * mid-way (the request in flight is cut off), the server holds part of it, and resuming completes it.
     */
    @Test
    void aClipIsUploadedFromThePagePausedMidWayAndResumed() throws Exception {
        signIn("admin");
        browser.get(url("/upload"));
        String[] csv = null;
        for (String line : Files.readAllLines(Samples.get("metadata.csv"))) {
            if (line.startsWith("tone.mp3,")) { // a file no other test uploads: this one is new whatever ran before
                csv = line.split(",", -1);
            }
        }
        browser.findElement(By.id("u-batch")).sendKeys(csv[1]);
        browser.findElement(By.id("u-description")).sendKeys(csv[2]);
        WebElement unit = browser.findElement(By.id("u-unit"));
        unit.clear();
        unit.sendKeys(csv[3]);
        browser.findElement(By.id("u-date")).sendKeys(csv[5]);
        browser.findElement(By.id("u-place")).sendKeys(csv[6]);
        browser.findElement(By.id("u-keywords")).sendKeys(csv[7].replace(';', ' '));
        browser.findElement(By.id("u-rights")).sendKeys(csv[8]);
        org.openqa.selenium.chromium.ChromiumNetworkConditions slow = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        slow.setUploadThroughput(8 * 1024);
        slow.setDownloadThroughput(1024 * 1024);
        slow.setLatency(Duration.ofMillis(20));
        ((org.openqa.selenium.chromium.HasNetworkConditions) browser).setNetworkConditions(slow);
        try {
            browser.findElement(By.id("choose-files")).sendKeys(Samples.get("tone.mp3").toString());
            browser.findElement(By.id("start")).click();
            // the first chunk arrives, then the upload is paused in the middle of another
            var uploads = db.getCollection("uploads");
            long size = Files.size(Samples.get("tone.mp3"));
            long end = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < end) {
                org.bson.Document u = uploads.find(new org.bson.Document("fileName", "tone.mp3")).first();
                if (u != null && u.get("offset", Number.class).longValue() >= 16 * 1024) {
                    break;
                }
                Thread.sleep(50);
            }
            browser.findElement(By.id("pause")).click();
            Thread.sleep(500);
            long held = uploads.find(new org.bson.Document("fileName", "tone.mp3")).first().get("offset", Number.class).longValue();
            assertTrue(held >= 16 * 1024 && held < size, "paused part-way: the server holds " + held + " of " + size);
            assertTrue(browser.findElement(By.cssSelector(".file .state")).getText().contains("已暂停"));
            ((JavascriptExecutor) browser).executeScript("document.getElementById('drop').scrollIntoView()");
            shot("upload");
        } finally {
            ((org.openqa.selenium.chromium.HasNetworkConditions) browser).deleteNetworkConditions();
        }
        browser.findElement(By.id("start")).click();
        // the row follows the asset's processing live, to 就绪
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> d.findElement(By.cssSelector(".file .state")).getText().startsWith("就绪"));
        assertTrue(browser.findElement(By.id("summary")).getText().startsWith("1 个完成"),
                browser.findElement(By.id("summary")).getText());
        String href = browser.findElement(By.cssSelector(".file .state a")).getAttribute("href");
        String id = href.substring(href.lastIndexOf('/') + 1);
        Api api = new Api(port);
        JsonNode a = api.get("/api/assets/" + id, Api.ADMIN).json();
        assertEquals("Interview test tone", a.get("title").asString(), "the file's own ID3 title wins");
        assertEquals(csv[1], a.get("batch").asString(), "the batch name is kept as the batch's label");
        assertEquals(csv[3], a.get("contributorUnit").asString());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(Samples.get("tone.mp3")))), a.get("original").get("sha256").asString());
        long until = System.currentTimeMillis() + 120_000;
        while (!a.get("status").asString().matches("READY|PARTIAL|FAILED") && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            a = api.get("/api/assets/" + id, Api.ADMIN).json();
        }
        assertEquals("READY", a.get("status").asString(), "processed like any upload");
        withdraw(id);
    }


    /**
     * The bureau's first week: a long clip is being processed when a batch of camera photos (IPTC caption, By-line,
     * EXIF date, GPS) and a shot list arrive under one batch name, date and place. The shot list is skipped before
     * anything is sent; each photo keeps its own caption, date and coordinates, the batch only fills the place the
     * photos lack; the rows and the library card turn 就绪 without a reload; the batch ends with a summary; and the
     * photos' previews are done before the clip's proxy, although the clip came first.
     */
    @Test
    void aBatchKeepsWhatEachFileSaysFollowsProcessingLiveAndEndsWithASummary() throws Exception {
        Path dir = Files.createTempDirectory(DATA, "batch");
        Path clip = org.yingzhi.support.TestMedia.longSmallClip(dir, 300);
        Path a = org.yingzhi.support.TestMedia.photoWith(dir, "IMG_0412.JPG", 0x2a6f9e, "张晓明在拉萨市人民医院门诊楼开工仪式上讲话",
                "省广播电视局 王建", "2004:03:12 10:15:00", 29.6521, 91.1322);
        Path b = org.yingzhi.support.TestMedia.photoWith(dir, "IMG_0413.JPG", 0x9e2a6f, "援藏干部走访当雄县牧民",
                "省广播电视局 王建", "2004:03:13 15:40:00", 30.4740, 91.1010);
        Path list = Files.writeString(dir.resolve("拍摄清单.txt"), "IMG_0412 门诊楼开工\nIMG_0413 走访牧民\n");
        Api api = new Api(port);
        signIn("admin");
        browser.get(url("/upload"));
        // a five-minute tape arrives first and is being encoded
        String clipId = api.upload(clip, Api.ADMIN, "{\"batch\":\"长片\"}").json().get("asset").get("id").asString();
        browser.findElement(By.id("u-batch")).sendKeys("2003年援藏影像");
        browser.findElement(By.id("u-date")).sendKeys("2003-08");
        browser.findElement(By.id("u-place")).sendKeys("日喀则");
        browser.findElement(By.id("choose-files")).sendKeys(a + "\n" + b + "\n" + list);
        List<WebElement> rows = browser.findElements(By.cssSelector(".file"));
        assertEquals(3, rows.size());
        assertEquals("skipped", rows.get(2).getAttribute("data-state"), "the shot list is not sent");
        assertTrue(rows.get(2).getText().contains("已跳过") && rows.get(2).getText().contains(".txt"), rows.get(2).getText());
        browser.findElement(By.id("start")).click();
        // the rows follow processing live, to 就绪
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> d.findElements(By.cssSelector(".file[data-state=ready]")).size() == 2);
        WebElement summary = browser.findElement(By.id("summary"));
        waiting().until(d -> summary.isDisplayed());
        assertTrue(summary.getText().startsWith("2 个完成，1 个已跳过"), summary.getText());
        assertTrue(summary.getText().contains("拍摄清单.txt"), "the skipped file is named with why: " + summary.getText());
        ((JavascriptExecutor) browser).executeScript("document.getElementById('start').scrollIntoView()");
        shot("upload-batch");
        List<String> photoIds = new java.util.ArrayList<>();
        for (WebElement r : browser.findElements(By.cssSelector(".file[data-state=ready] .state a"))) {
            String href = r.getAttribute("href");
            photoIds.add(href.substring(href.lastIndexOf('/') + 1));
        }
        assertEquals(2, photoIds.size());
        JsonNode first = api.get("/api/assets/" + photoIds.get(0), Api.ADMIN).json();
        assertEquals("张晓明在拉萨市人民医院门诊楼开工仪式上讲话", first.get("title").asString(), "its own caption, not the batch's name");
        assertEquals("2004-03-12", first.get("captureDate").asString(), "its EXIF date, not the batch's 2003-08");
        assertEquals(29.6521, first.get("photo").get("gps").get("latitude").asDouble(), 1e-4);
        assertEquals("日喀则", first.get("place").asString(), "the batch fills the place name the photo lacks");
        assertEquals("2003年援藏影像", first.get("batch").asString());
        assertEquals("2004-03-13", api.get("/api/assets/" + photoIds.get(1), Api.ADMIN).json().get("captureDate").asString());
        // the photos' previews did not wait for the tape that came before them
        for (String id : photoIds) {
            JsonNode p = api.get("/api/assets/" + id, Api.ADMIN).json();
            JsonNode proxy = api.get("/api/assets/" + clipId, Api.ADMIN).json().get("processing").get("steps").get("proxy");
            assertTrue(proxy.get("finishedAt") == null || proxy.get("finishedAt").isNull()
                    || java.time.Instant.parse(proxy.get("finishedAt").asString()).isAfter(
                            java.time.Instant.parse(p.get("processing").get("steps").get("preview").get("finishedAt").asString())),
                    "the preview of " + id + " was made before the clip's proxy: " + proxy + " " + p.get("processing"));
        }

        // the library card of the tape, still being processed, turns 就绪 by itself
        By clipCard = By.cssSelector(".card[data-live-asset='" + clipId + "']");
        waiting().until(d -> {
            d.get(url("/?q=" + java.net.URLEncoder.encode("长片", java.nio.charset.StandardCharsets.UTF_8)));
            return !d.findElements(clipCard).isEmpty(); // once the search index holds it
        });
        assertTrue(!"READY".equals(browser.findElement(clipCard).getAttribute("data-status")), "still processing when shown");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        new WebDriverWait(browser, Duration.ofSeconds(240)).until(d ->
                d.findElement(clipCard).findElement(By.cssSelector(".badge.status")).getText().equals("就绪"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"));
        assertFalse(browser.findElement(clipCard).findElements(By.tagName("img")).isEmpty(), "its poster appeared");

        // a second batch holding a file the library has is told so before anything is sent
        browser.get(url("/upload"));
        long uploads = db.getCollection("uploads").countDocuments();
        browser.findElement(By.id("choose-files")).sendKeys(a.toString());
        browser.findElement(By.id("start")).click();
        WebElement held = waiting().until(d -> d.findElement(By.cssSelector(".file[data-state=held]")));
        assertTrue(held.getText().contains("很可能已有") && held.getText().contains("张晓明"), held.getText());
        assertEquals(uploads, db.getCollection("uploads").countDocuments(), "no upload was even started");
        for (String id : photoIds) {
            withdraw(id);
        }
        withdraw(clipId);
    }

    private static boolean settled(JsonNode asset) {
        JsonNode steps = asset.path("processing").path("steps");
        if (steps.isEmpty()) {
            return false;
        }
        for (JsonNode st : steps) {
            if (!st.path("status").asString().matches("DONE|FAILED|SKIPPED")) {
                return false;
            }
        }
        return true;
    }

    /** Deletes an asset a test added beside the samples, so the library holds the samples alone for the next test. */
    private void withdraw(String id) throws Exception {
        assertEquals(204, new Api(port).delete("/api/assets/" + id + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.ADMIN).status());
    }

    /**
     * What the server says reaches the reader in the page's language: a truncated sample clip's metadata warning and
     * its failed step on the asset page, and an upload refusal on the upload page, in Chinese; in English with
     * ?lang=en. They are stored and sent as English text made from message codes.
     */
    @Test
    void serverMessagesShowInTheReadersLanguage() throws Exception {
        Api api = new Api(port);
        // the truncated sample with one more byte: an asset of its own, whatever another test did to the sample's
        Path copy = DATA.resolveSibling("truncated-for-messages.mp4");
        Files.write(copy, java.util.Arrays.copyOf(Files.readAllBytes(Samples.get("corrupt-truncated.mp4")),
                (int) Files.size(Samples.get("corrupt-truncated.mp4")) + 1));
        String broken = api.upload(copy, Api.ADMIN, "{\"title\":\"截断的片子\"}").json().get("asset").get("id").asString();
        try { // whatever fails, the next test finds the samples alone
            long end = System.currentTimeMillis() + 120_000;
            while (!api.get("/api/assets/" + broken, Api.ADMIN).json().get("status").asString().matches("PARTIAL|FAILED")
                    && System.currentTimeMillis() < end) {
                Thread.sleep(200);
            }
            JsonNode stored = api.get("/api/assets/" + broken, Api.ADMIN).json();
            assertEquals("proxy transcode failed: Invalid data found when processing input",
                    stored.get("processing").get("steps").get("proxy").get("error").asString(), "stored in English");
            signIn("admin");
            browser.get(url("/assets/" + broken));
            List<String> errors = browser.findElements(By.cssSelector("ul.errors li")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("解析媒体时出错：无法作为媒体打开：数据无效（不是完整的媒体文件）"), errors);
            List<String> steps = browser.findElements(By.cssSelector("tr.step-error")).stream().map(WebElement::getText).toList();
            assertTrue(steps.contains("浏览代理：浏览代理转码失败：数据无效（不是完整的媒体文件）"), steps.toString());
            assertTrue(steps.contains("波形：无法解码音频：数据无效（不是完整的媒体文件）"), steps.toString());
            assertTrue(steps.stream().anyMatch(x -> x.endsWith("：时长未知：文件无法解析")), steps.toString()); // poster, sprite, scenes
            assertTrue(String.join("", steps).codePoints().noneMatch(c -> c >= 'a' && c <= 'z'), "no English: " + steps);
            ((JavascriptExecutor) browser).executeScript(
                    "document.querySelector('tr.step-error').scrollIntoView({block: 'center'})");
            shot("asset-errors");

            browser.get(url("/upload"));
            browser.findElement(By.id("choose-files")).sendKeys(Samples.get("not-a-video.mp4").toString());
            browser.findElement(By.id("start")).click();
            waiting().until(d -> d.findElement(By.cssSelector(".file .state")).getText().contains("不是可识别"));
            assertEquals("不是可识别的影音或图片：内容是文字，不是影音或图片",
                    browser.findElement(By.cssSelector(".file .state")).getText());
            ((JavascriptExecutor) browser).executeScript(
                    "document.querySelector('.file .state').scrollIntoView({block: 'center'})");
            shot("upload-refused");

            browser.get(url("/assets/" + broken + "?lang=en"));
            assertEquals(List.of("media probe: cannot open as media: Invalid data found when processing input"),
                    browser.findElements(By.cssSelector("ul.errors li")).stream().map(WebElement::getText).toList(),
                    "English on ?lang=en");
            browser.get(url("/assets/" + broken + "?lang=zh_CN"));
        } finally {
            withdraw(broken);
        }
    }

    /**
     * At 390 px (a phone) the library fits the screen, its cards come first (the facets fold into a drawer above
     * them) and the batch bar stays hidden until something is picked; the language switch keeps the query.
     */
    @Test
    void theLibraryOnAPhoneShowsCardsFirstAndTheLanguageSwitchKeepsTheQuery() throws Exception {
        uploadSamplesAndWait();
        signIn("editor");
        org.openqa.selenium.Dimension wide = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.get(url("/"));
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
            long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertTrue(width <= inner, "no sideways scrolling: " + width + " in " + inner + "; too wide: " + js.executeScript(
                    "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                    + ".slice(0, 6).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"));
            double top = ((Number) js.executeScript(
                    "return document.querySelector('.grid .card').getBoundingClientRect().top")).doubleValue();
            long height = ((Number) js.executeScript("return window.innerHeight")).longValue();
            if (top >= height / 2.0) {
                shot("library-390-failed");
            }
            assertTrue(top < height / 2.0, "the first card in the first screen: " + top + " of " + height);
            assertFalse(browser.findElement(By.id("facets")).getAttribute("open") != null, "the facets are folded");
            assertFalse(browser.findElement(By.id("batch")).isDisplayed(), "no batch bar before anything is picked");
            shot("library-390");
            browser.findElement(By.cssSelector("input.pick")).click();
            assertTrue(browser.findElement(By.id("batch")).isDisplayed());
        } finally {
            browser.manage().window().setSize(wide);
        }
        browser.get(url("/?q=" + java.net.URLEncoder.encode("拉萨", java.nio.charset.StandardCharsets.UTF_8) + "&type=PHOTO"));
        String href = browser.findElement(By.cssSelector("a.lang")).getAttribute("href");
        assertTrue(href.contains("q=%E6%8B%89%E8%90%A8") && href.contains("type=PHOTO") && href.endsWith("lang=en"), href);
        browser.findElement(By.cssSelector("a.lang")).click();
        waiting().until(d -> d.getCurrentUrl().contains("type=PHOTO"));
        assertEquals("1 found", browser.findElement(By.cssSelector(".total")).getText().replaceAll("^.*?(\\d+).*$", "$1 found"));
        browser.get(url("/?lang=zh"));
    }

    @Test
    void theLibrarySearchesInChineseAndNarrowsByAFacet() throws Exception {
        uploadSamplesAndWait();
        signIn("admin");
        assertEquals("共 5 条", browser.findElement(By.cssSelector(".total")).getText());
        shot("library");
        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys("援藏", Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().contains("q="));
        String total = browser.findElement(By.cssSelector(".total")).getText();
        assertEquals("共 3 条", total, "援藏工作会议, 林芝援建项目开工 and 拉萨调研 hold 援藏; 喀什 and the tone do not");
        // narrow by type: the facet link shows its count, and the total follows it
        WebElement photos = browser.findElement(By.xpath("//aside//a[contains(@href,'type=PHOTO')]"));
        assertTrue(photos.getText().contains("照片") && photos.getText().contains("1"), photos.getText());
        photos.click();
        waiting().until(d -> d.getCurrentUrl().contains("type=PHOTO"));
        assertEquals("共 1 条", browser.findElement(By.cssSelector(".total")).getText());
        assertEquals("拉萨调研", browser.findElement(By.cssSelector(".card .title")).getText());
    }

    @Test
    void thePlayerShowsTheSourceTimecodeOfTheFrameOnScreen() throws Exception {
        uploadSamplesAndWait();
        signIn("reviewer");
        browser.get(url("/assets/" + ids.get("clip-2997df.mov")));
        WebElement video = browser.findElement(By.id("video"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        waiting().until(d -> ((Number) js.executeScript("return arguments[0].readyState", video)).intValue() >= 1);
        // the recording date and where it was read, in the technical panel (the sample's creation_time)
        String recorded = browser.findElement(By.cssSelector("dd.recorded")).getText();
        assertTrue(recorded.startsWith("2008-05-12T") && recorded.contains("封装创建时间"), recorded);
        JsonNode asset = new Api(port).get("/api/assets/" + ids.get("clip-2997df.mov"), Api.ADMIN).json();
        FrameRate rate = FrameRate.parse(asset.get("timecode").get("rate").asString() + ";DF");
        Timecode start = Timecode.parse(asset.get("timecode").get("start").asString(), rate);
        // seek into frame 45 of the clip (the middle of it, as a player's frame step does)
        int frame = 45;
        js.executeScript("arguments[0].currentTime = arguments[1]", video, (frame + 0.5) * 1001 / 30000.0);
        String expected = start.plusFrames(frame).toString();
        waiting().until(d -> browser.findElement(By.id("tc")).getText().equals(expected));
        // one frame on with the arrow key
        browser.findElement(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        String next = start.plusFrames(frame + 1).toString();
        waiting().until(d -> browser.findElement(By.id("tc")).getText().equals(next));
        assertTrue(next.contains(";"), "drop frame is shown with ';': " + next);
        browser.findElement(By.tagName("body")).sendKeys("i");
        assertEquals(next, browser.findElement(By.id("in")).getText());
        shot("asset");
        // hovering the strip under the video shows the filmstrip tile and the source timecode there
        WebElement strip = browser.findElement(By.id("scrub"));
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(strip).perform();
        waiting().until(d -> d.findElement(By.cssSelector(".scrub-tip")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector(".scrub-frame")).getCssValue("background-image").contains("/sprite"));
        assertTrue(browser.findElement(By.cssSelector(".scrub-tc")).getText().matches("01:01:00;\\d\\d"),
                "the middle of the 2 s clip: " + browser.findElement(By.cssSelector(".scrub-tc")).getText());
        // the <track> of the filmstrip loads with the session: 20 cues, one per sprite tile
        waiting().until(d -> ((Number) js.executeScript(
                "const t = document.querySelector('video track'); return t.readyState === 2 ? t.track.cues.length : -1")).intValue() == 20);
        assertFalse(browser.findElements(By.cssSelector(".panel.edit")).isEmpty(), "the office may edit");
        assertFalse(browser.findElements(By.cssSelector("a.download")).isEmpty(), "and download the original");
        assertFalse(browser.findElements(By.cssSelector(".steps tr.DONE")).isEmpty(), "the processing steps, done");
        // the tech panel as a broadcaster reads it: plain names, 29.97 DF, scan type, channels, bit rates
        String tech = browser.findElement(By.xpath("//section[h2[text()='技术参数']]")).getText();
        for (String said : List.of("QuickTime / MOV", "H.264 / AVC", "29.97 DF fps", "逐行扫描", "kb/s", "48.0 kHz")) {
            assertTrue(tech.contains(said), said + " in " + tech);
        }
        assertFalse(tech.contains("mov,mp4") || tech.contains("30000/1001"), tech);
        // an audio asset's waveform is drawn from its peaks
        browser.get(url("/assets/" + ids.get("tone.wav")));
        WebElement wave = browser.findElement(By.id("wave"));
        waiting().until(d -> ((Number) js.executeScript("""
                const c = arguments[0], px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 0; i < px.length; i += 4) if (px[i] === 0x9b && px[i + 1] === 0x2c) n++;
                return n;""", wave)).intValue() > 1000);
    }

    /**
     * An oral-history recording gets the same marks, ranges, links and moments as a clip: in its own clock (a
     * nominal 25 fps from 00:00:00:00 when it has no timecode), linked by range, shown as a moment on the chapter
     * page, and opened there on its in-point.
     */
    @Test
    void anInterviewRecordingIsMarkedLinkedByRangeAndOpenedAsAMoment() throws Exception {
        uploadSamplesAndWait();
        String wav = ids.get("tone.wav");
        String section = outlineId("第二节 喀什地区第一人民医院");
        signIn("editor");
        browser.get(url("/assets/" + wav));
        WebElement audio = browser.findElement(By.id("audio"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        waiting().until(d -> ((Number) js.executeScript("return arguments[0].readyState", audio)).intValue() >= 1);
        assertTrue(browser.findElement(By.cssSelector("section.player")).getText().contains("25 帧/秒"), "the clock is stated");
        WebElement body = browser.findElement(By.tagName("body"));
        js.executeScript("arguments[0].currentTime = 1.02", audio); // inside frame 25 (1.00 s to 1.04 s)
        try {
            waiting().until(d -> d.findElement(By.id("tc")).getText().equals("00:00:01:00"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("tc " + browser.findElement(By.id("tc")).getText() + " at "
                    + js.executeScript("return arguments[0].currentTime + ' ' + arguments[0].readyState + ' ' + arguments[0].src", audio)
                    + " logs " + browser.manage().logs().get("browser").getAll(), e);
        }
        body.sendKeys("i");
        js.executeScript("arguments[0].currentTime = 2.26", audio); // frame 56
        waiting().until(d -> d.findElement(By.id("tc")).getText().equals("00:00:02:06"));
        body.sendKeys(Keys.ARROW_LEFT);
        waiting().until(d -> d.findElement(By.id("tc")).getText().equals("00:00:02:05"));
        body.sendKeys("o");
        assertEquals("00:00:02:06", browser.findElement(By.id("out")).getText());
        pick("link-q", "link-results", "喀什地区", "chapter", "第二节 喀什地区第一人民医院", false);
        waiting().until(d -> d.findElement(By.id("link-status")).getText().startsWith("已关联到 篇目「第二节 喀什地区第一人民医院」"));
        shot("audio-range");
        JsonNode made = new Api(port).get("/api/assets/" + wav + "/links", Api.ADMIN).json().get(0).get("link");
        assertEquals("00:00:01:00", made.get("range").get("in").asString(), made.toString());
        assertEquals("00:00:02:06", made.get("range").get("out").asString());
        assertEquals(31, made.get("range").get("frames").asLong());

        browser.get(url("/outline/" + section));
        WebElement moment = browser.findElement(By.xpath("//ul[contains(@class,'moments')]/li[.//span[@class='range'][text()='"
                + "00:00:01:00–00:00:02:06']]"));
        assertFalse(moment.findElements(By.cssSelector(".audio-icon")).isEmpty(), "shown as sound");
        moment.findElement(By.tagName("a")).click();
        waiting().until(d -> d.findElement(By.id("tc")).getText().equals("00:00:01:00"));
        assertEquals("00:00:02:06", browser.findElement(By.id("out")).getText());
        double at = ((Number) js.executeScript("return document.getElementById('audio').currentTime")).doubleValue();
        assertTrue(at >= 1.0 && at < 1.04, "on its in-point: " + at);
    }

    @Test
    void aViewerSeesNoEditFormAndTheServerRefusesTheEditAnyway() throws Exception {
        uploadSamplesAndWait();
        signIn("viewer");
        String id = ids.get("photo-lhasa.jpg");
        browser.get(url("/assets/" + id));
        assertTrue(browser.findElements(By.cssSelector(".panel.edit")).isEmpty(), "no edit form for a viewer");
        assertTrue(browser.findElements(By.cssSelector("a.download")).isEmpty(), "no download of the original");
        assertTrue(browser.findElements(By.id("linker")).isEmpty(), "no link picker");
        assertEquals(403, new Api(port).get("/api/assets/" + id + "/original", Api.VIEWER).status(), "viewers watch proxies");
        // the GPS position: coordinates printed, and said so when the map's tiles cannot be reached
        assertTrue(browser.findElement(By.cssSelector(".coords")).getText().contains("29.652491° N, 91.172112° E"),
                browser.findElement(By.cssSelector(".coords")).getText());
        waiting().until(d -> d.findElement(By.id("map-note")).isDisplayed());
        assertTrue(browser.findElement(By.id("map-note")).getText().startsWith("地图瓦片无法加载"));
        assertEquals(200, new Api(port).get("/api/assets/" + id + "/original", Api.PRODUCER).status(), "producers take originals");
        shot("asset-photo-viewer");
        // the same form the editor gets, sent from the viewer's page with a valid CSRF token
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object status = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('meta[name=_csrf]').content;
                const body = new URLSearchParams({title: '改了', _csrf: token});
                fetch(location.pathname, {method: 'POST', body, redirect: 'manual'}).then(r => done(r.status));
                """);
        assertEquals(403L, ((Number) status).longValue());
        assertEquals("拉萨调研", new Api(port).get("/api/assets/" + id, Api.ADMIN).json().get("title").asString());
    }

    /** The outline shows what each node has; a chapter page lists its moments; a moment opens at its in-point. */
    @Test
    void theOutlineAndAChapterShowTheirMaterial() throws Exception {
        uploadSamplesAndWait();
        Api api = new Api(port);
        String section = db.getCollection("outline").find(new org.bson.Document("title", "第一节 拉萨市人民医院")).first()
                .getObjectId("_id").toHexString();
        assertEquals(201, api.post("/api/links", Api.EDITOR, "{\"asset\":\"" + ids.get("clip-2997df.mov")
                + "\",\"target\":\"chapter\",\"targetId\":\"" + section
                + "\",\"in\":\"01:00:59;20\",\"out\":\"01:01:00;20\",\"note\":\"开场\"}").status());
        assertEquals(201, api.post("/api/links", Api.EDITOR, "{\"asset\":\"" + ids.get("photo-lhasa.jpg")
                + "\",\"target\":\"chapter\",\"targetId\":\"" + section + "\"}").status());
        signIn("editor");
        browser.get(url("/outline"));
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='第一节 拉萨市人民医院']]"));
        assertEquals(List.of("1", "1"), List.of(row.findElements(By.cssSelector("td.n")).get(0).getText(),
                row.findElements(By.cssSelector("td.n")).get(2).getText()), "one clip, one photo");
        assertTrue(browser.findElement(By.xpath("//tr[td/a[text()='附录']]")).getAttribute("class").contains("missing"));
        assertTrue(browser.findElement(By.id("coverage-xlsx")).getAttribute("href").endsWith("/api/outline/coverage.xlsx"));
        shot("outline");
        row.findElement(By.tagName("a")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/outline/" + section));
        assertTrue(browser.findElement(By.cssSelector(".totals")).getText().startsWith("共 2 条关联"));
        assertTrue(browser.findElement(By.cssSelector(".moments")).getText().contains("01:00:59;20–01:01:00;20"));
        // a way to find more for it: the library searched by its title without the numbering
        assertTrue(browser.findElement(By.id("find-material")).getAttribute("href").endsWith("/?q="
                + java.net.URLEncoder.encode("拉萨市人民医院", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")),
                browser.findElement(By.id("find-material")).getAttribute("href"));
        // the responsible unit (承编单位) set from the page
        WebElement unitInput = browser.findElement(By.id("unit-of-node"));
        unitInput.clear();
        unitInput.sendKeys("省卫生健康委员会");
        browser.findElement(By.cssSelector("#node-unit button")).click();
        waiting().until(d -> d.findElement(By.id("node-unit-status")).getText().equals("承编单位已保存。"));
        assertEquals("省卫生健康委员会", db.getCollection("outline").find(new org.bson.Document("_id",
                new org.bson.types.ObjectId(section))).first().getString("unit"));
        shot("chapter");
        browser.findElement(By.xpath("//ul[contains(@class,'moments')]//a[.//span[contains(text(),'01:00:59;20')]]")).click();
        waiting().until(d -> d.findElement(By.id("tc")).getText().equals("01:00:59;20"));
        // the moment's range is marked, ready to play on its own or to link elsewhere
        waiting().until(d -> d.findElement(By.id("out")).getText().equals("01:01:00;20"));
        assertEquals("01:00:59;20", browser.findElement(By.id("in")).getText());
        assertTrue(browser.findElement(By.id("play-range")).isEnabled());
        assertTrue(browser.findElement(By.id("link-what")).getText().contains("01:00:59;20–01:01:00;20"));

        // the index: a person found by pinyin initials, and the moments that show him
        Api.Response person = api.post("/api/index/people", Api.EDITOR,
                "{\"name\":\"张晓明\",\"roles\":[\"援藏干部\"],\"biography\":\"第三批援藏干部。\"}");
        String zhang = person.json().get("id").asString();
        assertEquals(201, api.post("/api/links", Api.EDITOR, "{\"asset\":\"" + ids.get("clip-2997df.mov")
                + "\",\"target\":\"person\",\"targetId\":\"" + zhang
                + "\",\"in\":\"01:01:00;02\",\"out\":\"01:01:01;00\",\"note\":\"讲话\"}").status());
        // the index filters as one types
        browser.get(url("/index"));
        browser.findElement(By.id("iq")).sendKeys("zxm");
        waiting().until(d -> d.getCurrentUrl().contains("q=zxm")
                && d.findElements(By.xpath("//ul[@class='entries']//a[text()='张晓明']")).size() == 1
                && d.findElements(By.cssSelector("ul.entries li")).size() == 1);
        browser.get(url("/index?q=zxm"));
        WebElement found = browser.findElement(By.xpath("//ul[@class='entries']//a[text()='张晓明']"));
        assertTrue(browser.findElement(By.cssSelector(".kinds")).getText().contains("人物 1"));
        shot("index");
        found.click();
        waiting().until(d -> d.getCurrentUrl().contains("/index/people/" + zhang));
        assertTrue(browser.findElement(By.cssSelector(".moments")).getText().contains("01:01:00;02–01:01:01;00"));
        shot("person");
    }


    /**
     * A producer collects three moments into a new bin (a range marked with I/O in the player, a scene chip of
     * another clip, a moment on a person's page), makes a two-entry cut of two of them, reorders it with the
     * keyboard, trims an entry with I in the monitor, plays the cut through, and downloads its EDL; then collects a
     * selection from the library; screenshots of
     * the asset page's bin panel, the bin, and the cut builder (wide and at 390 px).
     */
    @Test
    void aProducerCollectsMomentsBuildsACutReordersTrimsPlaysAndExportsIt() throws Exception {
        uploadSamplesAndWait();
        Api api = new Api(port);
        String df = ids.get("clip-2997df.mov");
        String pal = ids.get("clip-25ndf.mp4");
        String zhang = api.post("/api/index/people", Api.EDITOR, "{\"name\":\"张晓明\",\"roles\":[\"援藏干部\"]}")
                .json().get("id").asString();
        assertEquals(201, api.post("/api/links", Api.EDITOR, "{\"asset\":\"" + df + "\",\"target\":\"person\",\"targetId\":\""
                + zhang + "\",\"in\":\"01:01:00;02\",\"out\":\"01:01:01;00\",\"note\":\"讲话\"}").status());
        signIn("producer");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("localStorage.clear()");

        // 1. the player: I at 01:00:59;15, O after 01:01:00;05, B collects it into a new bin
        browser.get(url("/assets/" + df));
        waiting().until(d -> d.findElements(By.cssSelector("#bin-pick option")).size() >= 1);
        WebElement fresh = browser.findElement(By.id("bin-new"));
        assertTrue(fresh.isDisplayed(), "no bin yet: the new bin's name is asked for");
        fresh.sendKeys("落成仪式");
        WebElement video = browser.findElement(By.id("video"));
        Timecode start = Timecode.parse("01:00:59;10", FrameRate.FPS_29_97_DF);
        seekToFrame(video, 5, start);
        browser.findElement(By.tagName("body")).sendKeys("i");
        seekToFrame(video, 22, start); // 01:01:00;04: ;00 and ;01 do not exist
        browser.findElement(By.tagName("body")).sendKeys("o");
        waiting().until(d -> d.findElement(By.id("out")).getText().equals("01:01:00;05"));
        browser.findElement(By.tagName("body")).sendKeys("b");
        waiting().until(d -> d.findElement(By.id("collect-status")).getText().contains("01:00:59;15–01:01:00;05"));
        assertTrue(browser.findElement(By.id("collect-status")).getText().contains("落成仪式"));
        js.executeScript("document.getElementById('collect').scrollIntoView()");
        shot("bin-panel");

        // 2. a scene chip of the 25 fps clip, into the same bin (remembered)
        browser.get(url("/assets/" + pal));
        waiting().until(d -> d.findElements(By.cssSelector("#bin-pick option")).size() >= 2);
        browser.findElement(By.cssSelector("button.scene")).click();
        browser.findElement(By.id("collect-marked")).click();
        waiting().until(d -> d.findElement(By.id("collect-status")).getText().contains("10:00:00:00–10:00:02:00"));

        // 3. a moment on the person's page
        browser.get(url("/index/people/" + zhang));
        waiting().until(d -> d.findElements(By.cssSelector("#bin-pick option")).size() >= 2);
        browser.findElement(By.cssSelector("button.collect")).click();
        waiting().until(d -> d.findElement(By.id("collect-status")).getText().contains("01:01:00;02–01:01:01;00"));
        JsonNode bins = api.get("/api/bins", Api.PRODUCER).json();
        assertEquals(1, bins.size(), bins.toString());
        String bin = bins.get(0).get("id").asString();
        JsonNode items = api.get("/api/bins/" + bin, Api.PRODUCER).json().get("items");
        assertEquals(List.of("player", "scene", "person:" + zhang), List.of(items.get(0).get("from").asString(),
                items.get(1).get("from").asString(), items.get(2).get("from").asString()));

        // the bin: the first two make a cut
        browser.get(url("/bins/" + bin));
        List<WebElement> picks = browser.findElements(By.cssSelector("li[data-item] input.pick"));
        assertEquals(3, picks.size());
        picks.get(2).click();
        shot("bin");
        browser.findElement(By.cssSelector("#make-cut button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().matches(".*/cuts/[0-9a-f]{24}$"));
        String cut = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        waiting().until(d -> d.findElements(By.cssSelector("#entries li.entry")).size() == 2);

        // reorder with the keyboard: the first entry moves down
        browser.findElements(By.cssSelector("#entries li.entry")).get(0).sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
        waiting().until(d -> api.get("/api/cuts/" + cut, Api.PRODUCER).json().get("entries").get(0).get("asset").asString().equals(pal));
        waiting().until(d -> d.findElements(By.cssSelector("#entries li.entry")).get(0).getText().contains("10:00:00:00"));

        // trim the drop-frame entry (now second) with I in the monitor, 4 frames in
        browser.findElements(By.cssSelector("#entries li.entry")).get(1).click();
        WebElement monitor = browser.findElement(By.id("monitor"));
        waiting().until(d -> ((Number) js.executeScript("return arguments[0].readyState", monitor)).intValue() >= 1);
        js.executeScript("arguments[0].pause(); arguments[0].currentTime = arguments[1]", monitor, (9 + 0.5) * 1001 / 30000.0);
        waiting().until(d -> d.findElement(By.id("src-tc")).getText().equals("01:00:59;19"));
        browser.findElement(By.tagName("body")).sendKeys("i");
        waiting().until(d -> api.get("/api/cuts/" + cut, Api.PRODUCER).json().get("entries").get(1).get("in").asString()
                .equals("01:00:59;19"));
        waiting().until(d -> d.findElements(By.cssSelector("#entries li.entry")).get(1).getText().contains("01:00:59;19–01:01:00;05"));

        // play the cut through from the proxies
        browser.findElement(By.id("play-cut")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("cut-status")).getText().contains("播完"));
        js.executeScript("window.scrollTo(0, 0)");
        shot("cut");

        // its EDL, downloaded on the producer's session
        String href = browser.findElement(By.id("export-edl")).getAttribute("href");
        Object edl = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e))", href);
        assertTrue(String.valueOf(edl).contains("FCM: DROP FRAME") && String.valueOf(edl).contains("01:00:59;19"), String.valueOf(edl));

        // a selection from the library, whole, into the same bin
        browser.get(url("/"));
        List<WebElement> ticks = browser.findElements(By.cssSelector("input.pick"));
        assertTrue(ticks.size() >= 2, "a producer may tick cards to collect them");
        ticks.get(0).click();
        ticks.get(1).click();
        waiting().until(d -> d.findElements(By.cssSelector("#bin-pick option")).size() >= 2);
        browser.findElement(By.id("batch-collect")).click();
        waiting().until(d -> d.findElement(By.id("collect-status")).getText().contains("2 条"));
        assertEquals(5, api.get("/api/bins/" + bin, Api.PRODUCER).json().get("items").size());
        assertEquals("library", api.get("/api/bins/" + bin, Api.PRODUCER).json().get("items").get(4).get("from").asString());

        browser.get(url("/cuts/" + cut));
        var wide = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.navigate().refresh();
            waiting().until(d -> d.findElements(By.cssSelector("#entries li.entry")).size() == 2);
            Number overflow = (Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(overflow.intValue() <= 0, "the builder fits 390 px: " + overflow);
            js.executeScript("window.scrollTo(0, 0)");
            shot("cut-390");
        } finally {
            browser.manage().window().setSize(wide);
        }
    }

    /**
     * The two checks in the browser: a reviewer returns the drop-frame clip from the political check with its
     * reason at 01:00:59;20 and passes the fact check; the unit finds it among its returned items, clicks the
     * comment and sees that frame in the player, corrects the title and resubmits; the reviewer approves both
     * checks (the fact check reopened by the title). Screenshots of the reviewer's and the unit's view.
     */
    @Test
    void aReviewerReturnsAClipWithACommentAtATimecodeAndTheUnitCorrectsAndResubmitsIt() throws Exception {
        uploadSamplesAndWait();
        String df = ids.get("clip-2997df.mov");
        var assets = db.getCollection("assets");
        org.bson.Document id = new org.bson.Document("_id", new org.bson.types.ObjectId(df));
        String title = assets.find(id).first().getString("title");
        db.getCollection("review_comments").deleteMany(new org.bson.Document());
        try {
            signIn("reviewer");
            browser.get(url("/review"));
            browser.findElement(By.cssSelector("li[data-asset='" + df + "'] a")).click();
            waiting().until(d -> d.findElements(By.cssSelector("button.decide")).size() == 6);
            WebElement video = browser.findElement(By.id("video"));
            seekToFrame(video, 10, Timecode.parse("01:00:59;10", FrameRate.FPS_29_97_DF));
            browser.findElement(By.id("review-text")).sendKeys("字幕“门诊楼”写成了“门珍楼”");
            clickFresh(By.cssSelector("button.decide[data-check=political][data-decision=RETURNED]"));
            waiting().until(d -> d.findElement(By.id("review-status")).getText().contains("已退回单位"));
            clickFresh(By.cssSelector("button.decide[data-check=facts][data-decision=APPROVED]"));
            fresh().until(d -> d.findElement(By.cssSelector("#review-checks p[data-check=facts]")).getText().contains("已通过"));
            ((JavascriptExecutor) browser).executeScript("document.getElementById('review').scrollIntoView()");
            shot("review");

            // the unit: its returned items, the comment at its frame
            signIn("bureau");
            browser.get(url("/review/returned"));
            assertTrue(browser.findElement(By.cssSelector(".moments")).getText().contains("门珍楼"));
            browser.findElement(By.cssSelector(".moments a")).click();
            WebElement at = waiting().until(d -> d.findElement(By.cssSelector("#review-comments button.at")));
            assertEquals("01:00:59;20", at.getText());
            waiting().until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return document.getElementById('video').readyState")).intValue() >= 1);
            clickFresh(By.cssSelector("#review-comments button.at")); // the panel redraws once the clip's length is known
            waiting().until(d -> d.findElement(By.id("tc")).getText().equals("01:00:59;20"));
            assertTrue(browser.findElement(By.id("review-marks")).isDisplayed(), "the comment is marked under the player");
            shot("review-returned");
            assertEquals(200, new Api(port).patch("/api/assets/" + df, Api.BUREAU, "{\"title\":\"" + title + "（字幕已更正）\"}").status());
            browser.navigate().refresh();
            browser.findElement(By.id("review-text")).sendKeys("字幕已更正");
            waiting().until(d -> d.findElement(By.id("review-resubmit")).isDisplayed());
            clickFresh(By.id("review-resubmit"));
            waiting().until(d -> d.findElement(By.id("review-status")).getText().contains("已重新提交"));

            // the reviewer passes both: the fact check was reopened by the title; the dashboard counts one more
            signIn("reviewer");
            browser.get(url("/progress"));
            int approvedBefore = Integer.parseInt(browser.findElement(By.id("total-approved")).getText());
            browser.get(url("/assets/" + df));
            fresh().until(d -> d.findElement(By.cssSelector("#review-checks p[data-check=facts]")).getText().contains("待审"));
            clickFresh(By.cssSelector("button.decide[data-check=political][data-decision=APPROVED]"));
            fresh().until(d -> d.findElement(By.cssSelector("#review-checks p[data-check=political]")).getText().contains("已通过"));
            clickFresh(By.cssSelector("button.decide[data-check=facts][data-decision=APPROVED]"));
            fresh().until(d -> d.findElement(By.cssSelector("#review-checks p[data-check=facts]")).getText().contains("已通过"));
            assertEquals("APPROVED", assets.find(id).first().get("review", org.bson.Document.class).getString("status"));
            browser.get(url("/progress"));
            assertEquals(approvedBefore + 1, Integer.parseInt(browser.findElement(By.id("total-approved")).getText()),
                    "the dashboard shows the approval");
            WebElement row = browser.findElement(By.cssSelector("#progress-units tr[data-unit='省广播电视局']"));
            assertTrue(Integer.parseInt(row.findElement(By.cssSelector("td.approved")).getText()) >= 1, row.getText());
            waiting().until(d -> !d.findElements(By.cssSelector("#chart-units canvas")).isEmpty());
            shot("progress");

            // the office's records of all this, verified
            signIn("admin");
            browser.get(url("/admin/audit?target=" + df));
            assertTrue(browser.findElement(By.id("audit-records")).getText().contains("review.decision"));
            browser.findElement(By.id("audit-verify")).click();
            waiting().until(d -> d.findElement(By.id("verification")).getText().contains("校验通过"));
            shot("audit");
            browser.get(url("/progress/report"));
            assertTrue(browser.findElement(By.id("report-units")).getText().contains("省广播电视局"));
            shot("report");

            // the targets: a unit's target entered on the page counts on the dashboard
            browser.get(url("/progress/targets"));
            WebElement add = browser.findElement(By.id("new-unit-row"));
            add.findElement(By.name("unit")).sendKeys("省广播电视局");
            WebElement photos = add.findElement(By.name("photos"));
            photos.clear();
            photos.sendKeys("4");
            add.findElement(By.cssSelector("button.save-unit")).click();
            waiting().until(d -> d.findElements(By.cssSelector("#unit-targets button.save-unit[data-unit='省广播电视局']")).size() == 1);
            shot("targets");
            browser.get(url("/progress"));
            assertTrue(browser.findElement(By.cssSelector("#progress-units tr[data-unit='省广播电视局']")).getText().contains("%"),
                    "a percent of its target now");
            db.getCollection("targets").deleteMany(new org.bson.Document());
        } finally {
            // the other tests see the samples as uploaded
            assets.updateOne(id, new org.bson.Document("$set", new org.bson.Document("review",
                    new org.bson.Document("status", "PENDING")).append("title", title)));
            db.getCollection("review_comments").deleteMany(new org.bson.Document());
        }
    }

    /** Waits for the player to know the clip, seeks into a frame (its middle) and waits for the timecode shown. */
    private String seekToFrame(WebElement video, int frame, Timecode start) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        waiting().until(d -> ((Number) js.executeScript("return arguments[0].readyState", video)).intValue() >= 1);
        js.executeScript("arguments[0].pause(); arguments[0].currentTime = arguments[1]", video, (frame + 0.5) * 1001 / 30000.0);
        String expected = start.plusFrames(frame).toString();
        waiting().until(d -> browser.findElement(By.id("tc")).getText().equals(expected));
        return expected;
    }

    /**
     * Oral history on the page: a Mandarin interview spoken by espeak-ng, its transcript imported from the page; the
     * highlighted cue follows playback, a click on a cue seeks, a selected passage is quoted into a chapter through
     * the link picker and found on the chapter's page with its time, and the interviews page finds the words.
     */
    @Test
    void anInterviewTranscriptFollowsPlaybackSeeksAndIsQuotedIntoAChapter(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        org.yingzhi.support.SpokenInterview spoken = org.yingzhi.support.SpokenInterview.make(dir);
        Api api = new Api(port);
        String asset = api.upload(spoken.file(), Api.BUREAU, "{\"title\":\"张晓明口述（第一盘）\"}").json()
                .get("asset").get("id").asString();
        long end = System.currentTimeMillis() + 120_000;
        while (!api.get("/api/assets/" + asset, Api.ADMIN).json().get("status").asString().matches("READY|PARTIAL")
                && System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
        try {
            transcriptFollowsPlaybackAndIsQuoted(api, asset, spoken, dir);
        } finally {
            // the other tests count the samples alone in the library
            withdraw(asset);
            tallies.rebuild();
        }
    }

    private void transcriptFollowsPlaybackAndIsQuoted(Api api, String asset, org.yingzhi.support.SpokenInterview spoken,
            Path dir) throws Exception {
        Path vtt = dir.resolve("张晓明.vtt");
        Files.writeString(vtt, spoken.vtt());
        String section = outlineId("第二节 喀什地区第一人民医院");

        signIn("admin");
        browser.get(url("/assets/" + asset));
        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.id("make-interview"))).click();
        waiting().until(d -> d.findElement(By.id("interview-of")).getText().contains("张晓明口述（第一盘）"));
        browser.findElement(By.cssSelector("#transcript details summary")).click();
        browser.findElement(By.id("transcript-upload")).sendKeys(vtt.toAbsolutePath().toString());
        browser.findElement(By.id("transcript-send")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#cues li.cue")).size() == 2);
        assertTrue(browser.findElement(By.id("transcript-status")).getText().startsWith("已导入 2 条字幕"),
                browser.findElement(By.id("transcript-status")).getText());

        // playback moves the highlight to the cue being spoken
        WebElement audio = browser.findElement(By.id("audio"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        waiting().until(d -> ((Number) js.executeScript("return arguments[0].readyState", audio)).intValue() >= 1);
        js.executeScript("arguments[0].currentTime = arguments[1]", audio, (spoken.secondStartMillis() + 300) / 1000.0);
        waiting().until(d -> d.findElement(By.cssSelector("#cues li.current")).getText().contains(org.yingzhi.support.SpokenInterview.SECOND));
        js.executeScript("arguments[0].currentTime = 0.5; arguments[0].play()", audio);
        waiting().until(d -> d.findElement(By.cssSelector("#cues li.current")).getText().contains(org.yingzhi.support.SpokenInterview.FIRST));
        js.executeScript("arguments[0].pause(); document.querySelector('section.player').scrollIntoView()", audio);
        shot("transcript-player");

        // a click on the second cue's time seeks there
        browser.findElements(By.cssSelector("#cues li.cue button.time")).get(1).click();
        waiting().until(d -> Math.abs(((Number) js.executeScript("return arguments[0].currentTime", audio)).doubleValue() * 1000
                - spoken.secondStartMillis()) < 50);

        // select words of the second cue and quote them: the range of that cue, linked to a chapter
        js.executeScript("const t = document.querySelectorAll('#cues li.cue .text')[1]; const r = document.createRange();"
                + " r.setStart(t.firstChild, 0); r.setEnd(t.firstChild, 7); const s = getSelection(); s.removeAllRanges(); s.addRange(r);"
                + " document.dispatchEvent(new Event('selectionchange'));");
        waiting().until(d -> d.findElement(By.id("quote")).isEnabled());
        browser.findElement(By.id("quote")).click();
        assertEquals("“拉萨市人民医院”", browser.findElement(By.id("link-note")).getAttribute("value"));
        String in = browser.findElement(By.id("in")).getText();
        String out = browser.findElement(By.id("out")).getText();
        org.yingzhi.timecode.FrameRate r25 = org.yingzhi.timecode.FrameRate.parse("25/1");
        assertEquals(org.yingzhi.timecode.Timecode.ofFrames(spoken.secondStartMillis() * 25 / 1000, r25).toString(), in);
        pick("link-q", "link-results", "喀什地区", "chapter", "第二节 喀什地区第一人民医院", false);
        try {
            waiting().until(d -> d.findElement(By.id("link-status")).getText().startsWith("已关联到 篇目「第二节 喀什地区第一人民医院」"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(in + "–" + out + ": " + browser.findElement(By.id("link-status")).getText(), e);
        }
        shot("transcript-quote");

        browser.get(url("/outline/" + section));
        WebElement moment = browser.findElement(By.xpath("//ul[contains(@class,'moments')]/li[.//span[@class='range'][text()='"
                + in + "–" + out + "']]"));
        assertTrue(moment.getText().contains("“拉萨市人民医院”"), moment.getText());

        // the interviews page finds the words, at the cue's time, and opens the player there
        browser.get(url("/interviews?q=" + java.net.URLEncoder.encode("人民医院", java.nio.charset.StandardCharsets.UTF_8)));
        WebElement hit = waiting().until(d -> d.findElement(By.cssSelector(".passages li.hit")));
        String marked = hit.findElements(By.tagName("mark")).stream().map(WebElement::getText).reduce("", String::concat);
        assertTrue(marked.contains("人民") && marked.contains("医院"), marked);
        assertTrue(hit.getText().contains("张晓明口述（第一盘）"), hit.getText());
        shot("interviews-search");
        hit.findElement(By.cssSelector("a.time")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#cues li.cue")).size() == 2);
        waiting().until(d -> Math.abs(((Number) js.executeScript("return document.getElementById('audio').currentTime"))
                .doubleValue() * 1000 - spoken.secondStartMillis()) < 50);
        waiting().until(d -> d.findElement(By.cssSelector("#cues li.current")).getText().contains("人民医院"));
    }

    private String outlineId(String title) {
        return db.getCollection("outline").find(new org.bson.Document("title", title)).first().getObjectId("_id").toHexString();
    }

    /** Types into a link picker and clicks the result of that kind and name (or, with figure, its figure button). */
    private void pick(String inputId, String resultsId, String query, String kind, String name, boolean figure) {
        WebElement q = browser.findElement(By.id(inputId));
        q.clear();
        q.sendKeys(query);
        // only the list that answers this query (an earlier one may still be drawn, then replaced under the click)
        String item = "//ul[@id='" + resultsId + "'][@data-q='" + query + "']/li[button[@data-kind='" + kind + "'][span[@class='name'][text()='"
                + name + "']]]";
        By result = By.xpath(item + (figure ? "/button[contains(@class,'figure')]" : "/button[@data-kind='" + kind + "']"));
        // the list is drawn again as the answers come: click what is there once it holds still
        waiting().until(d -> {
            try {
                d.findElement(result).click();
                return true;
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /**
     * The producer's and editor's core act: mark a range of the 29.97 DF clip with I and O in the player, then
     * link it to a chapter and to a person from the picker (search, click); the chapter and the person's page show
     * the moment, with the frame at its in-point as its poster.
     */
    @Test
    void aMarkedRangeIsLinkedToAChapterAndAPersonFromThePlayer() throws Exception {
        uploadSamplesAndWait();
        Api api = new Api(port);
        String section = outlineId("第二节 喀什地区第一人民医院");
        String zhang = api.post("/api/index/people", Api.EDITOR,
                "{\"name\":\"张晓明\",\"roles\":[\"援藏干部\"],\"biography\":\"第三批援藏干部。\"}").json().get("id").asString();
        String clip = ids.get("clip-2997df.mov");
        JsonNode asset = api.get("/api/assets/" + clip, Api.ADMIN).json();
        FrameRate rate = FrameRate.parse(asset.get("timecode").get("rate").asString() + ";DF");
        Timecode start = Timecode.parse(asset.get("timecode").get("start").asString(), rate);

        signIn("editor");
        browser.get(url("/assets/" + clip));
        WebElement video = browser.findElement(By.id("video"));
        WebElement body = browser.findElement(By.tagName("body"));
        String in = seekToFrame(video, 33, start);
        body.sendKeys("i");
        seekToFrame(video, 52, start); // of the clip's 60
        body.sendKeys("o");
        String out = start.plusFrames(53).toString(); // out is the frame after the last, as links count it
        assertEquals(in, browser.findElement(By.id("in")).getText());
        assertEquals(out, browser.findElement(By.id("out")).getText());
        waiting().until(d -> d.findElement(By.id("link-what")).getText().contains(in + "–" + out));

        // a chapter by part of its title, and a person by pinyin initials: click, linked
        pick("link-q", "link-results", "喀什地区", "chapter", "第二节 喀什地区第一人民医院", false);
        waiting().until(d -> d.findElement(By.id("link-status")).getText().startsWith("已关联到 篇目「第二节 喀什地区第一人民医院」"));
        browser.findElement(By.id("link-note")).sendKeys("查房");
        pick("link-q", "link-results", "zxm", "person", "张晓明", false);
        waiting().until(d -> d.findElement(By.id("link-status")).getText().startsWith("已关联到 人物「张晓明」"));
        assertTrue(browser.findElement(By.id("links")).getText().contains("第二节 喀什地区第一人民医院"));
        ((JavascriptExecutor) browser).executeScript("document.querySelector('section.player').scrollIntoView()");
        shot("asset-linking");

        List<JsonNode> made = new java.util.ArrayList<>();
        api.get("/api/assets/" + clip + "/links", Api.ADMIN).json().forEach(l -> {
            if (l.get("link").has("range") && l.get("link").get("range").get("in").asString().equals(in)) {
                made.add(l.get("link"));
            }
        });
        assertEquals(2, made.size(), "the range linked twice: " + made);
        for (JsonNode l : made) {
            assertEquals(out, l.get("range").get("out").asString());
            assertEquals(20, l.get("range").get("frames").asLong(), "frames 33 to 52");
        }
        assertTrue(made.stream().anyMatch(l -> l.get("targetId").asString().equals(section)));
        assertTrue(made.stream().anyMatch(l -> l.get("targetId").asString().equals(zhang) && "查房".equals(l.get("note").asString())));

        // found from the chapter's page, its poster the frame at the in-point (not the clip's poster)
        browser.get(url("/outline/" + section));
        WebElement moment = browser.findElement(By.xpath("//ul[contains(@class,'moments')]/li[.//span[@class='range'][text()='"
                + in + "–" + out + "']]"));
        WebElement poster = moment.findElement(By.tagName("img"));
        assertTrue(poster.getAttribute("src").contains("/frame?size=320&at="), poster.getAttribute("src"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        waiting().until(d -> ((Number) js.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", poster)).intValue() == 320);
        shot("chapter-moments");
        // opening it lands on its exact in-frame, the range marked (the URL carries source timecode, not seconds)
        moment.findElement(By.tagName("a")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/assets/" + clip));
        waiting().until(d -> d.findElement(By.id("tc")).getText().equals(in));
        assertEquals(in, browser.findElement(By.id("in")).getText());
        assertEquals(out, browser.findElement(By.id("out")).getText());
        // with the video itself focused (as after clicking it), → and ← still step exactly one frame
        WebElement focused = browser.findElement(By.id("video"));
        js.executeScript("arguments[0].focus()", focused);
        focused.sendKeys(Keys.ARROW_RIGHT);
        waiting().until(d -> d.findElement(By.id("tc")).getText().equals(start.plusFrames(34).toString()));
        focused.sendKeys(Keys.ARROW_RIGHT);
        waiting().until(d -> d.findElement(By.id("tc")).getText().equals(start.plusFrames(35).toString()));
        focused.sendKeys(Keys.ARROW_LEFT);
        waiting().until(d -> d.findElement(By.id("tc")).getText().equals(start.plusFrames(34).toString()));
        // play range stops on the range's last frame (the one before the out-point), not frames past it
        browser.findElement(By.id("play-range")).click();
        waiting().until(d -> (Boolean) js.executeScript("return arguments[0].paused && !arguments[0].seeking", focused)
                && d.findElement(By.id("tc")).getText().equals(start.plusFrames(52).toString()));
        // the marks live in the URL: a reload keeps them
        assertTrue(browser.getCurrentUrl().contains("in=") && browser.getCurrentUrl().contains("out="), browser.getCurrentUrl());
        browser.navigate().refresh();
        waiting().until(d -> d.findElement(By.id("in")).getText().equals(in) && d.findElement(By.id("out")).getText().equals(out));

        // and from the person's page
        browser.get(url("/index/people/" + zhang));
        assertTrue(browser.findElement(By.cssSelector(".moments")).getText().contains(in + "–" + out));

        // unlinking from the asset page takes it off the chapter
        browser.get(url("/assets/" + clip));
        String chapterLink = made.stream().filter(l -> l.get("targetId").asString().equals(section)).findFirst().orElseThrow()
                .get("id").asString();
        browser.findElement(By.cssSelector("[data-unlink='" + chapterLink + "']")).click();
        waiting().until(d -> d.findElement(By.id("link-status")).getText().equals("已取消关联。"));
        assertEquals(0, api.get("/api/outline/" + section + "/material", Api.ADMIN).json().get("totals").get("links").asLong());
    }

    /** Photos become a chapter's figures from their pages; the chapter page reorders and captions them; the list exports. */
    @Test
    void photosBecomeFiguresAreReorderedCaptionedAndExported() throws Exception {
        uploadSamplesAndWait();
        Api api = new Api(port);
        String chapter = outlineId("第一章 医疗卫生项目");
        signIn("editor");
        for (String photo : List.of("photo-lhasa.jpg", "photo-kashgar.jpg")) {
            browser.get(url("/assets/" + ids.get(photo)));
            pick("link-q", "link-results", "医疗卫生", "chapter", "第一章 医疗卫生项目", true);
            waiting().until(d -> d.findElement(By.id("link-status")).getText().startsWith("已设为插图"));
        }
        browser.get(url("/outline/" + chapter));
        List<String> before = figureOrder();
        assertEquals(List.of(ids.get("photo-lhasa.jpg"), ids.get("photo-kashgar.jpg")), assetsOf(before, api, chapter));
        List<String> numbers = browser.findElements(By.cssSelector("#own-figures .no")).stream().map(WebElement::getText).toList();
        assertTrue(numbers.get(0).matches("图\\d+-1") && numbers.get(1).matches("图\\d+-2"), numbers.toString());
        // the figures count as the chapter's photos, and took the photos' own captions
        assertTrue(browser.findElement(By.cssSelector(".totals")).getText().contains("照片 2 张（含插图 2 幅）"),
                browser.findElement(By.cssSelector(".totals")).getText());
        assertEquals("第一批援藏干部在拉萨调研",
                browser.findElement(By.cssSelector("#own-figures li:first-child input.caption")).getAttribute("value"));
        // and the photo's page says which figure it is
        browser.get(url("/assets/" + ids.get("photo-lhasa.jpg")));
        assertTrue(browser.findElement(By.cssSelector(".figures-of")).getText().contains(numbers.get(0) + " 第一章 医疗卫生项目"),
                browser.findElement(By.cssSelector(".figures-of")).getText());
        browser.get(url("/outline/" + chapter));

        // ↓ on the first figure: the kashgar photo first now, on the server too, numbers following the order
        browser.findElement(By.cssSelector("#own-figures li:first-child .down")).click();
        waiting().until(d -> d.findElement(By.id("figure-status")).getText().equals("顺序已保存。"));
        assertEquals(List.of(ids.get("photo-kashgar.jpg"), ids.get("photo-lhasa.jpg")), serverOrder(api, chapter));
        assertEquals(numbers, browser.findElements(By.cssSelector("#own-figures .no")).stream().map(WebElement::getText).toList());

        // dragging the second above the first (HTML5 drag events as the browser fires them) puts it back
        ((JavascriptExecutor) browser).executeScript("""
                const list = document.getElementById('own-figures');
                const [a, b] = list.querySelectorAll('li');
                const dt = new DataTransfer();
                b.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));
                const box = a.getBoundingClientRect();
                a.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt, clientY: box.top + 2}));
                b.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));
                """);
        waiting().until(d -> serverOrder(api, chapter).equals(List.of(ids.get("photo-lhasa.jpg"), ids.get("photo-kashgar.jpg"))));

        // a caption edited in place, saved on Enter
        WebElement caption = browser.findElement(By.cssSelector("#own-figures li:first-child input.caption"));
        caption.clear();
        caption.sendKeys("2008年，拉萨市人民医院门诊楼落成", Keys.ENTER);
        waiting().until(d -> d.findElement(By.id("figure-status")).getText().equals("已保存。"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('figures').scrollIntoView()");
        shot("chapter-figures");

        // the figure list, as the page's export link gives it, in the new order with the new caption
        String href = browser.findElement(By.id("export-md")).getAttribute("href");
        String md = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
        int first = md.indexOf("2008年，拉萨市人民医院门诊楼落成");
        assertTrue(first >= 0, md);
        assertTrue(md.indexOf(numbers.get(0)) < first && md.indexOf(numbers.get(1)) > first, md);
        String xlsx = browser.findElement(By.id("export-xlsx")).getAttribute("href");
        Number size = (Number) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : new ArrayBuffer(0)).then(b => done(b.byteLength));
                """, xlsx);
        assertTrue(size.intValue() > 1000, "a spreadsheet: " + size);
    }

    private List<String> figureOrder() {
        return browser.findElements(By.cssSelector("#own-figures li[data-figure]")).stream()
                .map(li -> li.getAttribute("data-figure")).toList();
    }

    private static List<String> assetsOf(List<String> figureIds, Api api, String chapter) {
        Map<String, String> byFigure = new LinkedHashMap<>();
        api.get("/api/outline/" + chapter + "/figures", Api.ADMIN).json()
                .forEach(f -> byFigure.put(f.get("figure").get("id").asString(), f.get("figure").get("asset").asString()));
        return figureIds.stream().map(byFigure::get).toList();
    }

    private static List<String> serverOrder(Api api, String chapter) {
        List<String> out = new java.util.ArrayList<>();
        api.get("/api/outline/" + chapter + "/figures", Api.ADMIN).json().forEach(f -> {
            if (f.get("figure").get("chapter").asString().equals(chapter)) {
                out.add(f.get("figure").get("asset").asString());
            }
        });
        return out;
    }

    /** Several cards selected in the library are linked to a person at once; the person facet then narrows to them. */
    @Test
    void theLibraryLinksASelectionAndNarrowsByPerson() throws Exception {
        uploadSamplesAndWait();
        Api api = new Api(port);
        String yang = api.post("/api/index/people", Api.EDITOR, "{\"name\":\"杨建华\",\"roles\":[\"摄影\"]}").json()
                .get("id").asString();
        signIn("editor");
        browser.get(url("/?q=" + java.net.URLEncoder.encode("拉萨", java.nio.charset.StandardCharsets.UTF_8)));
        List<WebElement> picks = browser.findElements(By.cssSelector("input.pick"));
        assertTrue(picks.size() >= 2, "at least two cards for 拉萨");
        picks.get(0).click();
        picks.get(1).click();
        assertEquals("2", browser.findElement(By.id("picked")).getText());
        pick("batch-q", "batch-results", "杨建华", "person", "杨建华", false);
        waiting().until(d -> d.findElement(By.id("batch-status")).getText().equals("已把 2 条关联到「杨建华」。"));
        shot("library-batch");
        // the person's facet, by name, narrows the whole library to those two
        long end = System.currentTimeMillis() + 5000;
        By facet = By.xpath("//aside//a[span[text()='杨建华']]");
        do {
            browser.get(url("/"));
        } while (browser.findElements(facet).isEmpty() && System.currentTimeMillis() < end);
        browser.findElement(facet).click();
        waiting().until(d -> d.getCurrentUrl().contains("person=" + yang));
        assertEquals("共 2 条", browser.findElement(By.cssSelector(".total")).getText());
        assertTrue(browser.findElement(By.cssSelector(".chosen")).getText().contains("人物：杨建华"));
    }

    /**
     * An administrator makes an account on the accounts page; its one-time password works once and must be
     * replaced at the first sign-in. The jobs page shows a failed step with its reason and runs it again.
     */
    @Test
    void accountsAndJobsPages() throws Exception {
        uploadSamplesAndWait();
        for (String unit : List.of("援藏工作队", "省广播电视局")) { // the unit list the office keeps in the index
            assertEquals(201, new Api(port).post("/api/index/units", Api.EDITOR, "{\"name\":\"" + unit + "\"}").status());
        }
        units.reload();
        signIn("admin");
        browser.get(url("/admin/users"));
        assertEquals("VIEWER", new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("role")))
                .getFirstSelectedOption().getAttribute("value"), "the least privileged role by default");
        // an administrator only when confirmed; a unit the list does not hold is refused with why
        browser.findElement(By.id("name")).sendKeys("too-powerful");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("role"))).selectByValue("ADMIN");
        browser.findElement(By.cssSelector("#new-account button[type=submit]")).click();
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("p.error")).getText().contains("须勾选确认"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-account='too-powerful']")).isEmpty());
        browser.findElement(By.id("name")).sendKeys("typo-unit");
        browser.findElement(By.id("unit")).sendKeys("援疆前指");
        browser.findElement(By.cssSelector("#new-account button[type=submit]")).click();
        // the page reloads with the new refusal (the previous page's message must not be taken for it)
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("p.error")).getText().contains("不在单位名录中"));
        browser.findElement(By.id("name")).sendKeys("xj-aid");
        browser.findElement(By.id("displayName")).sendKeys("援疆前指 <b>王</b>");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("role"))).selectByValue("CONTRIBUTOR");
        browser.findElement(By.id("unit")).sendKeys("援藏工作队");
        browser.findElement(By.cssSelector("#new-account button[type=submit]")).click();
        String oneTime = waiting().until(d -> d.findElement(By.id("secret"))).getText();
        assertTrue(oneTime.length() >= 12, oneTime);
        WebElement row = browser.findElement(By.cssSelector("tr[data-account='xj-aid']"));
        assertTrue(row.getText().contains("援疆前指 <b>王</b>"), "the name shown as typed, as text");
        assertTrue(row.getText().contains("待改密码"));
        shot("users");
        org.bson.Document stored = db.getCollection("users").find(new org.bson.Document("name", "xj-aid")).first();
        assertFalse(stored.toJson().contains(oneTime), "only the hash is stored");
        // its role and unit can be changed from the list
        WebElement change = row.findElement(By.cssSelector("form.role-unit"));
        new org.openqa.selenium.support.ui.Select(change.findElement(By.name("role"))).selectByValue("PRODUCER");
        WebElement unitField = change.findElement(By.name("unit"));
        unitField.clear();
        unitField.sendKeys("省广播电视局");
        change.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> {
            org.bson.Document changed = db.getCollection("users").find(new org.bson.Document("name", "xj-aid")).first();
            return List.of("PRODUCER", "省广播电视局").equals(List.of(changed.getString("role"), changed.getString("unit")));
        });
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("p.notice")).getText().contains("xj-aid"));
        browser.findElement(By.cssSelector("tr[data-account='xj-aid'] form.role-unit select")).sendKeys("供"); // back to 供稿
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("tr[data-account='xj-aid'] form.role-unit select")))
                .selectByValue("CONTRIBUTOR");
        WebElement u2 = browser.findElement(By.cssSelector("tr[data-account='xj-aid'] form.role-unit input[name=unit]"));
        u2.clear();
        u2.sendKeys("援藏工作队");
        browser.findElement(By.cssSelector("tr[data-account='xj-aid'] form.role-unit button[type=submit]")).click();
        waiting().until(d -> "CONTRIBUTOR".equals(db.getCollection("users").find(new org.bson.Document("name", "xj-aid")).first().getString("role")));

        // the new account signs in with it and is sent to set its own password first
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("xj-aid");
        browser.findElement(By.id("password")).sendKeys(oneTime, Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().endsWith("/me?change"));
        browser.get(url("/"));
        waiting().until(d -> d.getCurrentUrl().endsWith("/me?change"));
        browser.findElement(By.id("current")).sendKeys(oneTime);
        browser.findElement(By.id("password")).sendKeys("xinjiang-2026-aid");
        browser.findElement(By.id("again")).sendKeys("xinjiang-2026-aid");
        browser.findElement(By.cssSelector("#password-form button")).click();
        waiting().until(d -> d.findElement(By.cssSelector(".notice")).getText().equals("密码已修改。"));
        browser.get(url("/"));
        assertEquals(url("/"), browser.getCurrentUrl(), "free to go on");
        shot("me");

        // a failed step: the truncated sample's proxy; its reason on the jobs page, and a button to run it again
        Api api = new Api(port);
        String broken = api.upload(Samples.get("corrupt-truncated.mp4"), Api.ADMIN, "{\"title\":\"截断的片子\"}").json()
                .get("asset").get("id").asString();
        long end = System.currentTimeMillis() + 120_000;
        while (!settled(api.get("/api/assets/" + broken, Api.ADMIN).json()) && System.currentTimeMillis() < end) {
            Thread.sleep(200); // every step has run out its attempts
        }
        signIn("admin");
        browser.get(url("/jobs?status=FAILED"));
        WebElement failed = browser.findElement(By.xpath("//tr[contains(@class,'FAILED')][td/a[text()='截断的片子']]"));
        assertFalse(failed.findElement(By.cssSelector(".reason")).getText().isBlank(), "the reason is shown");
        assertTrue(failed.findElement(By.cssSelector(".reason")).getText().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "the reason is in Chinese");
        shot("jobs");
        String unitOfBroken = api.get("/api/assets/" + broken, Api.ADMIN).json().get("contributorUnit").asString();
        assertTrue(failed.getText().contains(unitOfBroken), "the unit column: " + failed.getText());
        failed.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> d.findElement(By.cssSelector(".notice")).getText().startsWith("已重新排队"));
        // every failed job of a step at once, from the counts table
        browser.get(url("/jobs?status=FAILED"));
        browser.findElement(By.cssSelector("button.redo-all")).click();
        waiting().until(d -> d.findElement(By.cssSelector(".notice")).getText().startsWith("已把 "));
        withdraw(broken);

        // the administrator disables the account: its open session is signed out at its next page
        String[] aid = session("xj-aid", "xinjiang-2026-aid");
        String[] aidScript = session("xj-aid", "xinjiang-2026-aid");
        browser.get(url("/admin/users"));
        browser.findElement(By.xpath("//tr[@data-account='xj-aid']//button[text()='停用']")).click();
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("tr[data-account='xj-aid']")).getText().contains("已停用"));
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(url("/api/assets"))).header("Cookie", aidScript[0]).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the API on the disabled account's session");
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(url("/"))).header("Cookie", aid[0]).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, after.statusCode());
        assertTrue(after.headers().firstValue("Location").orElse("").endsWith("/login?disabled"));
        String[] viewer = session("viewer");
        assertEquals(403, http.send(HttpRequest.newBuilder(URI.create(url("/admin/users"))).header("Cookie", viewer[0]).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "accounts are for administrators");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url("/admin/users")))
                .header("Cookie", viewer[0]).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=mole&role=ADMIN&_csrf=" + viewer[1])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), "a viewer's post with a valid CSRF token is refused");
        assertEquals(0, db.getCollection("users").countDocuments(new org.bson.Document("name", "mole")));
    }

    // ---- the same rules without a browser: sessions, CSRF, escaping, tokens, stored passwords

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Signs in over HTTP: the session cookie and the page's CSRF token. */
    private String[] session(String name) throws Exception {
        return session(name, PASSWORD);
    }

    private String[] session(String name, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = csrfOf(page.body());
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=" + password + "&_csrf=" + csrf))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, in.statusCode());
        String signedIn = in.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(cookie);
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(url("/"))).header("Cookie", signedIn).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        return new String[] {signedIn, csrfOf(home.body())};
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "a CSRF token in the page");
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    @Autowired
    org.yingzhi.security.AccountService accountService;

    /**
     * What the hostile probe got past: the session cookie is HttpOnly and SameSite=Lax; signing in needs the form's
     * CSRF token (no login CSRF); a disabled account's configured token is refused; an account still holding its
     * one-time password can neither read nor write over the API nor mint a token until it sets its own.
     */
    @Test
    void accountControlsHoldOverTheApi() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        // another site's page posting the sign-in form has no token of ours: refused, no session made
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode(), forged.body());

        // a disabled account: its configured token no longer works, with the reason
        org.yingzhi.security.User admin = new org.yingzhi.security.User("admin", "admin", org.yingzhi.security.Role.ADMIN, "省地方志办公室");
        Api api = new Api(port);
        assertEquals(200, api.get("/api/assets", "dev-producer-token").status());
        accountService.setDisabled("producer", true, admin);
        try {
            Api.Response refused = api.get("/api/assets", "dev-producer-token");
            assertEquals(403, refused.status(), refused.body());
            assertEquals("policy.disabled", refused.json().get("code").asString());
            assertEquals(403, api.post("/api/me/tokens", "dev-producer-token", "{\"label\":\"x\"}").status(), "mints none");
        } finally {
            accountService.setDisabled("producer", false, admin);
        }
        assertEquals(200, api.get("/api/assets", "dev-producer-token").status());

        // a new account with its one-time password: nothing over the API until it sets its own
        String name = "otp-" + System.nanoTime() % 100000;
        String otp = api.post("/api/users", Api.ADMIN, "{\"name\":\"" + name + "\",\"role\":\"VIEWER\",\"unit\":\"省地方志办公室\"}")
                .json().get("oneTimePassword").asString();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String anon = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).header("Cookie", anon)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=" + java.net.URLEncoder.encode(otp,
                        java.nio.charset.StandardCharsets.UTF_8) + "&_csrf=" + csrfOf(login.body()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, in.statusCode());
        String session = in.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(anon);
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(url("/me"))).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = csrfOf(me.body());
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(url("/api/assets"))).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, read.statusCode(), read.body());
        assertTrue(read.body().contains("policy.setPasswordFirst"), read.body());
        HttpResponse<String> mint = http.send(HttpRequest.newBuilder(URI.create(url("/api/me/tokens"))).header("Cookie", session)
                .header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, mint.statusCode(), mint.body());
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(url("/api/me/password"))).header("Cookie", session)
                .header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"current\":\"" + otp + "\",\"password\":\"a-long-new-password-7\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, set.statusCode(), set.body());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url("/api/assets"))).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "its own password set: the API opens");
    }

    /** Backups have a page: the last ones with manifest and size, taking one, and warnings when they are at risk. */
    @Test
    void theBackupsPageListsTakesAndWarns() throws Exception {
        uploadSamplesAndWait();
        signIn("admin");
        browser.get(url("/admin/backups"));
        String warnings = browser.findElement(By.id("backup-warnings")).getText();
        assertTrue(warnings.contains("同一块磁盘"), "backups under the data directory share its disk: " + warnings);
        int before = browser.findElements(By.cssSelector("#backups tr")).size();
        browser.findElement(By.id("take-backup")).click();
        waiting().until(d -> d.findElement(By.cssSelector(".notice")).getText().startsWith("已备份："));
        List<WebElement> rows = browser.findElements(By.cssSelector("#backups tr"));
        assertEquals(Math.max(2, before + 1), rows.size(), "a header and the new backup");
        assertTrue(rows.get(1).getText().contains("assets " + db.getCollection("assets").countDocuments()), rows.get(1).getText());
        assertFalse(browser.findElement(By.id("backup-warnings")).getText().contains("还没有任何"));
        shot("backups");
        signIn("editor");
        browser.get(url("/admin/backups"));
        assertTrue(browser.findElements(By.id("take-backup")).isEmpty(), "for administrators only");
    }

    @Test
    void sessionsTokensAndEscaping() throws Exception {
        uploadSamplesAndWait();
        // no session, no token: the API answers 401, a page sends to sign-in
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(url("/api/assets"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/assets/" + ids.get("tone.wav")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/login"));

        String[] s = session("admin");
        // the session opens the API for the browser (players, posters)
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url("/api/assets/" + ids.get("tone.wav"))))
                .header("Cookie", s[0]).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        // a cross-site form post rides on the cookie but has no CSRF token: refused, nothing changed
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url("/assets/" + ids.get("tone.wav"))))
                .header("Cookie", s[0]).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode());
        HttpResponse<String> forgedApi = http.send(HttpRequest.newBuilder(URI.create(url("/api/assets/" + ids.get("tone.wav"))))
                .header("Cookie", s[0]).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"forged\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forgedApi.statusCode(), forgedApi.body());
        Api api = new Api(port);
        assertEquals("采访录音测试音", api.get("/api/assets/" + ids.get("tone.wav"), Api.ADMIN).json().get("title").asString());

        // a title with markup is shown as text
        api.patch("/api/assets/" + ids.get("tone.wav"), Api.ADMIN, "{\"title\":\"<script>alert(1)</script>录音\"}");
        String html = http.send(HttpRequest.newBuilder(URI.create(url("/assets/" + ids.get("tone.wav"))))
                .header("Cookie", s[0]).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;录音"), "escaped");
        assertFalse(html.contains("<script>alert(1)"), "never as markup");

        // a personal token works until it is revoked, and not a moment after
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(url("/api/me/tokens")))
                .header("Cookie", s[0]).header("X-CSRF-TOKEN", s[1]).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"脚本\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, made.statusCode(), made.body());
        JsonNode token = org.yingzhi.shared.json.Json.MAPPER.readTree(made.body());
        String t = token.get("token").asString();
        assertEquals(200, api.get("/api/assets", t).status());
        assertEquals(204, api.delete("/api/me/tokens/" + token.get("stored").get("id").asString(), t).status());
        assertEquals(401, api.get("/api/assets", t).status(), "revoked: refused at once");

        // passwords and tokens are stored as hashes only
        org.bson.Document admin = db.getCollection("users").find(new org.bson.Document("name", "admin")).first();
        assertTrue(admin.getString("passwordHash").startsWith("$2"), "BCrypt");
        assertFalse(admin.toJson().contains(PASSWORD));
        assertFalse(db.getCollection("apiTokens").find().first().toJson().contains(t));
    }

    @Test
    void failedSignInsAreThrottled() throws Exception {
        // an account no other browser test signs in with: its sign-in stays throttled for the rest of the run
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = csrfOf(page.body());
        String last = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=tibet-team&password=guess" + i + "&_csrf=" + csrf))
                    .build(), HttpResponse.BodyHandlers.ofString());
            last = r.headers().firstValue("Location").orElse("");
        }
        assertTrue(last.contains("error"), last);
        String shown = http.send(HttpRequest.newBuilder(URI.create(url("/login?error"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(shown.contains("登录失败次数过多"), "the sixth try is refused without checking the password");
    }
}
