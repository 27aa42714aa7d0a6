package org.hpolink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hpolink.text.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs): paste a note, see the findings highlighted, remove one, export, and compare the export with the
 * service's findings less the one removed. Leaves a screenshot in {@code target/review-page.png}.
 */
class ReviewPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String NOTE = "EARS: low set, thin helices\nEYES: hooded eyelids, no epicanthus";

    private HpolinkServer server;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new AssertionError(CHROMIUM + " and " + CHROMEDRIVER + " are needed (Debian: apt-get install chromium chromium-driver)");
        }
        server = HpolinkServer.start(new ServerSettings("127.0.0.1", 0, ServerLimits.DEFAULTS, Optional.empty()), TinyService.served());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,760");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pasteReviewAndExport() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("note")).sendKeys(NOTE);
        browser.findElement(By.id("annotate")).click();
        wait.until(d -> d.findElements(By.cssSelector("#findings li")).size() == 4);

        List<String> marked = new ArrayList<>();
        for (WebElement mark : browser.findElements(By.cssSelector("#text mark"))) {
            marked.add(mark.getText() + (mark.getAttribute("class").contains("negated") ? " (negated)" : ""));
        }
        assertEquals(List.of("EARS", "low set", "thin helices", "hooded eyelids", "epicanthus (negated)"), marked,
                "each finding's segments highlighted, EARS and low set being one finding's two");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "review-page.png"), browser.getScreenshotAs(OutputType.BYTES));

        WebElement thin = browser.findElements(By.cssSelector("#findings li")).stream()
                .filter(li -> li.getText().contains("HP:0009905")).findFirst().orElseThrow();
        thin.findElement(By.cssSelector("button.remove")).click();
        wait.until(d -> d.findElements(By.cssSelector("#findings li")).size() == 3);
        browser.findElement(By.id("export-json")).click();
        JsonNode exported = JSON.readTree(browser.findElement(By.id("export")).getText());

        List<String> expectedIds = TinyService.annotator().annotate(List.of(new Document("note", NOTE))).get(0).findings().stream()
                .map(f -> f.id().toString()).filter(id -> !id.equals("HP:0009905")).toList();
        List<String> exportedIds = new ArrayList<>();
        exported.path("documents").path(0).path("findings").forEach(f -> exportedIds.add(f.path("hpo").asText()));
        assertEquals(expectedIds, exportedIds);
        JsonNode low = exported.path("documents").path(0).path("findings").path(0);
        assertEquals("[[0,4],[6,13]]", low.path("spans").toString());
        assertEquals("EARS low set", low.path("text").asText());

        browser.findElement(By.id("export-ids")).click();
        assertTrue(browser.findElement(By.id("export")).getText().startsWith("HP:0000369\nHP:0030820"), browser.findElement(By.id("export")).getText());
    }
}
