package dev.strangler.analyzer.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    private static final byte[] LESS = ascii("\\u003c");
    private static final byte[] GREATER = ascii("\\u003e");
    private static final byte[] AMPERSAND = ascii("\\u0026");
    private static final byte[] LINE_SEPARATOR = ascii("\\u2028");
    private static final byte[] PARAGRAPH_SEPARATOR = ascii("\\u2029");

    /**
     * The page as text; {@link #write} streams the same page without holding it.
     *
     * @param reportJson the text {@link JsonReportWriter#render} wrote for the decomposition
     * @return the page, to be written as UTF-8
     */
    public String render(String reportJson) {
        Objects.requireNonNull(reportJson, "reportJson");
        ByteArrayOutputStream page = new ByteArrayOutputStream(reportJson.length() + (1 << 20));
        try {
            write(reportJson.getBytes(StandardCharsets.UTF_8), page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the page as UTF-8: the template and its resources as they are in the jar, the report made safe on the
     * way. Does not close {@code out}.
     *
     * @param reportJson the JSON report as written to {@code decomposition.json} (UTF-8)
     */
    public void write(byte[] reportJson, OutputStream out) throws IOException {
        Objects.requireNonNull(reportJson, "reportJson");
        write(JsonBytes.of(reportJson), out);
    }

    /**
     * As {@link #write(byte[], OutputStream)}, for the report as {@link JsonReportWriter#renderBytes} made it, which
     * noted where the characters to escape are.
     */
    public void write(JsonBytes reportJson, OutputStream out) throws IOException {
        Objects.requireNonNull(reportJson, "reportJson");
        byte[] style = read(resource("report.css"));
        byte[] cytoscape = inlineScript("Cytoscape.js", read(cytoscape()));
        byte[] script = inlineScript("report.js", read(resource("report.js")));
        PageTemplate.write(new String(read(resource("report.html")), StandardCharsets.UTF_8), Map.of(
                "style", page -> page.write(style),
                "cytoscape", page -> page.write(cytoscape),
                "script", page -> page.write(script),
                "report", page -> writeForScriptElement(reportJson, page)), out);
    }

    /**
     * JSON made safe inside {@code <script type="application/json">}: {@code <}, {@code >} and {@code &} become
     * {@code \u003c}-style escapes (they only occur inside JSON strings, where the escape means the same), so no
     * {@code </script>} or {@code <!--} from a class name, path or message can end or confuse the element; so do
     * U+2028 and U+2029, which end a line in older JavaScript.
     */
    static String forScriptElement(String json) {
        ByteArrayOutputStream safe = new ByteArrayOutputStream(json.length() + 64);
        try {
            writeForScriptElement(JsonBytes.of(json.getBytes(StandardCharsets.UTF_8)), safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return safe.toString(StandardCharsets.UTF_8);
    }

    /** As {@link #forScriptElement}, on UTF-8 bytes: the runs between the characters to escape written as they are. */
    private static void writeForScriptElement(JsonBytes json, OutputStream out) throws IOException {
        byte[] bytes = json.utf8();
        int from = 0;
        for (int at : json.scriptUnsafe()) {
            byte b = bytes[at];
            out.write(bytes, from, at - from);
            out.write(switch (b) {
                case '<' -> LESS;
                case '>' -> GREATER;
                case '&' -> AMPERSAND;
                default -> bytes[at + 2] == (byte) 0xA8 ? LINE_SEPARATOR : PARAGRAPH_SEPARATOR;
            });
            from = at + (b == (byte) 0xE2 ? 3 : 1);
        }
        out.write(bytes, from, bytes.length - from);
    }

    /** A script inlined as it is must not hold what would end its element early; none does today, so say so loudly. */
    private static byte[] inlineScript(String name, byte[] script) {
        for (int i = 0; i < script.length; i++) {
            if (script[i] == '<' && (startsWithIgnoringCase(script, i, "</script") || startsWithIgnoringCase(script, i, "<!--"))) {
                throw new IllegalStateException(name + " contains '</script' or '<!--' and cannot be inlined as it is");
            }
        }
        return script;
    }

    private static boolean startsWithIgnoringCase(byte[] text, int at, String ascii) {
        if (at + ascii.length() > text.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (Character.toLowerCase(text[at + i]) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String cytoscape() {
        Properties properties = new Properties();
        try (InputStream in = open(CYTOSCAPE)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CYTOSCAPE, e);
        }
        String version = properties.getProperty("version");
        return "META-INF/resources/webjars/cytoscape/" + version + "/dist/cytoscape.min.js";
    }

    private static String resource(String name) {
        return "dev/strangler/analyzer/report/" + PAGE + name;
    }

    private static byte[] read(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
