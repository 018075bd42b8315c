package dev.strangler.extraction.render;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.strangler.extraction.core.BadInputException;
import dev.strangler.extraction.core.Renderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders Mustache templates: a file under the override folder ({@code --templates DIR}) wins over the bundled one of
 * the same name ({@code templates/<name>} on the classpath), so a team can replace any single template. Partials
 * ({@code {{> shared/license}}}) are looked up the same way. A value a template names but nobody gave is an error,
 * not an empty string, so a template and its values cannot drift apart silently.
 *
 * <p>Thread-safe after construction (compiled templates are cached under a lock).
 */
public final class MustacheRenderer implements Renderer {
    private static final String BUNDLED = "/templates/";

    private final Path overrides;
    private final Mustache.Compiler compiler;
    private final Map<String, Template> compiled = new HashMap<>();

    /** @param overrides a folder of templates that replace bundled ones, or null */
    public MustacheRenderer(Path overrides) {
        this.overrides = overrides;
        this.compiler = Mustache.compiler().escapeHTML(false).nullValue("").withLoader(name -> new StringReader(source(name)));
    }

    @Override
    public String render(String template, Map<String, Object> values) {
        Template compiledTemplate;
        synchronized (compiled) {
            compiledTemplate = compiled.computeIfAbsent(template, name -> compile(name));
        }
        try {
            return compiledTemplate.execute(values);
        } catch (MustacheException e) {
            throw new BadInputException("template " + describe(template) + " could not be rendered: " + e.getMessage());
        }
    }

    private Template compile(String name) {
        try (Reader reader = new StringReader(source(name))) {
            return compiler.compile(reader);
        } catch (MustacheException e) {
            throw new BadInputException("template " + describe(name) + " is not valid Mustache: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String describe(String name) {
        return overrides != null && Files.isRegularFile(overrides.resolve(name)) ? overrides.resolve(name).toString()
                : name + " (bundled)";
    }

    private String source(String name) {
        if (overrides != null) {
            Path file = overrides.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        try (InputStream in = MustacheRenderer.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                throw new BadInputException("template " + name + " is neither in --templates "
                        + (overrides == null ? "(not given)" : overrides) + " nor bundled");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
