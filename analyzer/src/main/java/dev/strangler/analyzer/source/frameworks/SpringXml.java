package dev.strangler.analyzer.source.frameworks;

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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spring beans declared in XML ({@code applicationContext*.xml}, {@code *-servlet.xml}) and the routes Spring MVC
 * maps to them without annotations: {@code SimpleUrlHandlerMapping} ({@code mappings} props or text, {@code urlMap}),
 * bean names starting with {@code /} (the default {@code BeanNameUrlHandlerMapping}), controller class names
 * ({@code ControllerClassNameHandlerMapping}: {@code WelcomeController} → {@code /welcome*}), each under the URL patterns of
 * the {@code DispatcherServlet} whose context declares them; {@code Controller}, form controller and multi-action
 * beans, and the remoting exporters (HTTP invoker, Hessian, Burlap), one entry per method of the exported interface.
 * Also answers which class a bean id names, for Struts 2 actions given as Spring beans.
 */
public final class SpringXml {
    static final String DISPATCHER = "org.springframework.web.servlet.DispatcherServlet";
    private static final Map<String, String> FORM_METHODS = new LinkedHashMap<>();

    static {
        FORM_METHODS.put("formBackingObject", "GET");
        FORM_METHODS.put("referenceData", "GET");
        FORM_METHODS.put("showForm", "GET");
        FORM_METHODS.put("onSubmit", "POST");
        FORM_METHODS.put("doSubmitAction", "POST");
        FORM_METHODS.put("processFinish", "POST");
    }

    /** A bean: where it is declared, its id and names, its class (after following {@code parent}). */
    record Bean(String path, int line, String id, List<String> names, String className, Element element) {
    }

    private final List<Bean> beans = new ArrayList<>();
    private final Map<String, Bean> byName = new HashMap<>();
    private final Set<String> contextFiles = new java.util.TreeSet<>();
    final List<FrameworkDescriptors.Document> documents = new ArrayList<>();
    private Map<String, IndexedType> annotatedBeans;

    /** Collects the beans of one {@code <beans>} file. */
    void collect(String path, String text, Element root) {
        contextFiles.add(path);
        documents.add(new FrameworkDescriptors.Document(path, text, root));
        for (Element bean : Xml.descendants(root, "bean")) {
            String id = bean.getAttribute("id").strip();
            List<String> names = new ArrayList<>();
            if (!id.isEmpty()) {
                names.add(id);
            }
            for (String name : bean.getAttribute("name").split("[,;\\s]+")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
            String className = bean.getAttribute("class").strip();
            int line = Xml.lineOf(text, names.isEmpty() ? "class=\"" + className : "\"" + names.get(0) + "\"");
            Bean declared = new Bean(path, line, id, names, className, bean);
            beans.add(declared);
            names.forEach(name -> byName.putIfAbsent(name, declared));
        }
    }

    boolean found() {
        return !contextFiles.isEmpty();
    }

    Set<String> contextFiles() {
        return contextFiles;
    }

    /** The class of the bean with this id or name, following {@code parent} beans; null when unknown. */
    public String classOf(String idOrName) {
        Bean bean = byName.get(idOrName.strip());
        for (int depth = 0; bean != null && depth < 8; depth++) {
            if (!bean.className().isEmpty()) {
                return bean.className();
            }
            bean = byName.get(bean.element().getAttribute("parent").strip());
        }
        return null;
    }

    /**
     * The codebase class of the bean with this name: declared in XML, or annotated ({@code @Component},
     * {@code @Service}, {@code @Repository}, {@code @Controller}, {@code @Named}) with that name or, without one, the
     * decapitalised class name; null when unknown.
     */
    IndexedType bean(TypeIndex index, String name) {
        String className = classOf(name);
        if (className != null && index.get(className) != null) {
            return index.get(className);
        }
        if (annotatedBeans == null) {
            annotatedBeans = new HashMap<>();
            for (IndexedType type : index.all()) {
                com.github.javaparser.ast.expr.AnnotationExpr stereotype = Annotations.find(type.declaration,
                        "Component", "Service", "Repository", "Controller", "Named");
                if (stereotype != null && type.outer == null) {
                    List<String> values = Annotations.strings(stereotype, "value", index, type);
                    annotatedBeans.putIfAbsent(values.isEmpty() ? JsfViews.decapitalise(type.simpleName())
                            : values.get(0), type);
                }
            }
        }
        return annotatedBeans.get(name);
    }

    /** The routes of every DispatcherServlet (without {@code web.xml}: of every context, as if mapped at the root). */
    List<EntryPoint> routes(TypeIndex index, List<WebApp> webApps) {
        List<EntryPoint> entries = new ArrayList<>();
        Set<String> claimed = new java.util.HashSet<>();
        for (WebApp webApp : webApps) {
            for (WebApp.Component dispatcher : webApp.servletsOf(DISPATCHER)) {
                List<String> files = contextsOf(dispatcher);
                claimed.addAll(files);
                for (String pattern : dispatcher.patterns()) {
                    for (String file : files) {
                        routes(index, file, WebApp.Component.prefix(pattern), entries);
                    }
                }
            }
        }
        // without web.xml (Spring Boot) every context may map URLs; with one, only its DispatcherServlets' contexts
        // do (beans named /path of a Struts 1 app's action-servlet.xml are Struts actions, not Spring handlers)
        for (String file : webApps.isEmpty() ? contextFiles : Set.<String>of()) {
            if (!claimed.contains(file)) {
                routes(index, file, "", entries);
            }
        }
        return entries;
    }

    /** The context files of a DispatcherServlet: its {@code contextConfigLocation}, else {@code <name>-servlet.xml}. */
    private List<String> contextsOf(WebApp.Component dispatcher) {
        List<String> wanted = new ArrayList<>();
        String locations = dispatcher.initParams().get("contextConfigLocation");
        if (locations != null) {
            for (String location : locations.split("[,;\\s]+")) {
                if (!location.isBlank()) {
                    wanted.add(location.substring(location.lastIndexOf('/') + 1).replace("*", ""));
                }
            }
        } else {
            wanted.add(dispatcher.name() + "-servlet.xml");
        }
        List<String> files = new ArrayList<>();
        for (String file : contextFiles) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (wanted.stream().anyMatch(w -> w.equals(name) || !w.isEmpty() && w.endsWith(".xml") == false
                    && name.startsWith(w))) {
                files.add(file);
            }
        }
        return files;
    }

