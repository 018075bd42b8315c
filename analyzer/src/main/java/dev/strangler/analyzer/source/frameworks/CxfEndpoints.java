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
import java.util.List;

/**
 * Apache CXF JAX-WS endpoints declared in Spring XML ({@code <jaxws:endpoint implementor="#bean" address="/X"/>}):
 * one {@code POST} entry (framework {@code jax-ws}) per public method the implementing class declares, at the
 * address under the {@code CXFServlet}'s URL pattern. (JAX-RS resources that CXF serves are read from their
 * annotations; the {@code jaxrs:server} address is not added to their paths.)
 */
final class CxfEndpoints {
    static final String SERVLET = "org.apache.cxf.transport.servlet.CXFServlet";

    private CxfEndpoints() {
    }

    static List<EntryPoint> find(TypeIndex index, SpringXml spring, List<WebApp> webApps) {
        List<EntryPoint> entries = new ArrayList<>();
        String prefix = null;
        for (WebApp webApp : webApps) {
            for (WebApp.Component servlet : webApp.servletsOf(SERVLET)) {
                prefix = prefix != null || servlet.patterns().isEmpty() ? prefix
                        : WebApp.Component.prefix(servlet.patterns().get(0));
            }
        }
        for (FrameworkDescriptors.Document document : spring.documents) {
            for (Element endpoint : Xml.descendants(document.root(), "endpoint")) {
                String implementor = endpoint.getAttribute("implementor").strip();
                if (implementor.isEmpty()) {
                    implementor = endpoint.getAttribute("implementorClass").strip();
                }
                IndexedType type = implementor.startsWith("#") ? spring.bean(index, implementor.substring(1))
                        : index.get(implementor);
                if (type == null) {
                    continue;
                }
                String path = EntryPoints.joinPaths(prefix == null ? "" : prefix, endpoint.getAttribute("address"));
                for (MethodDeclaration method : type.declaration.getMethods()) {
                    if (method.isPublic() && !method.isStatic()) {
                        entries.add(new EntryPoint(EntryPointKind.HTTP, "jax-ws", "POST", path,
                                new MethodId(ClassName.of(type.name), method.getNameAsString()),
                                new SourceLocation(type.scope.path, Trees.line(method))));
                    }
                }
            }
        }
        return entries;
    }
}
