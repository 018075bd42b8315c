package dev.strangler.extraction.project;

import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.AdapterMethod;
import dev.strangler.extraction.core.SharedRepository;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.LocalRead;
import dev.strangler.extraction.core.MonolithCall;
import dev.strangler.extraction.core.Route;
import dev.strangler.extraction.core.SourceFile;
import dev.strangler.extraction.core.TableUse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values every template sees, built from the plan as plain maps and lists (so a replaced template can name any of
 * them without knowing our classes). {@code README.md} in this module lists them.
 */
public final class TemplateValues {
    private TemplateValues() {
    }

    public static Map<String, Object> of(ExtractionPlan plan, String flavor, String handler) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("service", plan.service());
        v.put("functionName", plan.functionName());
        v.put("typePrefix", typePrefix(plan.service()));
        v.put("rootPackage", plan.rootPackage());
        v.put("generatedPackage", plan.generatedPackage());
        v.put("generatedPath", plan.generatedPackage().replace('.', '/'));
        v.put("rootPath", plan.rootPackage().replace('.', '/'));
        v.put("flavor", flavor);
        v.put("handler", handler);
        v.put("springBootVersion", plan.build().springBootVersion() == null ? "unknown" : plan.build().springBootVersion());
        v.put("springBootFoundIn", plan.build().foundIn());
        v.put("routes", routes(plan));
        v.put("routeGroups", routeGroups(plan));
        v.put("hasRoutes", !plan.routes().isEmpty());
        v.put("firstRoute", plan.routes().isEmpty() ? null : route(plan, plan.routes().get(0)));
        v.put("tables", tables(plan.tables()));
        v.put("sharedTables", tables(plan.sharedTables()));
        v.put("hasSharedTables", !plan.sharedTables().isEmpty());
        v.put("moved", files(plan.moved()));
        v.put("kernel", files(plan.kernel()));
        v.put("borrowed", files(plan.borrowed()));
        v.put("hasKernel", !plan.kernel().isEmpty());
        v.put("hasBorrowed", !plan.borrowed().isEmpty());
        v.put("adapters", plan.adapters().stream().map(TemplateValues::adapter).toList());
        v.put("hasAdapters", !plan.adapters().isEmpty());
        v.put("hasMonolithAdapters", !plan.monolithAdapters().isEmpty());
        v.put("todo", plan.todo());
        v.put("hasTodo", !plan.todo().isEmpty());
        v.put("annotationProcessorPaths", plan.build().annotationProcessorPaths().stream().map(TemplateValues::coordinates)
                .toList());
        v.put("hasAnnotationProcessorPaths", !plan.build().annotationProcessorPaths().isEmpty());
        v.put("processorPlugins", plan.build().processorPlugins());
        return v;
    }

    /** {@code groupId:artifactId:[version]} as a map a pom template reads; no version: false. */
    private static Map<String, Object> coordinates(String gav) {
        String[] parts = gav.split(":");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groupId", parts[0]);
        m.put("artifactId", parts[1]);
        m.put("version", parts.length > 2 && !parts[2].isEmpty() ? parts[2] : false);
        return m;
    }

    /** {@code shipping-rates} → {@code ShippingRates}. */
    public static String typePrefix(String service) {
        StringBuilder prefix = new StringBuilder();
        for (String part : service.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String name = prefix.toString();
        return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "Service" + name : name;
    }

    private static List<Map<String, Object>> routes(ExtractionPlan plan) {
        List<Map<String, Object>> routes = new ArrayList<>();
        for (int i = 0; i < plan.routes().size(); i++) {
            Map<String, Object> route = route(plan, plan.routes().get(i));
            // a Java identifier per route, for generated test names
            route.put("testName", (plan.routes().get(i).method() + plan.routes().get(i).path())
                    .replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT) + "_" + (i + 1));
            routes.add(route);
        }
        return routes;
    }

    private static Map<String, Object> route(ExtractionPlan plan, Route r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.method());
        m.put("path", r.path());
        m.put("handler", r.handler());
        m.put("routeId", r.routeId(plan.service()));
        // a concrete path for examples and tests: each {variable} becomes 1
        m.put("examplePath", r.path().replaceAll("\\{[^}]+}", "1"));
        m.put("hasBody", List.of("POST", "PUT", "PATCH").contains(r.method()));
        return m;
    }

    /** One gateway route per HTTP method: {@code <service>-<method>}, with that method's paths. */
    private static List<Map<String, Object>> routeGroups(ExtractionPlan plan) {
        Map<String, List<String>> byMethod = new TreeMap<>();
        for (Route r : plan.routes()) {
            if (!"ANY".equals(r.method())) {
                byMethod.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r.path());
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byMethod.forEach((method, paths) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("id", plan.service() + "-" + method.toLowerCase(Locale.ROOT));
            g.put("method", method);
            g.put("paths", paths.stream().distinct().map(p -> "\"" + p + "\"").toList());
            g.put("pathList", String.join(", ", paths.stream().distinct().map(p -> "\"" + p + "\"").toList()));
            groups.add(g);
        });
        return groups;
    }

    private static List<Map<String, Object>> tables(List<TableUse> tables) {
        return tables.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", t.table());
            m.put("owned", t.owned());
            m.put("sharedWith", t.sharedWith().isEmpty() ? "-" : String.join(", ", t.sharedWith()));
            m.put("otherWriters", t.otherWriters().isEmpty() ? "nobody else" : String.join(", ", t.otherWriters()));
            m.put("writes", t.writes());
            m.put("reads", t.reads());
            return m;
        }).toList();
    }

    private static List<Map<String, Object>> files(List<SourceFile> files) {
        return files.stream().map(f -> Map.<String, Object>of("className", f.className(), "path", f.path())).toList();
    }

    private static Map<String, Object> adapter(Adapter a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("className", a.className());
        m.put("simpleName", a.simpleName());
        m.put("packageName", a.packageName());
        m.put("owner", a.owner());
        m.put("imports", a.imports());
        m.put("methods", a.methods().stream().map(TemplateValues::method).toList());
        m.put("notYetMoved", a.notYetMoved().size());
        m.put("answeredBy", a.isSharedData() ? "Spring Data, over the shared database"
                : a.monolithCalls().size() + " through a monolith route" + (a.localReads().isEmpty() ? ""
                : ", " + a.localReads().size() + " read in the function over the shared database"));
        List<LocalRead> reads = a.localReads().stream().map(AdapterMethod::localRead).toList();
        m.put("localImports", reads.stream().flatMap(r -> r.imports().stream()).distinct().sorted().toList());
        m.put("localHelpers", reads.stream().flatMap(r -> r.helpers().stream()).distinct().toList());
        m.put("localFields", reads.stream().flatMap(r -> r.repositories().stream()).distinct()
                .sorted(java.util.Comparator.comparing(AdapterMethod.Parameter::name))
                .map(f -> Map.<String, Object>of("type", f.type(), "name", f.name())).toList());
        SharedRepository shared = a.sharedRepository();
        m.put("sharedRepository", shared == null ? false
                : Map.of("entityClass", shared.entityClass(), "idType", shared.idType()));
        return m;
    }

    private static Map<String, Object> method(AdapterMethod am) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("returnType", am.returnType());
        m.put("boxedReturnType", boxed(am.returnType()));
        m.put("isVoid", "void".equals(am.returnType()));
        m.put("name", am.name());
        m.put("signature", am.signature());
        m.put("parameters", String.join(", ", am.parameters().stream().map(p -> p.type() + " " + p.name()).toList()));
        m.put("notYetMoved", am.isNotYetMoved());
        m.put("annotations", am.annotations());
        LocalRead read = am.localRead();
        m.put("localRead", read == null ? false : Map.<String, Object>of("code", read.code(), "reads", read.readsText(),
                "hasReads", !read.reads().isEmpty()));
        MonolithCall call = am.call();
        if (call != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("method", call.method());
            c.put("httpMethod", call.method().toLowerCase(Locale.ROOT));
            c.put("path", call.path());
            c.put("pathArguments", String.join(", ", call.pathParameters()));
            c.put("queryParameters", call.queryParameters().stream()
                    .map(q -> Map.<String, Object>of("name", q.name(), "parameter", q.parameter())).toList());
            m.put("call", c);
        } else {
            m.put("call", false);
        }
        return m;
    }

    private static String boxed(String type) {
        return switch (type) {
            case "int" -> "Integer";
            case "long" -> "Long";
            case "boolean" -> "Boolean";
            case "double" -> "Double";
            case "float" -> "Float";
            case "short" -> "Short";
            case "byte" -> "Byte";
            case "char" -> "Character";
            case "void" -> "Void";
            default -> type;
        };
    }
}
