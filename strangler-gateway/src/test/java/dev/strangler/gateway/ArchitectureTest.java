package dev.strangler.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.strangler.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule routing_is_plain_java = noClasses()
            .that().resideInAPackage("..gateway.routing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
                    "org.yaml..", "java.nio.file..", "org.slf4j..", "..gateway.lambda..", "..gateway.web..", "..gateway.config..")
            .because("the route table is tested on in-memory values");

    @ArchTest
    static final ArchRule comparison_is_plain_java = noClasses()
            .that().resideInAPackage("..gateway.comparison..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.netty..",
                    "software.amazon..", "org.slf4j..", "java.nio.file..", "..gateway.routing..", "..gateway.web..",
                    "..gateway.lambda..", "..gateway.config..")
            .because("body comparison and noise learning are tested on in-memory values");

    @ArchTest
    static final ArchRule lambda_uses_no_spring = noClasses()
            .that().resideInAPackage("..gateway.lambda..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "..gateway.web..", "..gateway.config..")
            .because("invocation and event mapping stay framework-free");

    @ArchTest
    static final ArchRule aws_sdk_only_in_lambda = noClasses()
            .that().resideOutsideOfPackage("..gateway.lambda..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("the AWS SDK stays behind LambdaInvoker");

    @ArchTest
    static final ArchRule cli_runs_without_spring = noClasses()
            .that().resideInAPackage("..gateway.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("./strangler routes starts without a Spring context");

    @ArchTest
    static final ArchRule seeding_runs_without_spring = noClasses()
            .that().resideInAPackage("..gateway.seeding..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "..gateway.web..",
                    "..gateway.lambda..", "..gateway.cli..")
            .because("./strangler routes seed reads a report offline, without a Spring context or a gateway");

    @ArchTest
    static final ArchRule iam_is_plain_java = noClasses()
            .that().resideInAPackage("..gateway.iam..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.nio.file..", "org.yaml..",
                    "..gateway.web..", "..gateway.lambda..", "..gateway.cli..", "..gateway.routefile..")
            .because("the policy is computed from a route table in memory; ./strangler routes iam reads the file");

    @ArchTest
    static final ArchRule drain_is_plain_java = noClasses()
            .that().resideInAPackage("..gateway.drain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.netty..",
                    "org.slf4j..", "..gateway.web..", "..gateway.config..", "..gateway.lambda..")
            .because("the drain's states and counts are tested on values");

    @ArchTest
    static final ArchRule rollout_is_plain_java = noClasses()
            .that().resideInAPackage("..gateway.rollout..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.netty..",
                    "io.micrometer..", "org.yaml..", "org.slf4j..", "java.nio.file..", "..gateway.routing..",
                    "..gateway.routefile..", "..gateway.web..", "..gateway.autopilot..", "..gateway.lambda..",
                    "..gateway.config..")
            .because("the judge and the step figures are tested on values; a route holds a rollout, not the reverse");

    @ArchTest
    static final ArchRule dashboard_is_plain_java = noClasses()
            .that().resideInAPackage("..gateway.dashboard..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.netty..",
                    "io.micrometer..", "org.slf4j..", "java.nio.file..", "..gateway.web..", "..gateway.routefile..",
                    "..gateway.autopilot..", "..gateway.lambda..", "..gateway.config..")
            .because("the dashboard's view, live figures and sessions are tested on values; web serves them");

    @ArchTest
    static final ArchRule autopilot_uses_no_spring_or_web = noClasses()
            .that().resideInAPackage("..gateway.autopilot..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.netty..",
                    "..gateway.web..", "..gateway.lambda..", "..gateway.config..")
            .because("the scheduler applies decisions through the route store only");

@ArchTest
    static final ArchRule route_store_runs_without_spring = noClasses()
            .that().resideInAPackage("..gateway.routedb..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "..gateway.web..",
                    "..gateway.lambda..", "..gateway.cli..")
            .because("./strangler routes import and export reach the shared store without a Spring context");

    @ArchTest
    static final ArchRule the_route_file_knows_no_database = noClasses()
            .that().resideInAPackage("..gateway.routefile..")
            .should().dependOnClassesThat().resideInAnyPackage("..gateway.routedb..", "java.sql..", "org.postgresql..")
            .because("RouteStore sees a RouteSource; the PostgreSQL one depends on routefile, not the other way");

    @ArchTest
    static final ArchRule adapters_do_not_reach_into_wiring = noClasses()
            .that().resideInAnyPackage("..gateway.routing..", "..gateway.routefile..", "..gateway.routedb..",
                    "..gateway.lambda..", "..gateway.web..", "..gateway.seeding..", "..gateway.drain..",
                    "..gateway.rollout..", "..gateway.autopilot..", "..gateway.dashboard..")
            .should().dependOnClassesThat().resideInAPackage("..gateway.config..")
            .because("dependencies point config -> web -> lambda/routefile -> routing");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("dev.strangler.gateway.(**)")
            .should().beFreeOfCycles()
            .because("each package builds on the ones below it; a cycle would make them one package in two places");

    @ArchTest
    static final ArchRule nothing_below_the_root_depends_on_it = noClasses()
            .that().resideInAPackage("dev.strangler.gateway.*..")
            .should().dependOnClassesThat().resideInAPackage("dev.strangler.gateway")
            .because("the root package holds the application only; a package that used it would close a cycle the"
                    + " slices do not see");
}
