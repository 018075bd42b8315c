package dev.strangler.extraction;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Dependencies point one way in extraction: cli → flavors, project, render, source, report → core. */
@AnalyzeClasses(packages = "dev.strangler.extraction", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule core_stays_free_of_frameworks_and_io = noClasses()
            .that().resideInAPackage("..extraction.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.github.javaparser..", "com.samskivert..", "tools.jackson..", "com.networknt..", "picocli..",
                    "java.nio.file..", "java.io..",
                    "..extraction.report..", "..extraction.source..", "..extraction.render..",
                    "..extraction.project..", "..extraction.cli..", "..extraction.spring..", "..extraction.plain..")
            .because("the core is the model a flavor renders, tested in memory");

    @ArchTest
    static final ArchRule template_engine_stays_in_render = noClasses()
            .that().resideOutsideOfPackage("..extraction.render..")
            .should().dependOnClassesThat().resideInAPackage("com.samskivert..")
            .because("templates are rendered in one place, so the engine can be swapped");

    @ArchTest
    static final ArchRule javaparser_stays_in_source = noClasses()
            .that().resideOutsideOfPackage("..extraction.source..")
            .should().dependOnClassesThat().resideInAPackage("com.github.javaparser..")
            .because("no JavaParser type leaves the source package");

    @ArchTest
    static final ArchRule nothing_depends_on_the_cli = noClasses()
            .that().resideOutsideOfPackage("..extraction.cli..")
            .should().dependOnClassesThat().resideInAPackage("..extraction.cli..")
            .because("the command line drives everything else");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.strangler.extraction.(*)..").should().beFreeOfCycles();
}
