package dev.strangler.analyzer.source.data;

import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Xml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads iBatis 2 SQL maps: {@code <sqlMapConfig>} (its {@code <sqlMap resource>} list and whether statement ids
 * carry their namespace) and {@code <sqlMap namespace>} files, whose {@code <select|insert|update|delete|statement
 * |procedure id>} statements become {@link NamedStatements}, with {@code <include refid>} fragments inlined and the
 * dynamic tags ({@code <dynamic>}, {@code <isNotNull>}, {@code <iterate>}...) flattened with their {@code prepend}.
 * Java code runs them by id ({@code SqlMapClientTemplate.queryForList("getUsers")}); the data scanner attributes
 * the tables to the method naming the id.
 */
final class IbatisSqlMaps {
    private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete", "statement", "procedure");
    /** iBatis 2 inline parameters: {@code #id#}, {@code #id:NUMERIC#}; {@code $name$} is text substituted at run time. */
    private static final Pattern INLINE_PARAMETER = Pattern.compile("#[^#\\s]+#");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$[\\w.\\[\\]]+\\$");
    private static final Pattern DANGLING = Pattern.compile("(?i)\\b(where|set|and|or|,)\\s+(and|or|,)\\s+");
    private static final Pattern TRAILING = Pattern.compile("(?i)\\s*(where|and|or|,)\\s*$");

    private final NamedStatements statements;
    private final List<Problem> problems;
    private final Set<String> mapsListed = new TreeSet<>();
    private final Map<String, String> configOfMap = new HashMap<>();
    private final Set<String> mapsRead = new TreeSet<>();
    private boolean namespacedIds;

    IbatisSqlMaps(NamedStatements statements, List<Problem> problems) {
        this.statements = statements;
        this.problems = problems;
    }

    static boolean isConfig(String text) {
        return text.contains("<sqlMapConfig");
    }

    static boolean isSqlMap(String text) {
        return text.contains("<sqlMap") && !isConfig(text);
    }

    /** A {@code <sqlMapConfig>}: read before the maps, since it says whether ids carry their namespace. */
    void config(String path, Element root) {
        for (Element settings : Xml.children(root, "settings")) {
            namespacedIds |= settings.getAttribute("useStatementNamespaces").strip().equalsIgnoreCase("true");
        }
        for (Element map : Xml.children(root, "sqlMap")) {
            String resource = map.getAttribute("resource").strip();
            if (!resource.isEmpty()) {
                mapsListed.add(resource);
                configOfMap.put(resource, path);
            }
        }
    }

    /** A {@code <sqlMap>}: its statements under {@code namespace.id}, and under the bare id unless ids are namespaced. */
    void sqlMap(String path, String text, Element root) {
        mapsRead.add(path);
        String namespace = root.getAttribute("namespace").strip();
        Map<String, String> fragments = new HashMap<>();
        for (Element fragment : Xml.children(root, "sql")) {
            String id = fragment.getAttribute("id").strip();
            fragments.put(id, flatten(fragment, fragments));
            if (!namespace.isEmpty()) {
                fragments.put(namespace + "." + id, fragments.get(id));
            }
        }
        NodeList nodes = root.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (!(nodes.item(i) instanceof Element element) || !STATEMENTS.contains(element.getTagName())) {
                continue;
            }
            String id = element.getAttribute("id").strip();
            if (id.isEmpty()) {
                continue;
            }
            String sql = sql(flatten(element, fragments));
            SourceLocation location = new SourceLocation(path, Xml.lineOf(text, "id=\"" + id + "\""));
            String name = namespace.isEmpty() ? id : namespace + "." + id;
            NamedStatements.Statement statement = new NamedStatements.Statement(name, sql, DataAccessOrigin.IBATIS,
                    location);
            statements.add(statement);
            if (!namespacedIds && !namespace.isEmpty()) {
                statements.alias(id, statement);
            }
        }
    }

    /** After every file: SQL maps a configuration lists that the scan did not find. */
    void finish() {
        for (String resource : mapsListed) {
            String file = resource.substring(resource.lastIndexOf('/') + 1);
            boolean found = mapsRead.stream().anyMatch(path -> path.endsWith("/" + resource) || path.equals(resource)
                    || path.endsWith("/" + file));
            if (!found) {
                problems.add(new Problem(configOfMap.get(resource), 0, 0, Severity.WARNING, "iBatis SQL map " + resource
                        + " listed here is not in the scanned tree, so its statements' tables are missing;"
                        + " put the file under the analysed folder"));
            }
        }
    }

    /** The statement's SQL with iBatis parameters as JDBC ones and run-time substitutions as {@code ?}. */
    static String sql(String flattened) {
        String text = INLINE_PARAMETER.matcher(flattened).replaceAll("?");
        text = SUBSTITUTION.matcher(text).replaceAll("?");
        for (int i = 0; i < 3; i++) {
            text = DANGLING.matcher(text).replaceAll("$1 ");
        }
        return TRAILING.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    private static String flatten(Element element, Map<String, String> fragments) {
        StringBuilder text = new StringBuilder();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue()).append(' ');
            } else if (node instanceof Element child) {
                if (child.getTagName().equals("include")) {
                    text.append(fragments.getOrDefault(child.getAttribute("refid").strip(), "")).append(' ');
                } else if (!child.getTagName().equals("selectKey")) {
                    String open = child.getAttribute("open");
                    String close = child.getAttribute("close");
                    text.append(' ').append(child.getAttribute("prepend")).append(' ').append(open)
                            .append(flatten(child, fragments)).append(close).append(' ');
                }
            }
        }
        return text.toString();
    }
}
