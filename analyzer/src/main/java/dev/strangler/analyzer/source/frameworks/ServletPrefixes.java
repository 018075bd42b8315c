package dev.strangler.analyzer.source.frameworks;

import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.source.parse.Xml;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The URL prefix a servlet mapping puts before annotated routes: Spring MVC {@code @RequestMapping} paths of the
 * classes in a module whose {@code web.xml} maps its {@code DispatcherServlet} to one path prefix ({@code /app/*} →
 * {@code /app/users}), and JAX-RS resources that a CXF {@code <jaxrs:server address>} serves, under the
 * {@code CXFServlet}'s pattern ({@code /services/*} + {@code /api} → {@code /services/api/users}).
 */
final class ServletPrefixes {
    private ServletPrefixes() {
    }

    static List<EntryPoint> apply(List<EntryPoint> entries, TypeIndex index, List<WebApp> webApps, SpringXml spring) {
        Map<String, String> springModules = dispatcherPrefixes(webApps);
        Map<String, String> cxfClasses = cxfPrefixes(index, webApps, spring);
        if (springModules.isEmpty() && cxfClasses.isEmpty()) {
            return entries;
        }
        List<EntryPoint> result = new ArrayList<>(entries.size());
        for (EntryPoint entry : entries) {
            String prefix = null;
            if (entry.framework().equals("spring-mvc")) {
                for (Map.Entry<String, String> module : springModules.entrySet()) {
                    if (entry.location().path().startsWith(module.getKey())) {
                        prefix = module.getValue();
                    }
                }
            } else if (entry.framework().equals("jax-rs")) {
                prefix = cxfClasses.get(entry.handler().owner().value());
            }
            result.add(prefix == null || prefix.isEmpty() ? entry : new EntryPoint(entry.kind(), entry.framework(),
                    entry.httpMethod(), EntryPoints.joinPaths(prefix, entry.path()), entry.handler(), entry.location()));
        }
        return result;
    }

    /** Module folder (where {@code web.xml} sits below) → the one path prefix of its DispatcherServlets. */
    private static Map<String, String> dispatcherPrefixes(List<WebApp> webApps) {
        Map<String, String> modules = new HashMap<>();
        for (WebApp webApp : webApps) {
            Set<String> prefixes = new HashSet<>();
            for (WebApp.Component dispatcher : webApp.servletsOf(SpringXml.DISPATCHER)) {
                dispatcher.patterns().forEach(pattern -> prefixes.add(WebApp.Component.prefix(pattern)));
            }
            if (prefixes.size() == 1) {
                modules.put(moduleOf(webApp.path()), prefixes.iterator().next());
            }
        }
        return modules;
    }

    /** The folder of the module a {@code web.xml} belongs to: what precedes {@code src/main/} or {@code WEB-INF/}. */
    static String moduleOf(String path) {
        int at = path.indexOf("src/main/");
        at = at >= 0 ? at : path.indexOf("WEB-INF/");
        return at < 0 ? "" : path.substring(0, at);
    }

    /** Class served by a {@code <jaxrs:server>} → the CXFServlet prefix plus the server's address. */
    private static Map<String, String> cxfPrefixes(TypeIndex index, List<WebApp> webApps, SpringXml spring) {
        Map<String, String> classes = new HashMap<>();
        String servlet = "";
        for (WebApp webApp : webApps) {
            for (WebApp.Component cxf : webApp.servletsOf(CxfEndpoints.SERVLET)) {
                servlet = servlet.isEmpty() && !cxf.patterns().isEmpty()
                        ? WebApp.Component.prefix(cxf.patterns().get(0)) : servlet;
            }
        }
        for (FrameworkDescriptors.Document document : spring.documents) {
            for (Element server : Xml.descendants(document.root(), "server")) {
                String address = EntryPoints.joinPaths(servlet, server.getAttribute("address"));
                for (Element beans : Xml.descendants(server, "serviceBeans")) {
                    for (Element ref : Xml.descendants(beans, "ref")) {
                        IndexedType type = spring.bean(index, ref.getAttribute("bean"));
                        if (type != null) {
                            classes.put(type.name, address);
                        }
                    }
                    for (Element bean : Xml.descendants(beans, "bean")) {
                        classes.put(bean.getAttribute("class"), address);
                    }
                }
            }
        }
        return classes;
    }
}
