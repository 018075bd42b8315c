package dev.strangler.extraction.core;

import java.util.Map;

/**
 * Renders one template with values; the engine behind it lives in the {@code render} package.
 *
 * <p>Template names are relative to the templates root: {@code spring/pom.xml.mustache}, {@code shared/template.yaml.mustache}.
 */
public interface Renderer {
    String render(String template, Map<String, Object> values);
}