    private void routes(TypeIndex index, String file, String prefix, List<EntryPoint> entries) {
        boolean byClassName = beans.stream().anyMatch(bean -> bean.path().equals(file)
                && bean.className().endsWith("ControllerClassNameHandlerMapping"));
        for (Bean bean : beans) {
            if (!bean.path().equals(file)) {
                continue;
            }
            String simpleName = bean.className().substring(bean.className().lastIndexOf('.') + 1);
            if (byClassName && simpleName.endsWith("Controller") && simpleName.length() > "Controller".length()
                    && index.get(bean.className()) != null) {
                // ControllerClassNameHandlerMapping: WelcomeController → /welcome*
                String name = simpleName.substring(0, simpleName.length() - "Controller".length());
                handlerEntries(index, bean, EntryPoints.joinPaths(prefix, name.toLowerCase(java.util.Locale.ROOT) + "*"),
                        entries);
            }
            if (bean.className().endsWith("SimpleUrlHandlerMapping")) {
                for (Map.Entry<String, String> mapping : urlMappings(bean.element()).entrySet()) {
                    Bean handler = byName.get(mapping.getValue());
                    if (handler != null) {
                        handlerEntries(index, handler, EntryPoints.joinPaths(prefix, mapping.getKey()), entries);
                    }
                }
            }
            for (String name : bean.names()) {
                if (name.startsWith("/")) {
                    handlerEntries(index, bean, EntryPoints.joinPaths(prefix, name), entries);
                }
            }
        }
    }

    /** URL → bean name from {@code mappings} ({@code <props>} or properties text) or {@code urlMap} ({@code <map>}). */
    private static Map<String, String> urlMappings(Element mapping) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (Element property : Xml.children(mapping, "property")) {
            for (Element prop : Xml.descendants(property, "prop")) {
                urls.put(prop.getAttribute("key").strip(), prop.getTextContent().strip());
            }
            for (Element entry : Xml.descendants(property, "entry")) {
                String target = entry.getAttribute("value-ref").isBlank() ? entry.getAttribute("value")
                        : entry.getAttribute("value-ref");
                for (Element ref : Xml.descendants(entry, "ref")) {
                    target = ref.getAttribute("bean").isBlank() ? ref.getAttribute("local") : ref.getAttribute("bean");
                }
                urls.put(entry.getAttribute("key").strip(), target.strip());
            }
            List<Element> values = Xml.children(property, "value");
            String text = values.isEmpty() ? property.getAttribute("value") : values.get(0).getTextContent();
            if (property.getAttribute("name").equals("mappings") && text.contains("=")) {
                for (String[] entry : WebFiles.entries(text)) {
                    urls.put(entry[0], entry[1]);
                }
            }
        }
        return urls;
    }

    private void handlerEntries(TypeIndex index, Bean bean, String route, List<EntryPoint> entries) {
        String simpleName = bean.className().substring(bean.className().lastIndexOf('.') + 1);
        if (SpringRemoting.EXPORTERS.contains(simpleName)) {
            SpringRemoting.entries(index, this, bean, route, entries);
            return;
        }
        String className = classOf(bean.names().isEmpty() ? "" : bean.names().get(0));
        IndexedType type = index.get(className == null ? bean.className() : className);
        if (type == null) {
            return;
        }
        Set<String> supertypes = index.supertypeNames(type);
        boolean form = supertypes.stream().anyMatch(s -> s.endsWith("FormController"));
        int before = entries.size();
        if (form) {
            for (Map.Entry<String, String> method : FORM_METHODS.entrySet()) {
                add(index, type, method.getKey(), method.getValue(), route, "spring-mvc-xml", entries);
            }
        } else if (supertypes.contains("MultiActionController")) {
            for (var method : type.declaration.getMethods()) {
                if (method.isPublic() && !method.isStatic() && method.getParameters().size() >= 2) {
                    add(index, type, method.getNameAsString(), "ANY", route, "spring-mvc-xml", entries);
                }
            }
        }
        if (entries.size() == before) {
            for (String method : List.of("handleRequestInternal", "handleRequest")) {
                if (entries.size() == before) {
                    add(index, type, method, "ANY", route, "spring-mvc-xml", entries);
                }
            }
        }
        if (entries.size() == before) {
            entries.add(new EntryPoint(EntryPointKind.HTTP, "spring-mvc-xml", "ANY", route,
                    new MethodId(ClassName.of(type.name), "handleRequest"), new SourceLocation(bean.path(), bean.line())));
        }
    }

    static void add(TypeIndex index, IndexedType type, String method, String httpMethod, String route,
                            String framework, List<EntryPoint> entries) {
        TypeIndex.MethodOwner owner = index.findMethod(type, method);
        if (owner != null) {
            entries.add(new EntryPoint(EntryPointKind.HTTP, framework, httpMethod, route,
                    new MethodId(ClassName.of(owner.type().name), method),
                    new SourceLocation(owner.type().scope.path, Trees.line(owner.method()))));
        }
    }
}
