package dev.strangler.maven;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The plugin drives the analyzer through its public entry points and leaves the JVM to Maven. */
@AnalyzeClasses(packages = "dev.strangler.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule goals_never_exit_the_jvm = noClasses()
            .should().callMethod(System.class, "exit", int.class)
            .because("a goal reports failure with MojoFailureException; exiting would kill the whole build");

    @ArchTest
    static final ArchRule goals_use_only_the_analyzer_entry_points = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.strangler.analyzer.core..",
                    "dev.strangler.analyzer.source..", "dev.strangler.analyzer.bytecode..",
                    "dev.strangler.analyzer.report..")
            .because("the plugin runs the same analysis as ./strangler analyze, through cli.Main and baseline");
}
