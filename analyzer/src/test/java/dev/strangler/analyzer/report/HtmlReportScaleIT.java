package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Decomposer;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.DecompositionOptions;
import dev.strangler.analyzer.core.ModelBuilder;
import dev.strangler.analyzer.core.Placement;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.core.RiskKind;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.Stereotype;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report of a generated codebase of 5,000 classes in headless Chromium: it opens, draws the candidates (not
 * the classes), and the class search and routes table answer. The figures go to stdout and the analyzer README; the
 * bound asserted is only the one past which the page would be unusable, as the build machine is shared.
 */
class HtmlReportScaleIT {
    private static final Path OUT = Path.of("target/html-report");
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(OUT);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void report_of_5000_classes_opens_and_finds_a_class_quickly_enough_to_use() throws IOException {
        Decomposition decomposition = new Decomposer().decompose(generated(50, 100, 20),
                DecompositionOptions.defaults(), ProgressListener.NONE);
        Path page = OUT.resolve("scale-5000.html");
        Files.writeString(page, new HtmlReportWriter().render(new JsonReportWriter().render(decomposition)),
                StandardCharsets.UTF_8);

        long start = System.nanoTime();
        browser.get(page.toAbsolutePath().toUri().toString());
        wait(By.cssSelector("body[data-ready=true]"));
        long opened = System.nanoTime();
        WebElement search = browser.findElement(By.id("class-search"));
        search.sendKeys("C77");
        WebElement first = wait(By.cssSelector("#search-results li[data-name]"));
        long found = System.nanoTime();
        String className = first.getAttribute("data-name");
        search.sendKeys(Keys.ENTER);
        wait(By.cssSelector("#details .class-name"));
        Files.write(OUT.resolve("scale-5000-search.png"), browser.getScreenshotAs(OutputType.BYTES));
        Number searchMs = (Number) browser.executeScript("const t = performance.now();"
                + " for (let i = 0; i < 20; i++) { window.strangler.search('c7' + i); }"
                + " return (performance.now() - t) / 20;");
        browser.findElement(By.cssSelector("#tabs button[data-tab=routes]")).click();
        wait(By.cssSelector("#tab-routes tbody tr"));
        long routes = System.nanoTime();

        String candidate = decomposition.placements().stream().filter(p -> p.name().value().equals(className))
                .map(Placement::candidate).findFirst().orElseThrow();
        assertThat(decomposition.placements()).hasSizeGreaterThanOrEqualTo(5000);
        assertThat(((Number) browser.executeScript("return window.strangler.graph.nodes().length")).intValue())
                .isEqualTo(decomposition.candidates().size());
        assertThat(browser.executeScript("return window.strangler.graph.nodes('.highlighted').map(n => n.id())"))
                .isEqualTo(List.of(candidate));
        System.out.printf(Locale.ROOT, "HTML report at scale: %d classes, %d routes, page %.1f MB: opened in %d ms, "
                        + "class search answered the typing in %d ms (80 ms of it the typing pause; one search in the page %.1f ms), "
                        + "routes tab in %d ms%n",
                decomposition.placements().size(), decomposition.codebase().entryPoints().size(),
                Files.size(page) / 1e6, (opened - start) / 1_000_000, (found - opened) / 1_000_000, searchMs.doubleValue(),
                (routes - found) / 1_000_000);
        assertThat(Duration.ofNanos(opened - start)).isLessThan(Duration.ofSeconds(30));
        Files.write(OUT.resolve("scale-5000-routes.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static WebElement wait(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> driver.findElement(what));
    }

    /** Areas of classes calling each other, 90 % of calls inside their own area; seeded, so always the same model. */
    private static Codebase generated(int areas, int classesPerArea, int routesPerArea) {
        ModelBuilder m = new ModelBuilder("generated", "p");
        Random random = new Random(5000);
        for (int a = 0; a < areas; a++) {
            for (int i = 0; i < classesPerArea; i++) {
                m.type("a" + a + ".C" + i, i == 0 ? Stereotype.ENTRY_POINT : Stereotype.SERVICE);
            }
            m.entity("a" + a + ".C1", "t" + a);
            m.risk("a" + a + ".C2", RiskKind.STATIC_MUTABLE_STATE, "static counter");
            m.problem("src/main/java/p/a" + a + "/C3.java", 4, Severity.WARNING, "unresolved name in area " + a);
        }
        for (int a = 0; a < areas; a++) {
            for (int i = 0; i < classesPerArea; i++) {
                for (int k = 0; k < 6; k++) {
                    int target = random.nextInt(10) < 9 ? a : random.nextInt(areas);
                    m.call("a" + a + ".C" + i + "#m" + k,
                            "a" + target + ".C" + random.nextInt(classesPerArea) + "#m" + random.nextInt(6));
                }
            }
            for (int r = 0; r < routesPerArea; r++) {
                m.route(r % 3 == 0 ? "POST" : "GET", "/a" + a + "/r" + r, "a" + a + ".C0#m" + (r % 6));
            }
        }
        return m.build();
    }
}
