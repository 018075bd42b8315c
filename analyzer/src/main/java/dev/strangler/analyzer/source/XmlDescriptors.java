package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.AccessMode;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.source.data.SqlTables;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.frameworks.EntryPoints;
import dev.strangler.analyzer.source.frameworks.FrameworkDescriptors;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.parse.Xml;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.strangler.analyzer.source.parse.Xml.childText;
import static dev.strangler.analyzer.source.parse.Xml.children;

/**
 * Reads the XML that declares entry points and SQL outside Java code: {@code web.xml} servlet mappings, Struts 1
 * {@code struts-config.xml} and Struts 2 {@code struts.xml} actions, and MyBatis mapper files. External DTDs are
 * never fetched.
 */
final class XmlDescriptors {
    private static final Set<String> MYBATIS_STATEMENTS = Set.of("select", "insert", "update", "delete");

    private final TypeIndex index;
    private final SqlTables sql;
    private final Facts facts;
    /** The descriptors other framework readers take over after every XML file is read. */
    final FrameworkDescriptors frameworks = new FrameworkDescriptors();
    private final List<Runnable> afterBeans = new ArrayList<>();

    XmlDescriptors(TypeIndex index, SqlTables sql, Facts facts) {
        this.index = index;
        this.sql = sql;
        this.facts = facts;
    }

    /** Reads one XML file if it is a descriptor this class knows; other XML files are ignored. */
    void read(String path, String text) {
        boolean webXml = text.contains("<web-app") || text.contains("<web-fragment");
        boolean struts = text.contains("<struts") || text.contains("<struts-config");
        boolean mybatis = text.contains("<mapper") && text.contains("namespace");
        boolean other = frameworks.wants(path, text);
        if (!webXml && !struts && !mybatis && !other) {
            return;
        }
        Document document;
        try {
            document = Xml.parse(text);
        } catch (Exception e) {
            facts.problems.add(new Problem(path, 0, 0, Severity.WARNING, "could not read XML descriptor: " + e.getMessage()));
            return;
        }
        Element root = document.getDocumentElement();
        frameworks.accept(path, text, root);
        switch (root.getTagName()) {
            case "web-app", "web-fragment" -> webXml(path, text, root);
            case "struts-config" -> afterBeans.add(() -> struts1(path, text, root));
            case "struts" -> afterBeans.add(() -> struts2(path, text, root));
            case "mapper" -> mybatis(path, text, root);
            default -> {
            }
        }
    }

    /** Reads what waits for every Spring bean to be known (Struts actions may name beans instead of classes). */
    void finish() {
        afterBeans.forEach(Runnable::run);
        afterBeans.clear();
    }


    private void webXml(String path, String text, Element root) {
        Map<String, String> classes = new HashMap<>();
        for (Element servlet : children(root, "servlet")) {
            classes.put(childText(servlet, "servlet-name"), childText(servlet, "servlet-class"));
        }
        Map<String, List<String>> patterns = new HashMap<>();
        for (Element mapping : children(root, "servlet-mapping")) {
            String name = childText(mapping, "servlet-name");
            for (Element pattern : children(mapping, "url-pattern")) {
                patterns.computeIfAbsent(name, k -> new ArrayList<>()).add(pattern.getTextContent().strip());
            }
        }
        for (Map.Entry<String, String> servlet : new java.util.TreeMap<>(classes).entrySet()) {
            String className = servlet.getValue();
            IndexedType type = className == null ? null : index.get(className.strip());
            List<String> urls = patterns.getOrDefault(servlet.getKey(), List.of());
            if (type == null) {
                if (className != null && !urls.isEmpty() && looksLikeOwn(className)) {
                    facts.problems.add(new Problem(path, Xml.lineOf(text, className), 0, Severity.WARNING,
                            "servlet class " + className + " named in web.xml is not in the scanned sources"));
                }
                continue;
            }
            for (EntryPoint entry : EntryPoints.servletEntries(index, type, urls, "servlet")) {
                facts.entryPoints.add(new EntryPoint(entry.kind(), "servlet-web-xml", entry.httpMethod(), entry.path(),
                        entry.handler(), entry.location()));
            }
        }
    }

    /** A warning for an action mapped to a class of the codebase's packages that is neither scanned nor a bean. */
    private void unreadAction(String path, String text, String descriptor, String action, String className) {
        if (!className.isBlank() && looksLikeOwn(className.strip())) {
            facts.problems.add(new Problem(path, Xml.lineOf(text, className), 0, Severity.WARNING, descriptor
                    + " maps action " + action + " to " + className.strip() + ", which is neither in the scanned"
                    + " sources nor a Spring bean; requests there are not traced"));
        }
    }

    private boolean looksLikeOwn(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && index.isCodebasePackage(className.substring(0, dot));
    }

