package dev.strangler.analyzer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Dependencies point one way in the analyzer: cli → source, bytecode, report, fitness → core. */
@AnalyzeClasses(packages = "dev.strangler.analyzer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule core_stays_free_of_frameworks_and_io = noClasses()
            .that().resideInAPackage("..analyzer.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.github.javaparser..", "com.tngtech.archunit..", "org.springframework..", "java.nio.file..",
                    "picocli..", "org.yaml..", "me.tongfei..", "com.fasterxml.jackson..", "..analyzer.baseline..", "..analyzer.source..", "..analyzer.bytecode..",
                    "..analyzer.report..", "..analyzer.cli..")
            .because("the core is tested on in-memory models");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_the_cli = noClasses()
            .that().resideInAnyPackage("..analyzer.source..", "..analyzer.bytecode..", "..analyzer.report..",
                    "..analyzer.fitness..")
            .should().dependOnClassesThat().resideInAPackage("..analyzer.cli..")
            .because("the command line drives the adapters, not the other way round");

    @ArchTest
    static final ArchRule report_writers_do_not_read_code = noClasses()
            .that().resideInAnyPackage("..analyzer.report..", "..analyzer.fitness..")
            .should().dependOnClassesThat().resideInAnyPackage("..analyzer.source..", "..analyzer.bytecode..",
                    "com.github.javaparser..", "java.nio.file..")
            .because("reports are rendered from the core model only; the CLI writes the files");

    @ArchTest
    static final ArchRule javaparser_stays_in_source = noClasses()
            .that().resideOutsideOfPackage("..analyzer.source..")
            .should().dependOnClassesThat().resideInAPackage("com.github.javaparser..")
            .because("no JavaParser type leaves the source package");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("dev.strangler.analyzer.(**)")
            .should().beFreeOfCycles()
            .because("each package builds on the ones below it; a cycle would make them one package in two places");

    @ArchTest
    static final ArchRule jackson_stays_in_baseline = noClasses()
            .that().resideOutsideOfPackage("..analyzer.baseline..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("only a baseline is read back from JSON; the reports are written by hand-rolled writers");

    @ArchTest
    static final ArchRule baseline_reads_reports_not_code = noClasses()
            .that().resideInAPackage("..analyzer.baseline..")
            .should().dependOnClassesThat().resideInAnyPackage("..analyzer.source..", "..analyzer.bytecode..",
                    "..analyzer.report..", "..analyzer.cli..", "java.nio.file..")
            .because("a baseline comparison takes two report texts and returns a value");
}
