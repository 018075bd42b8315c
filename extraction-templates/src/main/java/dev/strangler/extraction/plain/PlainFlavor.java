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
        values.put("flavorTodo", generated(plan).todo());
        return values;
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
        for (String name : RUNTIME) {
            files.add(new ProjectFile(source + name + ".java", renderer.render("plain/runtime/" + name + ".java.mustache", all)));
        }
        files.add(new ProjectFile(source + "Beans.java", renderer.render("plain/Beans.java.mustache", all)));
        files.add(new ProjectFile(source + "Routes.java", renderer.render("plain/Routes.java.mustache", all)));
        files.add(new ProjectFile(test + "FunctionHandlerTest.java",
                renderer.render("plain/FunctionHandlerTest.java.mustache", all)));
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
        List<Component> components = new ArrayList<>(application.components());
        for (Adapter adapter : plan.adapters()) {
            components.add(new Component(adapter.className(), Component.Kind.COMPONENT, List.of(), List.of(),
                    List.of(), false, null));
        }
        Wiring wiring = Wiring.of(components);
        List<GeneratedRoute> routes = new RouteCode(application, wiring).routes(plan.routes());
        return new PlainFunction(plan, application, wiring, routes);
    }
}
