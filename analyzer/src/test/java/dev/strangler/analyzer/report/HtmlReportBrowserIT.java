package dev.strangler.analyzer.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's committed {@code decomposition.html} in a real headless Chromium: the graph, a click on a service,
 * the class search, the routes filter, and markup from the codebase staying text. Screenshots go to
 * {@code target/html-report/}.
 */
class HtmlReportBrowserIT {
    private static final Path SAMPLE = Path.of("../reports/legacy-sample-monolith");
    private static final Path SHOTS = Path.of("target/html-report");
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assertThat(SAMPLE.resolve("decomposition.html"))
                .as("the sample's committed report; regenerate it with ./strangler analyze legacy-sample-monolith")
                .exists();
        Files.createDirectories(SHOTS);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void sample_report_draws_one_node_per_candidate_and_a_clicked_service_shows_its_routes() throws IOException {
        List<Map<String, Object>> candidates = candidates(sampleJson());
        Map<String, Object> busiest = candidates.stream().filter(c -> !(Boolean) c.get("sharedKernel"))
                .max((a, b) -> Integer.compare(list(a, "routes").size(), list(b, "routes").size())).orElseThrow();
        String name = (String) busiest.get("name");
        open(SAMPLE.resolve("decomposition.html"));

        Number nodes = (Number) browser.executeScript("return window.strangler.graph.nodes().length");
        clickNode(name);

        assertThat(nodes.intValue()).isEqualTo(candidates.size());
        WebElement details = wait(By.cssSelector("#details .service-name"));
        assertThat(details.getText()).startsWith(name);
        String panel = browser.findElement(By.id("details")).getText();
        for (Map<String, Object> route : list(busiest, "routes")) {
            assertThat(panel).contains((String) route.get("path"));
        }
        screenshot("sample-service.png");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_clicked_edge_and_an_opened_dependency_show_the_call_sites() throws IOException {
        Map<String, Object> orders = candidates(sampleJson()).stream()
                .filter(c -> "orders".equals(c.get("name"))).findFirst().orElseThrow();
        Map<String, Object> link = list(orders, "outbound").stream()
                .filter(l -> !"shared-kernel".equals(l.get("candidate")))
                .max((a, b) -> Double.compare(((Number) a.get("weight")).doubleValue(),
                        ((Number) b.get("weight")).doubleValue())).orElseThrow();
        String site = (String) ((List<Object>) list(link, "dependencies").get(0).get("sites")).get(0);
        open(SAMPLE.resolve("decomposition.html"));

        clickEdge("orders", (String) link.get("candidate"));
        String edgePanel = wait(By.id("details")).getText();
        clickNode("orders");
        wait(By.cssSelector("#details .service-name"));
        browser.findElements(By.cssSelector("#details .links summary")).stream()
                .filter(summary -> summary.getText().startsWith("→ " + link.get("candidate") + " ")).findFirst()
                .orElseThrow().click();

        assertThat(edgePanel).startsWith("orders → " + link.get("candidate")).contains(site);
        assertThat(browser.findElement(By.cssSelector("#details .links details[open]")).getText()).contains(site);
    }

    @Test
    void searching_a_class_highlights_the_service_it_went_to_and_says_why() throws IOException {
        Map<String, Object> json = sampleJson();
        Map<String, Object> placement = list(json, "classes").stream()
                .filter(c -> ((String) c.get("name")).endsWith(".OrderService")).findFirst().orElseThrow();
        String className = (String) placement.get("name");
        open(SAMPLE.resolve("decomposition.html"));

        WebElement search = browser.findElement(By.id("class-search"));
        search.sendKeys("OrderService");
        wait(By.cssSelector("#search-results li[data-name]"));
        search.sendKeys(Keys.ENTER);

        assertThat(wait(By.cssSelector("#details .class-name")).getText()).isEqualTo(className);
        assertThat(browser.findElement(By.id("details")).getText()).contains((String) placement.get("reason"));
        assertThat(browser.executeScript("return window.strangler.graph.nodes('.highlighted').map(n => n.id())"))
                .isEqualTo(List.of(placement.get("candidate")));
        screenshot("sample-class-search.png");
    }

    @Test
    void the_same_report_is_drawn_the_same_way_each_time() {
        String positions = "return window.strangler.graph.nodes().map(n => n.id() + '@' + Math.round(n.position().x)"
                + " + ',' + Math.round(n.position().y)).join(' ')";
        open(SAMPLE.resolve("decomposition.html"));
        Object first = browser.executeScript(positions);

        open(SAMPLE.resolve("decomposition.html"));

        assertThat(browser.executeScript(positions)).isEqualTo(first);
    }

    @Test
    void arrow_keys_choose_among_the_classes_found() throws IOException {
        List<String> found = list(sampleJson(), "classes").stream().map(c -> (String) c.get("name"))
                .filter(name -> name.substring(name.lastIndexOf('.') + 1).startsWith("Order")).sorted().toList();
        open(SAMPLE.resolve("decomposition.html"));

        WebElement search = browser.findElement(By.id("class-search"));
        search.sendKeys("Order");
        wait(By.cssSelector("#search-results li[data-name]"));
        String second = browser.findElements(By.cssSelector("#search-results li[data-name]")).get(1)
                .getAttribute("data-name");
        search.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);

        assertThat(found).contains(second);
        assertThat(wait(By.cssSelector("#details .class-name")).getText()).isEqualTo(second);
    }

