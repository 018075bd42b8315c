package dev.strangler.analyzer.source.frameworks;

import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.FrameworkCoverage;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Xml;
import dev.strangler.analyzer.source.resolve.TypeIndex;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects, while the XML files are read once, the descriptors of frameworks whose entry points are not in Java
 * annotations: {@code web.xml}, Spring {@code <beans>} (with CXF endpoints), {@code faces-config.xml} and Faces Flow
 * definitions, JSR-352 batch jobs, {@code dwr.xml}, and the build files' dependencies; then has each framework's reader turn them into entry points and
 * surveys what was detected against what was found.
 */
public final class FrameworkDescriptors {
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([\\w.-]+)\\s*</artifactId>");

    /** A parsed descriptor. */
    record Document(String path, String text, Element root) {
    }

    final List<WebApp> webApps = new ArrayList<>();
    public final SpringXml spring = new SpringXml();
    final List<Document> faces = new ArrayList<>();
    final List<Document> batchJobs = new ArrayList<>();
    final List<Document> dwr = new ArrayList<>();
    /** artifact id → the build files that name it */
    final Map<String, java.util.TreeSet<String>> dependencies = new TreeMap<>();

    /** Whether this XML file is one to parse for these readers; a build file's dependencies are taken here. */
    public boolean wants(String path, String text) {
        if (path.equals("pom.xml") || path.endsWith("/pom.xml")) {
            Matcher artifacts = ARTIFACT.matcher(text);
            while (artifacts.find()) {
                dependencies.computeIfAbsent(artifacts.group(1), k -> new java.util.TreeSet<>()).add(path);
            }
            return false;
        }
        return text.contains("<beans") || text.contains(":beans") || text.contains("<faces-config")
                || path.contains("batch-jobs/") && text.contains("<job") || text.contains("<dwr");
    }

    public void accept(String path, String text, Element root) {
        switch (Xml.localName(root)) {
            case "web-app", "web-fragment" -> webApps.add(WebApp.of(path, text, root));
            case "beans" -> spring.collect(path, text, root);
            case "faces-config" -> faces.add(new Document(path, text, root));
            case "job" -> batchJobs.add(new Document(path, text, root));
            case "dwr" -> dwr.add(new Document(path, text, root));
            default -> {
            }
        }
    }

    /** Adds the entry points these descriptors declare, then the survey's warnings; returns the coverage. */
    public List<FrameworkCoverage> finish(TypeIndex index, Facts facts, WebFiles files) {
        List<EntryPoint> prefixed = ServletPrefixes.apply(facts.entryPoints, index, webApps, spring);
        if (prefixed != facts.entryPoints) {
            facts.entryPoints.clear();
            facts.entryPoints.addAll(prefixed);
        }
        List<EntryPoint> found = new ArrayList<>(spring.routes(index, webApps));
        found.addAll(new JsfViews(index, faces, files).find());
        found.addAll(BatchJobs.find(index, batchJobs, facts.problems));
        found.addAll(new FrontControllers(index, webApps, files, facts.problems, facts.bodiesRead).find());
        found.addAll(SpringDataRest.find(index, files, dependencies));
        found.addAll(TapestryPages.find(index));
        found.addAll(CxfEndpoints.find(index, spring, webApps));
        found.addAll(DwrEndpoints.find(index, spring, dwr, webApps));
        facts.entryPoints.addAll(found);
        return new FrameworkSurvey(index, this, facts).survey();
    }
}
