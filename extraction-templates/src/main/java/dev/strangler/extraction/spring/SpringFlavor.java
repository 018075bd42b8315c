package dev.strangler.extraction.spring;

import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.Flavor;
import dev.strangler.extraction.core.MonolithBuild;
import dev.strangler.extraction.core.ProjectFile;
import dev.strangler.extraction.core.Renderer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lift-and-shift flavor: the candidate's Spring code runs unchanged inside AWS's serverless Java container for
 * the monolith's own Spring Boot major ({@code aws-serverless-java-container-springboot3} 2.1.2 for Boot 3,
 * {@code -springboot4} 3.0.2 for Boot 4), which turns HTTP API v2 events into servlet requests.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpringFlavor implements Flavor {
    private static final Map<Integer, String> CONTAINER_VERSIONS = Map.of(3, "2.1.2", 4, "3.0.2");
    private static final String CONTAINER_GROUP = "com.amazonaws.serverless";
    private static final List<String> WEB_STARTERS = List.of("spring-boot-starter-web", "spring-boot-starter-webmvc");

    @Override
    public String name() {
        return "spring";
    }

    @Override
    public String description() {
        return "lift and shift: the moved Spring code runs unchanged in AWS's serverless Java container";
    }

    @Override
    public String handler(ExtractionPlan plan) {
        return plan.generatedPackage() + ".StreamLambdaHandler::handleRequest";
    }

    @Override
    public List<String> problems(ExtractionPlan plan) {
        MonolithBuild build = plan.build();
        int major = build.springBootMajor();
        if (major == 0) {
            return List.of("the monolith's Spring Boot version could not be told from " + build.foundIn()
                    + "; the spring flavor needs Spring Boot 3 or 4 (it picks AWS's serverless Java container by the major "
                    + "version); use --flavor plain, or name the Boot parent or BOM in the monolith's build");
        }
        if (!CONTAINER_VERSIONS.containsKey(major)) {
            return List.of("the monolith runs Spring Boot " + build.springBootVersion() + ", but the spring flavor covers "
                    + "Spring Boot 3 and 4 only (javax to jakarta is a migration of its own); use --flavor plain");
        }
        return List.of();
    }

    @Override
    public Map<String, Object> values(ExtractionPlan plan) {
        int major = plan.build().springBootMajor();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("containerGroupId", CONTAINER_GROUP);
        v.put("containerArtifactId", "aws-serverless-java-container-springboot" + major);
        v.put("containerVersion", CONTAINER_VERSIONS.getOrDefault(major, "unknown"));
        v.put("springBootMajor", major);
        // the Boot 4 container is built on Jackson 3.0 with afterburner, which Jackson 3.1 no longer publishes
        v.put("afterburnerVersion", major == 4 ? "3.0.2" : false);
        v.put("dependencies", dependencies(plan.build()));
        v.put("droppedDependencies", dropped(plan.build()));
        v.put("hasH2", plan.build().dependencies().stream().anyMatch(d -> d.startsWith("com.h2database:h2")));
        v.put("monolithProperties", plan.build().properties());
        v.put("applicationClass", typePrefix(plan.service()) + "FunctionApplication");
        return v;
    }

    private static String typePrefix(String service) {
        StringBuilder prefix = new StringBuilder();
        for (String part : service.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return prefix.length() == 0 || Character.isDigit(prefix.charAt(0)) ? "Service" + prefix : prefix.toString();
    }

    /** The monolith's dependencies the function keeps; the servlet container goes (the Lambda container replaces it). */
    private static List<Map<String, Object>> dependencies(MonolithBuild build) {
        List<Map<String, Object>> kept = new ArrayList<>();
        for (String dependency : build.dependencies()) {
            String[] gav = dependency.split(":");
            if (isDropped(gav[1])) {
                continue;
            }
            Map<String, Object> d = new HashMap<>();
            d.put("groupId", gav[0]);
            d.put("artifactId", gav[1]);
            d.put("version", gav.length > 2 && !gav[2].isEmpty() ? gav[2] : false);
            d.put("scope", gav.length > 3 ? gav[3] : false);
            d.put("excludeTomcat", WEB_STARTERS.contains(gav[1]));
            kept.add(d);
        }
        return kept;
    }

    private static List<String> dropped(MonolithBuild build) {
        return build.dependencies().stream().map(d -> d.split(":")).filter(gav -> isDropped(gav[1]))
                .map(gav -> gav[0] + ":" + gav[1]).toList();
    }

    /** Schema migrations stay with the monolith, which owns the schema for now; developer tools have no place in a function. */
    private static boolean isDropped(String artifactId) {
        return artifactId.contains("flyway") || artifactId.contains("liquibase") || artifactId.equals("spring-boot-devtools")
                || artifactId.equals("spring-boot-docker-compose") || artifactId.contains("tomcat")
                || artifactId.contains("jetty") || artifactId.contains("undertow");
    }

    @Override
    public List<ProjectFile> files(ExtractionPlan plan, Renderer renderer, Map<String, Object> values) {
        String generated = "src/main/java/" + plan.generatedPackage().replace('.', '/') + "/";
        String root = plan.rootPackage().isEmpty() ? "" : plan.rootPackage().replace('.', '/') + "/";
        List<ProjectFile> files = new ArrayList<>();
        files.add(file("pom.xml", "spring/pom.xml.mustache", renderer, values));
        files.add(file("src/assembly/lambda-zip.xml", "spring/lambda-zip.xml.mustache", renderer, values));
        files.add(file(generated + "StreamLambdaHandler.java", "spring/StreamLambdaHandler.java.mustache", renderer, values));
        files.add(file("src/main/java/" + root + values.get("applicationClass") + ".java",
                "spring/FunctionApplication.java.mustache", renderer, values));
        files.add(file(generated + "RequestSessionFilter.java", "spring/RequestSessionFilter.java.mustache", renderer, values));
        files.add(file("src/main/resources/application.properties", "spring/application.properties.mustache", renderer, values));
        files.add(file("src/test/java/" + plan.generatedPackage().replace('.', '/') + "/StreamLambdaHandlerTest.java",
                "spring/StreamLambdaHandlerTest.java.mustache", renderer, values));
        if (!plan.monolithAdapters().isEmpty()) {
            files.add(file(generated + "monolith/NotYetMovedException.java", "spring/NotYetMovedException.java.mustache",
                    renderer, values));
            files.add(file(generated + "monolith/MonolithClient.java", "spring/MonolithClient.java.mustache", renderer, values));
            files.add(file(generated + "monolith/NotYetMovedAdvice.java", "spring/NotYetMovedAdvice.java.mustache",
                    renderer, values));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> adapters = (List<Map<String, Object>>) values.get("adapters");
        for (int i = 0; i < plan.adapters().size(); i++) {
            Adapter adapter = plan.adapters().get(i);
            if (adapter.isSharedData()) {
                continue; // Spring Data implements its interface; see SharedRepository
            }
            Map<String, Object> adapterValues = new HashMap<>(values);
            adapterValues.put("adapter", adapters.get(i));
            files.add(file(generated + "monolith/" + adapter.simpleName() + "MonolithAdapter.java",
                    "spring/MonolithAdapter.java.mustache", renderer, adapterValues));
        }
        return files;
    }

    private static ProjectFile file(String path, String template, Renderer renderer, Map<String, Object> values) {
        return new ProjectFile(path, renderer.render(template, values));
    }
}
