package dev.strangler.lambdalocal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.strangler.lambdalocal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule execution_knows_nothing_of_http_config_or_cli = noClasses()
            .that().resideInAPackage("..lambdalocal.execution..")
            .should().dependOnClassesThat().resideInAnyPackage("..lambdalocal.http..", "..lambdalocal.config..",
                    "..lambdalocal.cli..", "io.netty..", "tools.jackson..", "org.yaml..", "picocli..")
            .because("environments and pools are tested without a server and reused by any front end");

    @ArchTest
    static final ArchRule only_http_uses_the_http_server = noClasses()
            .that().resideOutsideOfPackage("..lambdalocal.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "tools.jackson..")
            .because("Netty and the wire format stay in the http package");

    @ArchTest
    static final ArchRule only_config_reads_yaml = noClasses()
            .that().resideOutsideOfPackage("..lambdalocal.config..")
            .should().dependOnClassesThat().resideInAPackage("org.yaml..")
            .because("the YAML library stays in the config package");

    @ArchTest
    static final ArchRule only_cli_uses_picocli = noClasses()
            .that().resideOutsideOfPackage("..lambdalocal.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the command line is one front end among others");

    @ArchTest
    static final ArchRule nothing_depends_on_the_command_line = noClasses()
            .that().resideOutsideOfPackage("..lambdalocal.cli..")
            .should().dependOnClassesThat().resideInAPackage("..lambdalocal.cli..")
            .because("dependencies point from cli to the library, never back");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("dev.strangler.lambdalocal.(**)")
            .should().beFreeOfCycles()
            .because("each package builds on the ones below it; a cycle would make them one package in two places");

    @ArchTest
    static final ArchRule only_the_command_line_uses_the_root = noClasses()
            .that().resideInAPackage("dev.strangler.lambdalocal.*..").and().resideOutsideOfPackage("..lambdalocal.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.strangler.lambdalocal")
            .because("the root package assembles execution, http and config (LambdaLocal), and only the command line"
                    + " uses it; a package below it that used it would close a cycle the slices do not see");
}
