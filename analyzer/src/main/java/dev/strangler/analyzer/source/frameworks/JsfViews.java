package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.parse.Xml;
import dev.strangler.analyzer.source.resolve.Annotations;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSF: managed beans ({@code @Named}, {@code @ManagedBean}, {@code <managed-bean>} in {@code faces-config.xml}) and the
 * views that reach them through expression language. A view ({@code .xhtml}, {@code .jsp}) is an entry point: {@code GET}
 * of the view for each bean it reads (handled by the first property read), {@code POST} for each action method its
 * components call ({@code action}, {@code actionListener}, {@code listener}, or any {@code #{bean.method(...)}}).
 * Navigation rules ({@code <from-action>}) and Faces Flow definitions add the actions they name, under the view
 * they start from or the flow's id.
 */
final class JsfViews {
    private static final Pattern EXPRESSION = Pattern.compile("#\\{([^}]*)}");
    private static final Pattern CHAIN = Pattern.compile("(?<![\\w.'\"\\[])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)(\\s*\\()?");
    private static final Pattern ACTION_ATTRIBUTE = Pattern.compile(
            "(?:action|actionListener|listener|valueChangeListener|returnValue|completeMethod)\\s*=\\s*\"\\s*$");

    private final TypeIndex index;
    private final List<FrameworkDescriptors.Document> faces;
    private final WebFiles files;
    private final Map<String, IndexedType> beans = new TreeMap<>();

    JsfViews(TypeIndex index, List<FrameworkDescriptors.Document> faces, WebFiles files) {
        this.index = index;
        this.faces = faces;
        this.files = files;
    }

    List<EntryPoint> find() {
        collectBeans();
        List<EntryPoint> entries = new ArrayList<>();
        if (beans.isEmpty()) {
            return entries;
        }
        for (WebFiles.TextFile view : files.views()) {
            if (view.text().contains("#{")) {
                read(view.path(), view.text(), WebFiles.viewUrl(view.path()), false, entries);
            }
        }
        for (FrameworkDescriptors.Document document : faces) {
            for (Element element : Xml.descendants(document.root(), "from-action")) {
                read(document.path(), element.getTextContent(), startOf(element, document.path()), true, entries);
            }
            for (Element flow : Xml.descendants(document.root(), "flow-definition")) {
                read(document.path(), flow.getTextContent(), "/" + flow.getAttribute("id"), true, entries);
            }
        }
        return entries;
    }

    /** The bean names: {@code @Named} (value or the decapitalised class name), {@code @ManagedBean}, faces-config. */
    private void collectBeans() {
        for (IndexedType type : index.all()) {
            AnnotationExpr named = Annotations.find(type.declaration, "Named", "ManagedBean");
            if (named == null || type.outer != null || type.isInterface) {
                continue;
            }
            List<String> values = Annotations.firstStrings(named, index, type, "value", "name");
            beans.putIfAbsent(values.isEmpty() ? decapitalise(type.simpleName()) : values.get(0), type);
        }
        for (FrameworkDescriptors.Document document : faces) {
            for (Element bean : Xml.descendants(document.root(), "managed-bean")) {
                String name = Xml.childText(bean, "managed-bean-name");
                String className = Xml.childText(bean, "managed-bean-class");
                IndexedType type = className == null ? null : index.get(className);
                if (name != null && type != null) {
                    beans.put(name, type);
                }
            }
        }
    }

    private static String startOf(Element element, String path) {
        for (Node node = element.getParentNode(); node instanceof Element parent; node = parent.getParentNode()) {
            if (Xml.localName(parent).equals("navigation-rule")) {
                String view = Xml.childText(parent, "from-view-id");
                return view == null || view.isBlank() ? "/*" : EntryPoints.normalizePath(view);
            }
        }
        return "/" + path;
    }

    /** Reads the expressions of one text; {@code actions} when every method reference there is an action. */
    private void read(String path, String text, String url, boolean actions, List<EntryPoint> entries) {
        Map<String, IndexedType> reads = new LinkedHashMap<>();
        Map<String, String> readMembers = new LinkedHashMap<>();
        Set<String> called = new LinkedHashSet<>();
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            boolean actionAttribute = actions || ACTION_ATTRIBUTE.matcher(
                    text.substring(Math.max(0, expression.start() - 40), expression.start())).find();
            Matcher chain = CHAIN.matcher(expression.group(1));
            while (chain.find()) {
                String[] parts = chain.group(1).split("\\.");
                for (int length = parts.length - 1; length >= 1; length--) {
                    IndexedType bean = beans.get(String.join(".", java.util.Arrays.copyOf(parts, length)));
                    if (bean == null) {
                        continue;
                    }
                    String member = parts[length];
                    boolean call = chain.group(2) != null && length == parts.length - 1;
                    if (actionAttribute && length == parts.length - 1 || call) {
                        called.add(bean.name + "#" + member);
                    } else if (!reads.containsKey(bean.name)) {
                        reads.put(bean.name, bean);
                        readMembers.put(bean.name, member);
                    }
                    break;
                }
            }
        }
        int line = 1;
        for (Map.Entry<String, IndexedType> read : reads.entrySet()) {
            String member = readMembers.get(read.getKey());
            String capitalised = member.substring(0, 1).toUpperCase(Locale.ROOT) + member.substring(1);
            TypeIndex.MethodOwner owner = null;
            for (String method : List.of("get" + capitalised, "is" + capitalised, member)) {
                owner = owner != null ? owner : index.findMethod(read.getValue(), method);
            }
            add(entries, "GET", url, read.getValue(), owner, "get" + capitalised, path, line);
        }
        for (String reference : called) {
            IndexedType bean = index.get(reference.substring(0, reference.indexOf('#')));
            String method = reference.substring(reference.indexOf('#') + 1);
            TypeIndex.MethodOwner owner = index.findMethod(bean, method);
            if (owner == null && !method.isEmpty()) { // a flow's outcome or return value reads a property
                owner = index.findMethod(bean, "get" + method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1));
            }
            if (owner != null) {
                add(entries, "POST", url, bean, owner, method, path, line);
            }
        }
    }

    private static void add(List<EntryPoint> entries, String httpMethod, String url, IndexedType bean,
                            TypeIndex.MethodOwner owner, String fallback, String path, int line) {
        MethodId handler = owner == null ? new MethodId(ClassName.of(bean.name), fallback)
                : new MethodId(ClassName.of(owner.type().name), owner.method().getNameAsString());
        SourceLocation location = owner == null ? new SourceLocation(path, line)
                : new SourceLocation(owner.type().scope.path, Trees.line(owner.method()));
        entries.add(new EntryPoint(EntryPointKind.HTTP, "jsf", httpMethod, url, handler, location));
    }

    static String decapitalise(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1)) && Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
