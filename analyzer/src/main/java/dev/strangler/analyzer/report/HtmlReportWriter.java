package dev.strangler.analyzer.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Writes {@code decomposition.html}: one self-contained page (no network: Cytoscape.js, the page's script and style
 * inlined) that embeds the JSON report as it was written and builds every view from it in the browser, so the page
 * cannot disagree with the JSON. The same JSON gives the same bytes. Stateless and thread-safe.
 */
public final class HtmlReportWriter {
    private static final String PAGE = "html/";
    private static final String CYTOSCAPE = "META-INF/maven/org.webjars.npm/cytoscape/pom.properties";

    /**
     * @param reportJson the text {@link JsonReportWriter#render} wrote for the decomposition
     * @return the page, to be written as UTF-8
     */
    public String render(String reportJson) {
        Objects.requireNonNull(reportJson, "reportJson");
        return PageTemplate.fill(resource(PAGE + "report.html"), Map.of(
                "style", resource(PAGE + "report.css"),
                "cytoscape", inlineScript("Cytoscape.js", cytoscape()),
                "script", inlineScript("report.js", resource(PAGE + "report.js")),
                "report", forScriptElement(reportJson)));
    }

    /**
     * JSON made safe inside {@code <script type="application/json">}: {@code <}, {@code >} and {@code &} become
     * {@code \u003c}-style escapes (they only occur inside JSON strings, where the escape means the same), so no
     * {@code </script>} or {@code <!--} from a class name, path or message can end or confuse the element.
     */
    static String forScriptElement(String json) {
        StringBuilder safe = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> safe.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }

    /** A script inlined as it is must not hold what would end its element early; none does today, so say so loudly. */
    private static String inlineScript(String name, String script) {
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException(name + " contains '</script' or '<!--' and cannot be inlined as it is");
        }
        return script;
    }

    private static String cytoscape() {
        Properties properties = new Properties();
        try (InputStream in = open(CYTOSCAPE)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CYTOSCAPE, e);
        }
        String version = properties.getProperty("version");
        return read("META-INF/resources/webjars/cytoscape/" + version + "/dist/cytoscape.min.js");
    }

    private static String resource(String name) {
        return read("dev/strangler/analyzer/report/" + name);
    }

    private static String read(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the analyzer's classpath", e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = HtmlReportWriter.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            // a broken build, not bad input: the jar lacks the page's resources or the Cytoscape.js WebJar
            throw new IllegalStateException(path + " is missing from the analyzer's classpath; rebuild it with "
                    + "./mvnw -pl analyzer -am package");
        }
        return in;
    }
}
