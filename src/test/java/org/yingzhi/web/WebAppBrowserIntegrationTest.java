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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * {@code src/docs/screenshots} (the README shows them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserIntegrationTest {

    static final Path DATA = TestDataDir.create("webapp");
    static final Path SHOTS = Path.of("src/docs/screenshots");
    static final String PASSWORD = "yingzhi-demo";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("yingzhi.storage.data-dir", DATA::toString);
        r.add("yingzhi.upload.page-chunk", () -> "16KB"); // the sample clip goes in four requests
    }

    @LocalServerPort
    int port;
    @Autowired
    com.mongodb.client.MongoDatabase db;

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

    private void signIn(String name) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        waiting().until(d -> d.getCurrentUrl().equals(url("/")));
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
                return org.yingzhi.shared.json.Json.MAPPER.writeValueAsString(m);
            }
        }
        throw new AssertionError("no metadata for " + file);
    }

    @Test
    @Order(1)
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
    @Order(2)
    void aClipIsUploadedFromThePagePausedMidWayAndResumed() throws Exception {
        signIn("admin");
        browser.get(url("/upload"));
        String[] csv = null;
        for (String line : Files.readAllLines(Samples.get("metadata.csv"))) {
            if (line.startsWith("clip-2997df.mov,")) {
                csv = line.split(",", -1);
            }
        }
        browser.findElement(By.id("u-title")).sendKeys(csv[1]);
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
            browser.findElement(By.id("choose-files")).sendKeys(Samples.get("clip-2997df.mov").toString());
            browser.findElement(By.id("start")).click();
            // the first chunk arrives, then the upload is paused in the middle of another
            var uploads = db.getCollection("uploads");
            long size = Files.size(Samples.get("clip-2997df.mov"));
            long end = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < end) {
                org.bson.Document u = uploads.find().first();
                if (u != null && u.get("offset", Number.class).longValue() >= 16 * 1024) {
                    break;
                }
                Thread.sleep(50);
            }
            browser.findElement(By.id("pause")).click();
            Thread.sleep(500);
            long held = uploads.find().first().get("offset", Number.class).longValue();
            assertTrue(held >= 16 * 1024 && held < size, "paused part-way: the server holds " + held + " of " + size);
            assertTrue(browser.findElement(By.cssSelector(".file .state")).getText().contains("已暂停"));
            ((JavascriptExecutor) browser).executeScript("document.getElementById('drop').scrollIntoView()");
            shot("upload");
        } finally {
            ((org.openqa.selenium.chromium.HasNetworkConditions) browser).deleteNetworkConditions();
        }
        browser.findElement(By.id("start")).click();
        waiting().until(d -> d.findElement(By.cssSelector(".file .state")).getText().contains("完成"));
        String href = browser.findElement(By.cssSelector(".file .state a")).getAttribute("href");
        String id = href.substring(href.lastIndexOf('/') + 1);
        Api api = new Api(port);
        JsonNode a = api.get("/api/assets/" + id, Api.ADMIN).json();
        assertEquals(csv[1], a.get("title").asString());
        assertEquals(csv[3], a.get("contributorUnit").asString());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(Samples.get("clip-2997df.mov")))), a.get("original").get("sha256").asString());
        long until = System.currentTimeMillis() + 120_000;
        while (!a.get("status").asString().matches("READY|PARTIAL|FAILED") && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            a = api.get("/api/assets/" + id, Api.ADMIN).json();
        }
        assertEquals("READY", a.get("status").asString(), "processed like any upload");
    }

    @Test
    @Order(3)
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
    @Order(4)
    void thePlayerShowsTheSourceTimecodeOfTheFrameOnScreen() throws Exception {
        uploadSamplesAndWait();
        signIn("reviewer");
        browser.get(url("/assets/" + ids.get("clip-2997df.mov")));
        WebElement video = browser.findElement(By.id("video"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        waiting().until(d -> ((Number) js.executeScript("return arguments[0].readyState", video)).intValue() >= 1);
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
        assertFalse(browser.findElements(By.cssSelector(".panel.edit")).isEmpty(), "the office may edit");
    }

    @Test
    @Order(5)
    void aViewerSeesNoEditFormAndTheServerRefusesTheEditAnyway() throws Exception {
        uploadSamplesAndWait();
        signIn("viewer");
        String id = ids.get("photo-lhasa.jpg");
        browser.get(url("/assets/" + id));
        assertTrue(browser.findElements(By.cssSelector(".panel.edit")).isEmpty(), "no edit form for a viewer");
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
    @Order(8)
    void theOutlineAndAChapterShowTheirMaterial() throws Exception {
        uploadSamplesAndWait();
        Api api = new Api(port);
        assertEquals(200, api.uploadTo("/api/outline/import", "outline.docx",
                org.yingzhi.support.SampleOutline.docx(org.yingzhi.support.SampleOutline.ORIGINAL), Api.EDITOR, null).status());
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
        shot("outline");
        row.findElement(By.tagName("a")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/outline/" + section));
        assertTrue(browser.findElement(By.cssSelector(".totals")).getText().startsWith("共 2 条关联"));
        assertTrue(browser.findElement(By.cssSelector(".moments")).getText().contains("01:00:59;20–01:01:00;20"));
        shot("chapter");
        browser.findElement(By.xpath("//ul[contains(@class,'moments')]//a[.//span[contains(text(),'01:00:59;20')]]")).click();
        waiting().until(d -> d.findElement(By.id("tc")).getText().equals("01:00:59;20"));

        // the index: a person found by pinyin initials, and the moments that show him
        Api.Response person = api.post("/api/index/people", Api.EDITOR,
                "{\"name\":\"张晓明\",\"roles\":[\"援藏干部\"],\"biography\":\"第三批援藏干部。\"}");
        String zhang = person.json().get("id").asString();
        assertEquals(201, api.post("/api/links", Api.EDITOR, "{\"asset\":\"" + ids.get("clip-2997df.mov")
                + "\",\"target\":\"person\",\"targetId\":\"" + zhang
                + "\",\"in\":\"01:01:00;02\",\"out\":\"01:01:01;00\",\"note\":\"讲话\"}").status());
        browser.get(url("/index?q=zxm"));
        WebElement found = browser.findElement(By.xpath("//ul[@class='entries']//a[text()='张晓明']"));
        assertTrue(browser.findElement(By.cssSelector(".kinds")).getText().contains("人物 1"));
        shot("index");
        found.click();
        waiting().until(d -> d.getCurrentUrl().contains("/index/people/" + zhang));
        assertTrue(browser.findElement(By.cssSelector(".moments")).getText().contains("01:01:00;02–01:01:01;00"));
        shot("person");
    }

    // ---- the same rules without a browser: sessions, CSRF, escaping, tokens, stored passwords

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Signs in over HTTP: the session cookie and the page's CSRF token. */
    private String[] session(String name) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = csrfOf(page.body());
        HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=" + PASSWORD + "&_csrf=" + csrf))
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

    @Test
    @Order(6)
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
    @Order(7)
    void failedSignInsAreThrottled() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = csrfOf(page.body());
        String last = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=producer&password=guess" + i + "&_csrf=" + csrf))
                    .build(), HttpResponse.BodyHandlers.ofString());
            last = r.headers().firstValue("Location").orElse("");
        }
        assertTrue(last.contains("error"), last);
        String shown = http.send(HttpRequest.newBuilder(URI.create(url("/login?error"))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(shown.contains("登录失败次数过多"), "the sixth try is refused without checking the password");
    }
}
