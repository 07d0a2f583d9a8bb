package dev.pertouch.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page as a person uses it, in Debian's Chromium driven by Playwright, against the real server. */
class BrowserTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    /** The shown image's pixels reduced to a signature: the sum over a 64x64 canvas drawing of it. */
    private static final String PIXEL_SIGNATURE = """
            () => { const img = document.getElementById('result');
              const c = document.createElement('canvas'); c.width = 64; c.height = 64;
              const g = c.getContext('2d'); g.drawImage(img, 0, 0, 64, 64);
              const d = g.getImageData(0, 0, 64, 64).data; let s = 0;
              for (let i = 0; i < d.length; i += 4) { s += d[i] * 3 + d[i + 1] * 5 + d[i + 2] * 7; }
              return s; }""";

    @TempDir
    static Path dataDir;
    static PerTouchServer server;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void start() {
        assertTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is needed: apt-get install chromium");
        server = PerTouchServer.start(ServerConfig.from(List.of("--port", "0", "--data-dir", dataDir.toString(),
                "--max-upload-mb", "2"), Map.of()));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void movingASliderRendersAndSwapsInChangedPixels() throws Exception {
        upload(TestPhotos.first());
        Locator slider = page.locator("#s-brightness");
        double start = Double.parseDouble(slider.inputValue());
        long before = signature();
        String src = page.locator("#result").getAttribute("src");

        slider.fill(sliderValue(Math.min(1.0, start + 0.5)));
        waitForNewImage(src);

        assertNotEquals(before, signature(), "the shown pixels changed");
        assertTrue(page.locator("#render-status").textContent().contains("rendered"));
        screenshot("editor");
    }

    @Test
    void anInstructionShowsTheAgentsAnswerAndTheNewRender() throws Exception {
        upload(TestPhotos.first());
        String src = page.locator("#result").getAttribute("src");
        long before = signature();

        page.locator("#instruct input[name=text]").fill("make it warmer");
        page.locator("#instruct button").click();
        page.locator(".turn .message").waitFor();
        waitForNewImage(src);

        assertEquals("make it warmer", page.locator(".turn .you").textContent());
        assertTrue(page.locator(".turn .changes").textContent().contains("temperature"));
        assertNotEquals(before, signature());
        screenshot("instruction");
    }

    @Test
    void regionsCanBeChosenByChipByNameAndByClickingThePhoto() throws Exception {
        upload(TestPhotos.DIR.resolve("picos.jpg"));
        page.locator("#chips .chip", new Page.LocatorOptions().setHasText("Sky")).click();
        page.waitForFunction("() => document.querySelector('#sliders h2').textContent === 'Sky'");
        waitForSettled();

        String src = page.locator("#result").getAttribute("src");
        Locator brightness = page.locator("#s-brightness");
        brightness.fill(sliderValue(Math.max(-1.0, Double.parseDouble(brightness.inputValue()) - 0.4)));
        waitForNewImage(src);

        page.locator("#select input[name=name]").fill("vegetation");
        page.locator("#select input[name=name]").press("Enter");
        page.waitForFunction("() => document.querySelector('#sliders h2').textContent === 'Vegetation'");

        page.locator("#show-regions").check();
        Locator photo = page.locator("#result");
        var box = photo.boundingBox();
        page.mouse().click(box.x + box.width * 0.5, box.y + box.height * 0.85);
        page.waitForFunction("() => document.querySelector('#sliders h2').textContent === 'Selection 1'");
        assertTrue(page.locator("#chips .chip.selected").textContent().contains("Selection 1"));
        page.waitForFunction("() => { const o = document.getElementById('overlay'); return o.complete && o.naturalWidth > 0"
                + " && getComputedStyle(o).opacity > 0.5; }");
        assertTrue(page.locator("#frame").getAttribute("class").contains("show-regions"));
        screenshot("regions");
    }

    @Test
    void aPhotoDroppedOnThePageIsUploadedAndShown() throws Exception {
        String base64 = java.util.Base64.getEncoder().encodeToString(TestPhotos.bytes(TestPhotos.first()));
        page.evaluate("""
                data => { const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                  const dt = new DataTransfer();
                  dt.items.add(new File([bytes], 'dropped.jpg', { type: 'image/jpeg' }));
                  const zone = document.querySelector('.dropzone');
                  zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
                  zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt })); }""",
                base64);
        page.locator("#result").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        page.waitForFunction("() => { const i = document.getElementById('result'); return i.complete && i.naturalWidth > 0; }");
        assertTrue(page.url().contains("?photo=p_"), page.url());
    }

    @Test
    void aFileThatIsNotAPhotoGetsAClearMessageAndThePageKeepsWorking() throws Exception {
        page.locator("#file").setInputFiles(new FilePayload("notes.jpg", "image/jpeg",
                "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8)));
        Locator error = page.locator("#messages .error");
        error.waitFor();
        assertTrue(error.textContent().toLowerCase().contains("not"), error.textContent());

        page.locator("#file").setInputFiles(new FilePayload("big.jpg", "image/jpeg", new byte[3 * 1024 * 1024]));
        page.waitForFunction("() => document.querySelector('#messages .error').textContent.includes('MB')");

        upload(TestPhotos.first());
    }

    private void upload(Path photo) {
        page.locator("#file").setInputFiles(photo);
        page.locator("#result").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        page.waitForFunction("() => { const i = document.getElementById('result'); return i.complete && i.naturalWidth > 0; }");
        waitForSettled();
    }

    /** htmx attaches its listeners to swapped-in content as it settles; a person never acts faster than that. */
    private void waitForSettled() {
        page.waitForFunction("() => !document.querySelector('.htmx-added, .htmx-settling, .htmx-swapping, .htmx-request')");
    }

    private void waitForNewImage(String oldSrc) {
        page.waitForFunction("old => { const i = document.getElementById('result'); "
                + "return i.getAttribute('src') !== old && i.complete && i.naturalWidth > 0; }", oldSrc);
    }

    private long signature() {
        return ((Number) page.evaluate(PIXEL_SIGNATURE)).longValue();
    }

    private void screenshot(String name) throws Exception {
        Path dir = Paths.get("target", "screenshots");
        Files.createDirectories(dir);
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")));
    }

    /** A slider value written the way the browser writes it back (0.3, not 0.30), which Playwright's fill checks. */
    private static String sliderValue(double value) {
        return java.math.BigDecimal.valueOf(Math.round(value * 100) / 100.0).stripTrailingZeros().toPlainString();
    }
}
