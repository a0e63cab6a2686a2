package dev.seq2seq.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq2seq.data.SentencePair;
import dev.seq2seq.data.ToyTasks;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * The translation page in a real browser: Selenium drives Debian's headless Chromium (through
 * {@code /usr/bin/chromedriver}, so Selenium downloads nothing) against a server on loopback. It
 * types a sentence, waits for the translation, the n-best list and the attention heatmap, and saves
 * a screenshot as {@code build/screenshots/translation-page.png}.
 *
 * <p>{@code bin/setup} installs the browser; {@code bin/test} sets {@code
 * seq2seq.requireBrowser=true}, so there a missing browser fails the test instead of skipping it.
 */
class TranslationPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static TranslationServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (Boolean.getBoolean("seq2seq.requireBrowser")) {
            assertTrue(present, "no " + CHROMIUM + " or " + DRIVER + ": run bin/setup");
        }
        Assumptions.assumeTrue(present, "no Chromium here: run bin/setup to install it");
        server = ServeFixture.server();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1200,900");
        ChromeDriverService service =
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    @Test
    void aTypedSentenceGetsItsTranslationAlternativesAndHeatmap() throws Exception {
        String sentence =
                ToyTasks.copy(1, 8, 5, 5, 11).stream().map(SentencePair::source).toList().get(0);
        String expected = ServeFixture.alone(sentence);
        browser.get(server.url());
        waitUpTo(10)
                .until(
                        ExpectedConditions.not(
                                ExpectedConditions.textToBe(By.id("provenance"), "")));
        new Select(browser.findElement(By.id("beam"))).selectByValue("1");
        WebElement source = browser.findElement(By.id("source"));
        source.clear();
        source.sendKeys(sentence);
        browser.findElement(By.id("translate")).click();
        waitUpTo(30)
                .until(
                        ExpectedConditions.numberOfElementsToBeMoreThan(
                                By.cssSelector("#heatmap rect.cell"), 0));

        assertEquals(expected, browser.findElement(By.id("translation")).getText());
        List<WebElement> alternatives = browser.findElements(By.cssSelector("#nbest li"));
        assertEquals(1, alternatives.size(), "greedy search gives one alternative");
        int sourceTokens = sentence.split(" ").length + 1; // and <eos>
        int outputTokens = expected.split(" ").length + 1;
        assertEquals(
                sourceTokens * outputTokens,
                browser.findElements(By.cssSelector("#heatmap rect.cell")).size(),
                "one heatmap cell per (output token, source token)");
        assertTrue(browser.findElement(By.id("heatmap")).getText().contains("<eos>"));
        assertFalse(browser.findElement(By.id("provenance")).getText().isBlank());
        assertEquals("", browser.findElement(By.id("error")).getText());

        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("..", "build", "screenshots", "translation-page.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(target) > 10_000, "screenshot " + Files.size(target) + " bytes");
    }

    @Test
    void beamAlternativesAreListedBestFirst() {
        browser.get(server.url());
        new Select(browser.findElement(By.id("beam"))).selectByValue("4");
        WebElement source = browser.findElement(By.id("source"));
        source.clear();
        source.sendKeys("a b c d");
        browser.findElement(By.id("translate")).click();
        waitUpTo(30)
                .until(
                        ExpectedConditions.numberOfElementsToBeMoreThan(
                                By.cssSelector("#nbest li"), 1));
        List<WebElement> scores = browser.findElements(By.cssSelector("#nbest li .score"));
        double previous = Double.POSITIVE_INFINITY;
        for (WebElement score : scores) {
            double value = Double.parseDouble(score.getText());
            assertTrue(value <= previous, "scores best first: " + value + " after " + previous);
            previous = value;
        }
    }

    @Test
    void anEmptySentenceShowsAnErrorAndTheNextOneStillWorks() {
        browser.get(server.url());
        browser.findElement(By.id("source")).clear();
        browser.findElement(By.id("translate")).click();
        waitUpTo(10).until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("error"), "")));
        assertFalse(browser.findElement(By.id("error")).getText().isBlank());
        browser.findElement(By.id("source")).sendKeys("a b");
        browser.findElement(By.id("translate")).click();
        waitUpTo(30).until(ExpectedConditions.textToBe(By.id("error"), ""));
        waitUpTo(30)
                .until(
                        ExpectedConditions.not(
                                ExpectedConditions.textToBe(By.id("translation"), "")));
    }
}