    private void struts1(String path, String text, Element root) {
        for (Element mappings : children(root, "action-mappings")) {
            for (Element action : children(mappings, "action")) {
                String type = action.getAttribute("type");
                String route = action.getAttribute("path");
                String parameter = action.getAttribute("parameter");
                IndexedType actionType = index.get(type.strip());
                if (actionType == null && frameworks.spring.classOf(route) != null) {
                    actionType = index.get(frameworks.spring.classOf(route)); // DelegatingActionProxy: the bean /path
                }
                if (actionType == null || route.isBlank()) {
                    unreadAction(path, text, "struts-config.xml", route, type);
                    continue;
                }
                List<String> methods = new ArrayList<>();
                if (!parameter.isBlank() && index.findMethod(actionType, parameter) != null) {
                    methods.add(parameter);
                }
                if (methods.isEmpty()) {
                    methods.add("execute");
                }
                for (String method : methods) {
                    addAction(actionType, method, EntryPoints.normalizePath(route), "struts", path, text, type);
                }
            }
        }
    }

    private void struts2(String path, String text, Element root) {
        for (Element pack : children(root, "package")) {
            String namespace = pack.getAttribute("namespace");
            for (Element action : children(pack, "action")) {
                String type = action.getAttribute("class");
                IndexedType actionType = index.get(type.strip());
                if (actionType == null && frameworks.spring.classOf(type) != null) {
                    actionType = index.get(frameworks.spring.classOf(type)); // a Spring bean id (struts2-spring-plugin)
                }
                if (actionType == null) {
                    unreadAction(path, text, "struts.xml", action.getAttribute("name"), type);
                    continue;
                }
                String method = action.getAttribute("method").isBlank() ? "execute" : action.getAttribute("method");
                addAction(actionType, method, EntryPoints.joinPaths(namespace, action.getAttribute("name")), "struts",
                        path, text, type);
            }
        }
    }

    private void addAction(IndexedType actionType, String method, String route, String framework, String path,
                           String text, String className) {
        TypeIndex.MethodOwner owner = index.findMethod(actionType, method);
        MethodId handler = new MethodId(ClassName.of(owner == null ? actionType.name : owner.type().name), method);
        SourceLocation location = owner == null ? new SourceLocation(path, Xml.lineOf(text, className))
                : new SourceLocation(owner.type().scope.path, Trees.line(owner.method()));
        facts.entryPoints.add(new EntryPoint(EntryPointKind.HTTP, framework, "ANY", route, handler, location));
    }

    private void mybatis(String path, String text, Element root) {
        String namespace = root.getAttribute("namespace").strip();
        if (namespace.isEmpty()) {
            return;
        }
        IndexedType mapper = index.get(namespace);
        if (mapper == null) {
            facts.problems.add(new Problem(path, 1, 0, Severity.NOTE, "MyBatis mapper namespace " + namespace
                    + " is not a type in the scanned sources; its statements are attributed to the name"));
        }
        ClassName accessor = ClassName.of(namespace);
        Map<String, String> fragments = new HashMap<>();
        for (Element fragment : children(root, "sql")) {
            fragments.put(fragment.getAttribute("id"), statementText(fragment, Map.of()));
        }
        NodeList nodes = root.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (!(nodes.item(i) instanceof Element statement) || !MYBATIS_STATEMENTS.contains(statement.getTagName())) {
                continue;
            }
            String id = statement.getAttribute("id");
            String statementSql = statementText(statement, fragments);
            SourceLocation location = new SourceLocation(path, Xml.lineOf(text, "id=\"" + id + "\""));
            SqlTables.Result result = sql.tables(statementSql);
            if (!result.parsed()) {
                facts.problems.add(new Problem(path, location.line(), 0, Severity.WARNING,
                        "SQL of MyBatis statement " + id + " not understood by the SQL parser, tables found by keyword scan"));
            } else if (result.runtimeTable()) {
                facts.problems.add(new Problem(path, location.line(), 0, Severity.NOTE, "SQL of MyBatis statement " + id
                        + " names a table computed at run time (${...}), which is left out"));
            }
            for (Map.Entry<String, AccessMode> table : result.tables().entrySet()) {
                facts.tableAccesses.add(new TableAccess(accessor, id, table.getKey(), table.getValue(),
                        DataAccessOrigin.MYBATIS, location));
            }
        }
    }

    /** The statement's text with dynamic tags flattened and {@code <include>} fragments inlined. */
    private static String statementText(Element element, Map<String, String> fragments) {
        StringBuilder text = new StringBuilder();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue()).append(' ');
            } else if (node instanceof Element child) {
                if (child.getTagName().equals("include")) {
                    text.append(fragments.getOrDefault(child.getAttribute("refid"), "")).append(' ');
                } else if (child.getTagName().equals("where")) {
                    text.append(" WHERE ").append(statementText(child, fragments).replaceFirst("(?i)^\\s*(and|or)\\s+", ""))
                            .append(' ');
                } else if (child.getTagName().equals("set")) {
                    text.append(" SET ").append(statementText(child, fragments)).append(' ');
                } else if (!child.getTagName().equals("selectKey")) {
                    text.append(statementText(child, fragments)).append(' ');
                }
            }
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }
}
