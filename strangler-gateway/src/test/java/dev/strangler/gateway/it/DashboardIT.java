package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.StranglerGatewayApplication;
import dev.strangler.gateway.web.AdminServer;
import dev.strangler.lambdalocal.LambdaLocal;
import dev.strangler.lambdalocal.execution.FunctionConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real headless Chromium, against a gateway of its own in front of the fake monolith and
 * lambda-local running the echo function, all on loopback: login with the admin token (and a wrong one refused), the
 * routes with live figures, a change made through the admin API showing on the page, a rollback clicked on the page
 * reaching the route file and the audit log, and no URL the browser requested holding the token. Screenshots go to
 * {@code target/dashboard/}.
 */
class DashboardIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "dashboard-it-token-0123456789";
    private static final Path SHOTS = Path.of("target/dashboard");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static FakeMonolith monolith;
    private static LambdaLocal lambdaLocal;
    private static ConfigurableApplicationContext gateway;
    private static Path routes;
    private static URI gatewayUri;
    private static URI adminUri;
    private static ChromeDriver browser;
    private final List<String> visited = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(SHOTS);
        browser = HeadlessChromium.start();
        monolith = FakeMonolith.start();
        lambdaLocal = LambdaLocal.start(0);
        Path jar = Path.of(System.getProperty("sample.functions.jar", "target/it/sample-functions.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("sample function jar " + jar + " is missing; run the integration tests"
                    + " through Maven (./mvnw -pl strangler-gateway verify), which copies it there");
        }
        lambdaLocal.deploy(FunctionConfig.parse("name=echo,jar=" + jar
                + ",handler=dev.strangler.samples.HttpApiEchoHandler::handleRequest,timeout=5,concurrency=2"));
        routes = Files.createTempDirectory("strangler-dashboard-it").resolve("routes.yml");
        Files.writeString(routes, """
                version: 1
                routes:
                  - id: orders
                    paths: ["/orders/**"]
                    target: {lambda: "echo"}
                    weight: 100
                  - id: users
                    paths: ["/users/**"]
                    target: {lambda: "echo"}
                    weight: 0
                  - id: reports
                    paths: ["/reports/**"]
                    target: {lambda: "echo"}
                    weight: 50
                  - id: legacy
                    paths: ["/legacy/**"]
                    target: monolith
                    weight: 0
                  - id: catalog
                    paths: ["/catalog/**"]
                    target: {lambda: "echo"}
                    weight: 0
                    shadow: {percent: 100}
                  - id: search
                    paths: ["/search/**"]
                    target: {lambda: "echo"}
                    weight: 0
                """);
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        gateway = new SpringApplicationBuilder(StranglerGatewayApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--strangler.routes.file=" + routes,
                "--strangler.routes.reload-interval=200ms", "--strangler.monolith.uri=" + monolith.uri(),
                "--strangler.lambda.endpoint=" + lambdaLocal.endpoint(), "--strangler.lambda.invoke-timeout=4s",
                "--strangler.admin.port=0", "--strangler.admin.token=" + TOKEN, "--strangler.shutdown.drain-delay=0s");
        gatewayUri = URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"));
        adminUri = URI.create("http://127.0.0.1:" + gateway.getBean(AdminServer.class).port());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (lambdaLocal != null) {
            lambdaLocal.close();
        }
        if (monolith != null) {
            monolith.close();
        }
    }

    @AfterEach
    void the_token_never_appears_in_a_url_the_browser_requested() {
        visited.addAll(requestedUrls());
        visited.add(browser.getCurrentUrl());

        assertThat(visited).isNotEmpty().allSatisfy(url -> assertThat(url).doesNotContain(TOKEN)
                .doesNotContain(URLEncoder.encode(TOKEN, StandardCharsets.UTF_8)));
        browser.manage().deleteAllCookies();
    }

    @Test
    void a_wrong_token_is_refused_and_opens_no_session() throws Exception {
        browser.get(adminUri + "/dashboard");
        browser.findElement(By.id("token")).sendKeys(TOKEN + "-wrong");
        browser.findElement(By.id("login")).click();

        WebElement error = waitFor(By.id("login-error"));
        assertThat(error.getText()).contains("Wrong admin token");
        assertThat(browser.manage().getCookieNamed("strangler_session")).isNull();
        assertThat(browser.findElements(By.cssSelector("#routes"))).isEmpty();
        assertThat(send(HttpRequest.newBuilder(adminUri.resolve("/dashboard/state"))).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(adminUri.resolve("/routes"))
                .header("Authorization", "Bearer " + TOKEN + "-wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void shows_every_route_with_live_figures_and_a_weight_change_made_through_the_api_within_seconds() throws Exception {
        logIn();
        for (int i = 0; i < 12; i++) {
            assertThat(send(HttpRequest.newBuilder(gatewayUri.resolve("/orders/" + i))).statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(gatewayUri.resolve("/legacy/" + i))).statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(gatewayUri.resolve("/catalog/" + i))).statusCode()).isEqualTo(200);
        }

        List<String> ids = browser.findElements(By.cssSelector("#routes tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-route")).toList();
        assertThat(ids).containsExactly("orders", "users", "reports", "legacy", "catalog", "search");
        waitUntil(() -> cell("orders", "function").contains("/s") && cell("legacy", "monolith").contains("/s"));
        assertThat(cell("orders", "target")).isEqualTo("lambda:echo");
        assertThat(cell("orders", "breaker")).startsWith("closed");
        assertThat(cell("legacy", "breaker")).isEqualTo("–");
        assertThat(browser.findElement(By.id("progress-routes")).getText()).matches("[23] of 6");
        assertThat(browser.findElement(By.id("progress-promoted")).getText()).isEqualTo("1");
        waitUntil(() -> cell("catalog", "shadow").matches("100 % copied · \\d+(\\.\\d)? % of \\d+ matched")
                && !browser.findElements(By.cssSelector("#differences [data-route='catalog'] li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#differences [data-route='catalog'] li")).getText())
                .startsWith("GET /catalog/").contains("monolith 200, target 200").contains("differs in");
        assertThat(browser.findElement(By.id("progress-share")).getText()).endsWith("%");
        assertThat(browser.executeScript("return document.cookie")).asString().doesNotContain("strangler_session");

        long sent = System.nanoTime();
        HttpResponse<byte[]> set = send(admin("/routes/users").header("X-Strangler-Actor", "api-user")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"weight\":30}")));
        assertThat(set.statusCode()).isEqualTo(200);
        waitUntil(() -> cell("users", "weight").startsWith("30 %"));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(5));
        assertThat(send(admin("/routes/search/rollout").POST(HttpRequest.BodyPublishers.ofString("{steps: [10, 100], hold: 5m}")))
                .statusCode()).isEqualTo(200);
        assertThat(send(admin("/routes/search/rollout/pause").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(200);
        waitUntil(() -> cell("search", "rollout").equals("1/2 (10) paused"));
        screenshot("dashboard.png");
    }

    @Test
    void shows_a_refused_edit_of_the_route_file_until_it_is_fixed() throws Exception {
        logIn();
        String good = Files.readString(routes);

        try {
            Files.writeString(routes, good.replaceFirst("weight: \\d+", "weight: lots"));
            waitUntil(() -> browser.findElement(By.id("refusal")).isDisplayed());
            assertThat(browser.findElement(By.id("refusal")).getText()).startsWith("Refused edit, not in force")
                    .contains("weight must be a whole number");
            screenshot("refused-edit.png");
        } finally {
            Files.writeString(routes, good);
        }
        waitUntil(() -> !browser.findElement(By.id("refusal")).isDisplayed());
    }

    @Test
    void a_rollback_and_a_weight_clicked_on_the_page_reach_the_route_file_and_the_audit_log() throws Exception {
        Path audit = routes.resolveSibling("routes.yml.audit.log");
        int before = Files.exists(audit) ? Files.readAllLines(audit).size() : 0;
        logIn();

        browser.findElement(By.id("reason")).sendKeys("error spike on reports");
        row("reports").findElement(By.cssSelector("button.rollback")).click();
        waitUntil(() -> cell("reports", "weight").startsWith("0 %"));
        WebElement weight = row("users").findElement(By.cssSelector("input.weight-input"));
        weight.clear();
        weight.sendKeys("40");
        row("users").findElement(By.cssSelector("button.set-weight")).click();
        waitUntil(() -> cell("users", "weight").startsWith("40 %"));

        String file = Files.readString(routes);
        assertThat(block(file, "reports")).contains("weight: 0");
        assertThat(block(file, "users")).contains("weight: 40");
        List<String> lines = Files.readAllLines(audit);
        assertThat(lines).hasSize(before + 2);
        assertThat(lines.get(before)).contains("\"who\":\"dashboard\"", "\"action\":\"rollback\"", "\"route\":\"reports\"",
                "\"reason\":\"error spike on reports\"", "\"after\":{\"target\":\"lambda:echo\",\"weight\":0}");
        assertThat(lines.get(before + 1)).contains("\"who\":\"dashboard\"", "\"action\":\"set\"", "\"route\":\"users\"",
                "\"weight\":40}");
        assertThat(browser.findElement(By.id("message")).getText()).contains("users").contains("40 %");
        screenshot("after-rollback.png");
    }

    @Test
    void a_sessions_change_needs_its_csrf_token_and_the_admin_ports_origin() throws Exception {
        String origin = "http://" + adminUri.getAuthority();
        HttpResponse<byte[]> login = send(HttpRequest.newBuilder(adminUri.resolve("/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8))));
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String page = new String(send(HttpRequest.newBuilder(adminUri.resolve("/dashboard")).header("Cookie", cookie)).body(),
                StandardCharsets.UTF_8);
        String csrf = page.replaceAll("(?s).*name=\"strangler-csrf\" content=\"([^\"]+)\".*", "$1");
        String file = Files.readString(routes);

        HttpResponse<byte[]> noToken = send(HttpRequest.newBuilder(adminUri.resolve("/routes/orders/rollback"))
                .header("Cookie", cookie).header("Origin", origin).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> foreign = send(HttpRequest.newBuilder(adminUri.resolve("/routes/orders/rollback"))
                .header("Cookie", cookie).header("X-Strangler-Csrf", csrf).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> foreignLogin = send(HttpRequest.newBuilder(adminUri.resolve("/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8))));
        HttpResponse<byte[]> state = send(HttpRequest.newBuilder(adminUri.resolve("/dashboard/state")).header("Cookie", cookie));

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).contains("/dashboard");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain(TOKEN);
        assertThat(csrf).hasSize(43);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreignLogin.statusCode()).isEqualTo(403);
        assertThat(foreignLogin.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(Files.readString(routes)).isEqualTo(file);
        assertThat(state.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(state.body());
        assertThat(json.get("routes")).hasSize(6);
        assertThat(json.get("store").asString()).endsWith("routes.yml");
    }

    private void logIn() {
        browser.get(adminUri + "/dashboard");
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.id("login")).click();
        waitFor(By.cssSelector("body[data-loaded='yes'] #routes tbody tr[data-route='orders']"));
    }

    private static WebElement row(String id) {
        return browser.findElement(By.cssSelector("#routes tbody tr[data-route='" + id + "']"));
    }

    private static String cell(String id, String column) {
        return row(id).findElement(By.cssSelector("td." + column)).getText();
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            List<WebElement> found = driver.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    /** The lines of route {@code id} in the route file, up to the next route. */
    private static String block(String file, String id) {
        int start = file.indexOf("id: \"" + id + "\"");
        assertThat(start).as("route %s in the route file:%n%s", id, file).isNotNegative();
        int next = file.indexOf("- id:", start);
        return file.substring(start, next < 0 ? file.length() : next);
    }

    /** The URLs of every request the browser sent since the last call, from Chromium's performance log. */
    private static List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asString().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asString());
                urls.add(message.path("params").path("documentURL").asString());
            }
        }
        return urls;
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(adminUri.resolve(path)).header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
