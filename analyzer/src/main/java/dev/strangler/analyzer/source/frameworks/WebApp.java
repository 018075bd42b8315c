package dev.strangler.analyzer.source.frameworks;

import dev.strangler.analyzer.source.parse.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code web.xml}'s servlets and filters with their class, URL patterns and init parameters, in the order declared.
 *
 * @param path the descriptor's path
 * @param text the descriptor's text, for line numbers
 * @param servlets the servlets
 * @param filters the filters
 */
record WebApp(String path, String text, List<Component> servlets, List<Component> filters) {

    /** A servlet or filter. */
    record Component(String name, String className, List<String> patterns, Map<String, String> initParams) {
        /** The URL prefix a pattern gives the paths behind it: {@code /app/*} → {@code /app}, {@code *.do} → "". */
        static String prefix(String pattern) {
            if (pattern.startsWith("*.") || pattern.equals("/") || pattern.equals("/*")) {
                return "";
            }
            return pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        }

        /** The suffix an extension pattern asks for: {@code *.do} → {@code .do}, else "". */
        static String extension(String pattern) {
            return pattern.startsWith("*.") ? pattern.substring(1) : "";
        }
    }

    static WebApp of(String path, String text, Element root) {
        Map<String, List<String>> servletPatterns = patterns(root, "servlet-mapping", "servlet-name");
        Map<String, List<String>> filterPatterns = patterns(root, "filter-mapping", "filter-name");
        List<Component> servlets = new ArrayList<>();
        for (Element servlet : Xml.children(root, "servlet")) {
            String name = Xml.childText(servlet, "servlet-name");
            servlets.add(new Component(name, Xml.childText(servlet, "servlet-class"),
                    servletPatterns.getOrDefault(name, List.of()), params(servlet)));
        }
        List<Component> filters = new ArrayList<>();
        for (Element filter : Xml.children(root, "filter")) {
            String name = Xml.childText(filter, "filter-name");
            filters.add(new Component(name, Xml.childText(filter, "filter-class"),
                    filterPatterns.getOrDefault(name, List.of()), params(filter)));
        }
        return new WebApp(path, text, servlets, filters);
    }

    /** The servlets whose class is one of these library classes. */
    List<Component> servletsOf(String... classNames) {
        List<Component> found = new ArrayList<>();
        for (Component servlet : servlets) {
            for (String className : classNames) {
                if (className.equals(servlet.className())) {
                    found.add(servlet);
                }
            }
        }
        return found;
    }

    private static Map<String, List<String>> patterns(Element root, String mappingTag, String nameTag) {
        Map<String, List<String>> patterns = new LinkedHashMap<>();
        for (Element mapping : Xml.children(root, mappingTag)) {
            String name = Xml.childText(mapping, nameTag);
            for (Element pattern : Xml.children(mapping, "url-pattern")) {
                patterns.computeIfAbsent(name, k -> new ArrayList<>()).add(pattern.getTextContent().strip());
            }
        }
        return patterns;
    }

    private static Map<String, String> params(Element component) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Element param : Xml.children(component, "init-param")) {
            String name = Xml.childText(param, "param-name");
            String value = Xml.childText(param, "param-value");
            if (name != null && value != null) {
                params.put(name, value);
            }
        }
        return params;
    }
}
