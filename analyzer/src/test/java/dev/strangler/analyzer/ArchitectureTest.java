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
            .because("no JavaParser type leaves the source package and its sub-packages");

    @ArchTest
    static final ArchRule cache_keeps_the_core_model_only = noClasses()
            .that().resideInAPackage("..analyzer.cache..")
            .should().dependOnClassesThat().resideInAnyPackage("..analyzer.source..", "..analyzer.bytecode..",
                    "..analyzer.report..", "..analyzer.cli..", "com.github.javaparser..")
            .because("the scan cache stores the core model; what a scan reads is the scanner's to say");

    private static final String SOURCE_ROOT = "dev.strangler.analyzer.source";

    @ArchTest
    static final ArchRule source_parse_stands_alone = noClasses()
            .that().resideInAPackage("..analyzer.source.parse..")
            .should().dependOnClassesThat().resideInAnyPackage(SOURCE_ROOT, "..analyzer.source.facts..",
                    "..analyzer.source.resolve..", "..analyzer.source.frameworks..", "..analyzer.source.data..")
            .because("reading and parsing files is the bottom layer of the source reader");

    @ArchTest
    static final ArchRule source_facts_stand_alone = noClasses()
            .that().resideInAPackage("..analyzer.source.facts..")
            .should().dependOnClassesThat().resideInAnyPackage(SOURCE_ROOT, "..analyzer.source.parse..",
                    "..analyzer.source.resolve..", "..analyzer.source.frameworks..", "..analyzer.source.data..")
            .because("the facts are plain accumulators every reader writes into");

    @ArchTest
    static final ArchRule source_resolve_builds_on_parse_and_facts_only = noClasses()
            .that().resideInAPackage("..analyzer.source.resolve..")
            .should().dependOnClassesThat().resideInAnyPackage(SOURCE_ROOT, "..analyzer.source.frameworks..",
                    "..analyzer.source.data..")
            .because("name resolution knows no framework or data reader");

    @ArchTest
    static final ArchRule source_frameworks_do_not_read_data = noClasses()
            .that().resideInAPackage("..analyzer.source.frameworks..")
            .should().dependOnClassesThat().resideInAnyPackage(SOURCE_ROOT, "..analyzer.source.data..")
            .because("a framework reader is one new file beside the others, not wired into the data readers");

    @ArchTest
    static final ArchRule source_data_does_not_read_frameworks = noClasses()
            .that().resideInAPackage("..analyzer.source.data..")
            .should().dependOnClassesThat().resideInAnyPackage(SOURCE_ROOT, "..analyzer.source.frameworks..")
            .because("data readers and entry-point readers meet only in the source package that runs both");

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
