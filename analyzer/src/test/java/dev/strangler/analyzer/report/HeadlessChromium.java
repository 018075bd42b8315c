package dev.strangler.analyzer.report;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * The machine's own Chromium and chromedriver, headless, for the browser tests. Selenium Manager is never asked to
 * download a browser: a machine without one fails the tests with a message saying how to install it.
 */
final class HeadlessChromium {
    private HeadlessChromium() {
    }

    static ChromeDriver start() {
        Path browser = find("CHROME_BIN", List.of("chromium", "chromium-browser", "google-chrome"),
                List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium"));
        Path driver = find("CHROMEDRIVER", List.of("chromedriver"), List.of("/usr/lib/chromium/chromedriver"));
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1400,900", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    private static Path find(String variable, List<String> names, List<String> known) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given);
            if (!Files.isExecutable(path)) {
                fail(variable + " is set to " + given + ", which is not an executable file; point it at the "
                        + String.join(" or ", names) + " binary, or unset it");
            }
            return path;
        }
        return names.stream().map(HeadlessChromium::onPath).flatMap(Optional::stream).findFirst()
                .or(() -> known.stream().map(Path::of).filter(Files::isExecutable).findFirst())
                .orElseGet(() -> fail("No " + String.join(", ", names) + " found on the PATH or in " + known
                        + ", so the HTML report cannot be tested in a real browser. Install Chromium and its driver "
                        + "(Debian/Ubuntu: apt-get install -y chromium chromium-driver; .ci/run does this), or set "
                        + "CHROME_BIN and CHROMEDRIVER to a Chrome or Chromium and the matching chromedriver."));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