    @Test
    void routes_table_filters_by_service() throws IOException {
        Map<String, Object> orders = candidates(sampleJson()).stream()
                .filter(c -> "orders".equals(c.get("name"))).findFirst().orElseThrow();
        open(SAMPLE.resolve("decomposition.html"));

        browser.findElement(By.cssSelector("#tabs button[data-tab=routes]")).click();
        new Select(browser.findElement(By.cssSelector("#tab-routes select[aria-label=service]"))).selectByValue("orders");

        List<String> rows = browser.findElements(By.cssSelector("#tab-routes tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).hasSize(list(orders, "routes").size()).allSatisfy(row -> assertThat(row).startsWith("orders "));
        screenshot("sample-routes.png");
    }

    @Test
    void markup_in_class_names_and_messages_stays_text() throws IOException {
        String hostile = "<img src=x onerror=\\\"window.owned=1\\\"></script><script>window.owned=2</script><!--";
        String json = Files.readString(SAMPLE.resolve("decomposition.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"message\": \"", "\"message\": \"" + java.util.regex.Matcher.quoteReplacement(hostile));
        Path page = SHOTS.resolve("hostile.html");
        Files.writeString(page, new HtmlReportWriter().render(json), StandardCharsets.UTF_8);
        open(page);

        browser.findElement(By.cssSelector("#tabs button[data-tab=problems]")).click();

        assertThat(browser.executeScript("return window.owned === undefined")).isEqualTo(true);
        assertThat(browser.findElement(By.id("tab-problems")).getText())
                .contains("<img src=x onerror=\"window.owned=1\"></script><script>window.owned=2</script><!--");
    }

    @Test
    void a_report_with_fields_this_page_does_not_know_still_opens_and_shows_them() throws IOException {
        String json = Files.readString(SAMPLE.resolve("decomposition.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"generator\": ", "\"coverage\": {\"routesTraced\": 0.93}, \"generator\": ")
                .replaceFirst("\"metrics\": \\{", "\"metrics\": {\"reverse\": {\"coupling\": 0.31}, ")
                .replaceFirst("\"sharedKernel\": ", "\"trafficShare\": 0.42, \"sharedKernel\": ");
        Path page = SHOTS.resolve("newer.html");
        Files.writeString(page, new HtmlReportWriter().render(json), StandardCharsets.UTF_8);
        open(page);

        long nodes = (Long) browser.executeScript("return window.strangler.graph.nodes().length");
        String first = (String) candidates(new Json().toType(json, Map.class)).get(0).get("name");
        browser.findElement(By.cssSelector("#service-list button[data-name='" + first + "']")).click();
        String service = browser.findElement(By.id("details")).getText();
        browser.findElement(By.cssSelector("#tabs button[data-tab=metrics]")).click();
        String metrics = browser.findElement(By.id("tab-metrics")).getText();
        browser.findElement(By.cssSelector("#tabs button[data-tab=more]")).click();
        String codebase = browser.findElement(By.id("tab-more")).getText();

        assertThat(nodes).isEqualTo(candidates(sampleJson()).size());
        assertThat(service).contains("trafficShare");
        assertThat(metrics).contains("reverse").contains("0.31");
        assertThat(codebase).contains("coverage");
    }

    private static void open(Path page) {
        browser.get(page.toAbsolutePath().normalize().toUri().toString());
        wait(By.cssSelector("body[data-ready=true]"));
    }

    private static WebElement wait(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> driver.findElement(what));
    }

    /** A real mouse click on the canvas, where the graph library drew the node. */
    @SuppressWarnings("unchecked")
    static void clickNode(String name) {
        List<Number> at = (List<Number>) browser.executeScript(
                "const p = window.strangler.graph.getElementById(arguments[0]).renderedPosition(); return [p.x, p.y];", name);
        clickGraphAt(at);
    }

    private static void clickGraphAt(List<Number> at) {
        WebElement graph = browser.findElement(By.id("graph"));
        int dx = (int) Math.round(at.get(0).doubleValue() - graph.getRect().getWidth() / 2.0);
        int dy = (int) Math.round(at.get(1).doubleValue() - graph.getRect().getHeight() / 2.0);
        new Actions(browser).moveToElement(graph, dx, dy).click().perform();
    }

    /** A real mouse click on the middle of the edge from one service to another. */
    @SuppressWarnings("unchecked")
    static void clickEdge(String from, String to) {
        List<Number> at = (List<Number>) browser.executeScript("const e = window.strangler.graph.edges()"
                + ".filter(e => e.source().id() === arguments[0] && e.target().id() === arguments[1])[0];"
                + " const p = e.renderedMidpoint(); return [p.x, p.y];", from, to);
        clickGraphAt(at);
    }

    private static void screenshot(String file) throws IOException {
        Files.write(SHOTS.resolve(file), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static Map<String, Object> sampleJson() throws IOException {
        return new Json().toType(Files.readString(SAMPLE.resolve("decomposition.json"), StandardCharsets.UTF_8), Map.class);
    }

    private static List<Map<String, Object>> candidates(Map<String, Object> json) {
        return list(json, "candidates");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> object, String key) {
        return (List<Map<String, Object>>) object.get(key);
    }
}
