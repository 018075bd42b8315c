package dev.strangler.extraction.plain;

import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.Flavor;
import dev.strangler.extraction.core.ProjectFile;
import dev.strangler.extraction.core.Renderer;
import dev.strangler.extraction.core.SourceFile;
import dev.strangler.extraction.source.springapp.Component;
import dev.strangler.extraction.source.springapp.SpringApplication;
import dev.strangler.extraction.source.springapp.SpringSourceReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code plain} flavor: no Spring context at run time. The moved controllers are called from a generated route
 * table, the object graph is created by generated code, Spring Data repositories come from
 * {@code JpaRepositoryFactory} over a Hibernate {@code EntityManagerFactory}, and the monolith's exception
 * handlers give the error answers. Cold starts are those of Hibernate, not of Spring Boot.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlainFlavor implements Flavor {

    /** The runtime classes every plain function carries unchanged but for its package. */
    static final List<String> RUNTIME = List.of("Answer", "Arguments", "Dispatcher", "ErrorAnswers", "FunctionHandler",
            "HttpCall", "Jpa", "Json", "PathTemplate", "Route", "ServletViews", "Settings", "Validators");

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public String description() {
        return "a plain Java handler without a Spring context (generated routing and wiring, Hibernate and Spring Data"
                + " JPA underneath): the fast cold start";
    }

    @Override
    public String handler(ExtractionPlan plan) {
        return plan.generatedPackage() + ".FunctionHandler::handleRequest";
    }

    @Override
    public Map<String, Object> values(ExtractionPlan plan) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("flavorDependencies", List.of("aws-lambda-java-events", "spring-data-jpa (repositories only, no"
                + " context)", "hibernate-core", "HikariCP", "jackson-databind 3", "hibernate-validator"));
        List<String> todo = todo(plan);
        values.put("todo", todo);
        values.put("hasTodo", !todo.isEmpty());
        return values;
    }

    /** The plan's to-do list, then the routes and beans this flavor could not bind. */
    @Override
    public List<String> todo(ExtractionPlan plan) {
        PlainFunction function = generated(plan);
        List<String> todo = new ArrayList<>(plan.todo());
        todo.addAll(function.todo());
        return List.copyOf(todo);
    }

    @Override
    public List<ProjectFile> files(ExtractionPlan plan, Renderer renderer, Map<String, Object> values) {
        PlainFunction function = generated(plan);
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.putAll(function.values());
        String source = "src/main/java/" + plan.generatedPackage().replace('.', '/') + "/";
        String test = "src/test/java/" + plan.generatedPackage().replace('.', '/') + "/";
        List<ProjectFile> files = new ArrayList<>();
        files.add(new ProjectFile("pom.xml", renderer.render("plain/pom.xml.mustache", all)));
        // the deployment zip's layout is the spring flavor's: one descriptor for both
        files.add(new ProjectFile("src/assembly/lambda-zip.xml", renderer.render("spring/lambda-zip.xml.mustache", values)));
        for (String name : RUNTIME) {
            files.add(new ProjectFile(source + name + ".java", renderer.render("plain/runtime/" + name + ".java.mustache", all)));
        }
        files.add(new ProjectFile(source + "Beans.java", renderer.render("plain/Beans.java.mustache", all)));
        files.add(new ProjectFile(source + "Routes.java", renderer.render("plain/Routes.java.mustache", all)));
        files.add(new ProjectFile(test + "FunctionHandlerTest.java",
                renderer.render("plain/FunctionHandlerTest.java.mustache", all)));
        if (function.hasMonolithAdapters()) {
            files.addAll(monolithAdapters(plan, renderer, values, source));
        }
        return files;
    }

    /**
     * The adapters that answer through the monolith: the same implementation as the spring flavor's (Spring's
     * {@code RestClient} needs no context), created by the generated {@code Beans} instead of component scanning.
     */
    private static List<ProjectFile> monolithAdapters(ExtractionPlan plan, Renderer renderer, Map<String, Object> values,
            String source) {
        List<ProjectFile> files = new ArrayList<>();
        for (String name : List.of("NotYetMovedException", "MonolithClient", "NotYetMovedAdvice")) {
            files.add(new ProjectFile(source + "monolith/" + name + ".java",
                    renderer.render("spring/" + name + ".java.mustache", values)));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> adapters = (List<Map<String, Object>>) values.get("adapters");
        for (int i = 0; i < plan.adapters().size(); i++) {
            Adapter adapter = plan.adapters().get(i);
            if (adapter.isSharedData()) {
                continue; // Spring Data's repository factory implements its interface; see SharedRepository
            }
            Map<String, Object> adapterValues = new LinkedHashMap<>(values);
            adapterValues.put("adapter", adapters.get(i));
            files.add(new ProjectFile(source + "monolith/" + adapter.simpleName() + "MonolithAdapter.java",
                    renderer.render("spring/MonolithAdapter.java.mustache", adapterValues)));
        }
        return files;
    }

    @Override
    public List<String> problems(ExtractionPlan plan) {
        int major = plan.build().springBootMajor();
        if (major != 0 && major != 4) {
            return List.of("the plain flavor generates code for Spring Boot 4 (Spring Framework 7, Jackson 3), but the"
                    + " monolith uses Spring Boot " + plan.build().springBootVersion() + " (" + plan.build().foundIn()
                    + "); use --flavor spring");
        }
        return List.of();
    }

    /** The generated function for a plan; also what the command prints as the flavor's to-do list. */
    public PlainFunction generated(ExtractionPlan plan) {
        List<SourceFile> sources = new ArrayList<>(plan.moved());
        sources.addAll(plan.kernel());
        sources.addAll(plan.borrowed());
        SpringApplication application = new SpringSourceReader().read(sources);
        AdapterBeans adapters = new AdapterBeans(plan, application);
        List<Component> components = new ArrayList<>(application.components());
        components.addAll(adapters.components());
        Wiring wiring = Wiring.of(components, adapters.domains());
        List<GeneratedRoute> routes = new RouteCode(application, wiring).routes(plan.routes());
        return new PlainFunction(plan, application, wiring, routes, adapters);
    }
}
