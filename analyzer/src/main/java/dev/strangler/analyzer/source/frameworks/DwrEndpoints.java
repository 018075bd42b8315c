package dev.strangler.analyzer.source.frameworks;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.source.parse.Trees;
import dev.strangler.analyzer.source.parse.Xml;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DWR ({@code dwr.xml}): each {@code <create javascript="X">} exposes a class ({@code class} parameter) or a Spring
 * bean ({@code beanName}) to browser scripts; its public methods (only the {@code <include method>}s when listed)
 * are {@code POST} entries at {@code <dwr servlet>/call/plaincall/X.method.dwr} (framework {@code dwr}).
 */
final class DwrEndpoints {
    static final List<String> SERVLETS = List.of("org.directwebremoting.servlet.DwrServlet",
            "uk.ltd.getahead.dwr.DWRServlet");

    private DwrEndpoints() {
    }

    static List<EntryPoint> find(TypeIndex index, SpringXml spring, List<FrameworkDescriptors.Document> dwr,
                                 List<WebApp> webApps) {
        List<EntryPoint> entries = new ArrayList<>();
        String prefix = "/dwr";
        for (WebApp webApp : webApps) {
            for (WebApp.Component servlet : webApp.servletsOf(SERVLETS.toArray(String[]::new))) {
                prefix = servlet.patterns().isEmpty() ? prefix : WebApp.Component.prefix(servlet.patterns().get(0));
            }
        }
        for (FrameworkDescriptors.Document document : dwr) {
            for (Element create : Xml.descendants(document.root(), "create")) {
                IndexedType type = null;
                for (Element param : Xml.children(create, "param")) {
                    String value = param.getAttribute("value").strip();
                    if (param.getAttribute("name").equals("beanName")) {
                        type = spring.bean(index, value);
                    } else if (param.getAttribute("name").equals("class") && type == null) {
                        type = index.get(value);
                    }
                }
                if (type == null) {
                    continue;
                }
                Set<String> included = new HashSet<>();
                Xml.children(create, "include").forEach(include -> included.add(include.getAttribute("method")));
                String script = create.getAttribute("javascript");
                TypeIndex.MethodOwner owner;
                for (String method : new java.util.TreeSet<>(included.isEmpty() ? type.methods.keySet() : included)) {
                    owner = index.findMethod(type, method);
                    MethodDeclaration declaration = owner == null ? null : owner.method();
                    if (declaration == null || !declaration.isPublic() && !owner.type().isInterface) {
                        continue;
                    }
                    entries.add(new EntryPoint(EntryPointKind.HTTP, "dwr", "POST",
                            EntryPoints.joinPaths(prefix, "call/plaincall/" + script + "." + method + ".dwr"),
                            new MethodId(ClassName.of(owner.type().name), method),
                            new SourceLocation(owner.type().scope.path, Trees.line(declaration))));
                }
            }
        }
        return entries;
    }
}
