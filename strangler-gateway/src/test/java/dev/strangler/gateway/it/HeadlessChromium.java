package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The machine's own Chromium and chromedriver, headless, for the dashboard's browser test, found as the analyzer's
 * browser tests find them (modules share no test classes). Selenium Manager is never asked to download a browser: a
 * machine without one fails the test with a message saying how to install it. The performance log is on, so that a
 * test can read every URL the browser requested.
 */
final class HeadlessChromium {
    private HeadlessChromium() {
    }

    static ChromeDriver start() {
        Path browser = find("CHROME_BIN", List.of("chromium", "chromium-browser", "google-chrome"),
                List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium"));
        Path driver = find("CHROMEDRIVER", List.of("chromedriver"), List.of("/usr/lib/chromium/chromedriver"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-default-apps", "--no-first-run", "--disable-extensions",
                        "--window-size=1500,900", "--force-device-scale-factor=1");
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
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
                        + ", so the dashboard cannot be tested in a real browser. Install Chromium and its driver "
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
