package dev.strangler.extraction.plain.it;

import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.plain.PlainFlavor;
import dev.strangler.extraction.project.ProjectWriter;
import dev.strangler.extraction.project.Skeleton;
import dev.strangler.extraction.render.MustacheRenderer;
import dev.strangler.extraction.report.ReportReader;
import dev.strangler.extraction.source.Extractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A plain-flavor project extracted from the sample monolith as {@code ./strangler extract} writes it, then built with
 * the repository's Maven wrapper ({@code package}, which runs the project's own tests).
 *
 * @param folder where the project is
 * @param jar its deployment package, a Lambda zip
 * @param handler the Lambda handler string
 */
record GeneratedProject(Path folder, Path jar, String handler) {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static GeneratedProject extractAndBuild(String service, Path where) throws IOException, InterruptedException {
        Path report = ROOT.resolve("reports/legacy-sample-monolith");
        Path monolith = ROOT.resolve("legacy-sample-monolith");
        if (!Files.isDirectory(monolith.resolve("src/main/java")) || !Files.isDirectory(report)) {
            throw new IllegalStateException("the sample monolith's sources or report are missing under " + ROOT
                    + "; run the test from the extraction-templates module of a full checkout");
        }
        ExtractionPlan plan = new Extractor(new ReportReader().read(report), monolith).plan(service, null);
        PlainFlavor flavor = new PlainFlavor();
        Path folder = where.toAbsolutePath().normalize();
        new ProjectWriter().write(folder, new Skeleton(new MustacheRenderer(null)).files(plan, flavor), true);
        Path log = folder.resolve("build.log");
        Process build = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-q", "-B", "-f",
                folder.resolve("pom.xml").toString(), "package")
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(20, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("the generated project in " + folder + " does not build; its log:\n"
                    + Files.readString(log));
        }
        Path jar = folder.resolve("target/" + plan.functionName() + "-lambda.zip");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the build of " + folder + " made no " + jar.getFileName());
        }
        return new GeneratedProject(folder, jar, flavor.handler(plan));
    }

    static Map<String, String> environment(String jdbcUrl, java.net.URI monolith) {
        return Map.of("DB_URL", jdbcUrl, "DB_USER", "sa",
                "SERVER_ERROR_INCLUDE_MESSAGE", "always", "MONOLITH_URL", monolith.toString());
    }
}
