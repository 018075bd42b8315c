package dev.strangler.analyzer.source.frameworks;

import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.source.parse.Xml;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Set;

/**
 * Spring remoting exporters mapped to a URL (HTTP invoker, Hessian, Burlap): one {@code POST} entry (framework
 * {@code spring-remoting}) per method of the exported interface, handled by the service bean's class where it
 * declares the method, else by the interface (the trace then reaches its implementations).
 */
final class SpringRemoting {
    static final Set<String> EXPORTERS = Set.of("HttpInvokerServiceExporter", "SimpleHttpInvokerServiceExporter",
            "HessianServiceExporter", "BurlapServiceExporter");

    private SpringRemoting() {
    }

    /** One entry per method of the exported interface, handled by the service bean's class where it declares it. */
    static void entries(TypeIndex index, SpringXml spring, SpringXml.Bean exporter, String route,
                        List<EntryPoint> entries) {
        String serviceInterface = null;
        String service = null;
        for (Element property : Xml.children(exporter.element(), "property")) {
            String value = property.getAttribute("value").strip();
            String ref = property.getAttribute("ref").strip();
            if (value.isEmpty() && !Xml.children(property, "value").isEmpty()) {
                value = Xml.childText(property, "value");
            }
            for (Element inner : Xml.children(property, "ref")) {
                ref = inner.getAttribute("bean").isBlank() ? inner.getAttribute("local") : inner.getAttribute("bean");
            }
            if (property.getAttribute("name").equals("serviceInterface")) {
                serviceInterface = value;
            } else if (property.getAttribute("name").equals("service")) {
                service = ref.isEmpty() ? null : spring.classOf(ref);
                for (Element inner : Xml.children(property, "bean")) {
                    service = inner.getAttribute("class");
                }
            }
        }
        IndexedType contract = serviceInterface == null ? null : index.get(serviceInterface);
        IndexedType implementation = service == null ? null : index.get(service);
        IndexedType owner = contract != null ? contract : implementation;
        if (owner == null) {
            return;
        }
        for (String method : new java.util.TreeSet<>(owner.methods.keySet())) {
            IndexedType handler = implementation != null && index.findMethod(implementation, method) != null
                    ? implementation : owner;
            SpringXml.add(index, handler, method, "POST", route, "spring-remoting", entries);
        }
    }

}
