package dev.strangler.analyzer.source.frameworks;

import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.FrameworkCoverage;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.source.facts.Facts;
import dev.strangler.analyzer.source.parse.Xml;
import dev.strangler.analyzer.source.resolve.IndexedType;
import dev.strangler.analyzer.source.resolve.TypeIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which frameworks the codebase uses (by build dependency, descriptor, import or annotation) against the entry
 * points read from each, with a warning where they disagree: a framework detected without any entry point, a
 * {@code web.xml} servlet mapping whose class was not read as an entry point, and no entry point at all (then the
 * split rests on structure alone).
 */
final class FrameworkSurvey {
    /** A framework: the entry point frameworks that count for it, and what reveals it. */
    private record Framework(String name, List<String> counts, List<String> imports, List<String> artifacts,
                             List<String> servlets) {
    }

    private static final List<Framework> FRAMEWORKS = List.of(
            new Framework("batch", List.of("batch"), List.of("javax.batch", "jakarta.batch"), List.of(), List.of()),
            new Framework("ejb", List.of("ejb"), List.of("javax.ejb.MessageDriven", "javax.ejb.Schedule",
                    "jakarta.ejb.MessageDriven", "jakarta.ejb.Schedule"), List.of(), List.of()),
            new Framework("jax-rs", List.of("jax-rs"), List.of("javax.ws.rs.Path", "javax.ws.rs.GET", "jakarta.ws.rs.Path",
                    "jakarta.ws.rs.GET"), List.of("jersey-server", "resteasy-jaxrs", "cxf-rt-frontend-jaxrs"),
                    List.of("org.glassfish.jersey.servlet.ServletContainer",
                            "com.sun.jersey.spi.container.servlet.ServletContainer",
                            "org.jboss.resteasy.plugins.server.servlet.HttpServletDispatcher")),
            new Framework("dwr", List.of("dwr"), List.of("org.directwebremoting", "uk.ltd.getahead.dwr"), List.of("dwr"),
                    DwrEndpoints.SERVLETS),
            new Framework("jax-ws", List.of("jax-ws"), List.of("javax.jws", "jakarta.jws"),
                    List.of("cxf-rt-frontend-jaxws"), List.of(CxfEndpoints.SERVLET)),
            new Framework("jsf", List.of("jsf"), List.of("javax.faces", "jakarta.faces"), List.of("jsf-api",
                    "jakarta.faces-api", "myfaces-api"), List.of("javax.faces.webapp.FacesServlet",
                    "jakarta.faces.webapp.FacesServlet")),
            new Framework("servlet", List.of("servlet", "servlet-web-xml", "front-controller"), List.of(), List.of(),
                    List.of()),
            new Framework("spring-data-rest", List.of("spring-data-rest"), List.of("org.springframework.data.rest"),
                    List.of("spring-boot-starter-data-rest", "spring-data-rest-webmvc"), List.of()),
            new Framework("spring-mvc", List.of("spring-mvc", "spring-mvc-xml", "spring-remoting"),
                    List.of("org.springframework.web.bind.annotation", "org.springframework.web.servlet.mvc",
                            "org.springframework.stereotype.Controller"),
                    List.of("spring-webmvc", "spring-boot-starter-web", "spring-boot-starter-webmvc"),
                    List.of(SpringXml.DISPATCHER)),
            new Framework("stripes", List.of("stripes"), List.of("net.sourceforge.stripes"), List.of("stripes"),
                    List.of("net.sourceforge.stripes.controller.DispatcherServlet")),
            new Framework("struts", List.of("struts"), List.of("org.apache.struts", "com.opensymphony.xwork2"),
                    List.of("struts2-core", "struts-core"), List.of("org.apache.struts.action.ActionServlet")),
            new Framework("tapestry", List.of("tapestry"), List.of("org.apache.tapestry5"), List.of("tapestry-core"),
                    List.of()),
            new Framework("websocket", List.of("websocket"), List.of("javax.websocket", "jakarta.websocket"), List.of(),
                    List.of()));

    private final TypeIndex index;
    private final FrameworkDescriptors descriptors;
    private final Facts facts;
    private final Map<String, TreeSet<String>> evidence = new TreeMap<>();
    private final Map<String, String> firstPlace = new TreeMap<>();

    FrameworkSurvey(TypeIndex index, FrameworkDescriptors descriptors, Facts facts) {
        this.index = index;
        this.descriptors = descriptors;
        this.facts = facts;
    }

    List<FrameworkCoverage> survey() {
        detectImports();
        detectDescriptors();
        Map<String, Integer> counts = new TreeMap<>();
        for (EntryPoint entry : facts.entryPoints) {
            counts.merge(entry.framework(), 1, Integer::sum);
        }
        List<FrameworkCoverage> coverage = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        for (Framework framework : FRAMEWORKS) {
            int found = framework.counts().stream().mapToInt(f -> counts.getOrDefault(f, 0)).sum();
            counted.addAll(framework.counts());
            TreeSet<String> seen = evidence.get(framework.name());
            if (seen == null && found == 0) {
                continue;
            }
            coverage.add(new FrameworkCoverage(framework.name(), List.copyOf(seen == null ? Set.of("entry points") : seen), found));
            if (found == 0 && !framework.name().equals("servlet")) { // servlets: one warning per mapping, below
                facts.problems.add(new Problem(firstPlace.get(framework.name()), 0, 0, Severity.WARNING, "framework "
                        + framework.name() + " detected (" + String.join("; ", seen) + ") but no entry point was read"
                        + " from it: what it serves is not traced, and its classes are placed by structure alone"));
            }
        }
        counts.forEach((framework, found) -> {
            if (!counted.contains(framework)) {
                coverage.add(new FrameworkCoverage(framework, List.of("entry points"), found));
            }
        });
        coverage.sort(java.util.Comparator.comparing(FrameworkCoverage::framework));
        unreadServletMappings(counts);
        if (facts.entryPoints.isEmpty()) {
            facts.problems.add(new Problem(".", 0, 0, Severity.WARNING, "no entry point found (no HTTP route, job or"
                    + " listener of a framework the analyzer reads): the split rests on structure alone (dependencies"
                    + " and tables), not on use cases; see the frameworks detected in the report's coverage"));
        }
        return coverage;
    }

    private void note(String framework, String what, String place) {
        evidence.computeIfAbsent(framework, k -> new TreeSet<>()).add(what);
        firstPlace.merge(framework, place, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    /** Imports, counted per file; a file with several top-level types counts once. */
    private void detectImports() {
        Map<String, Map<String, Integer>> files = new TreeMap<>();
        Map<String, String> places = new TreeMap<>();
        Set<String> scanned = new HashSet<>();
        for (IndexedType type : index.all()) {
            if (type.outer != null || !scanned.add(type.scope.path)) {
                continue;
            }
            for (Framework framework : FRAMEWORKS) {
                for (String prefix : framework.imports()) {
                    if (type.scope.importsFrom(prefix)) {
                        files.computeIfAbsent(framework.name(), k -> new TreeMap<>()).merge(prefix, 1, Integer::sum);
                        places.merge(framework.name(), type.scope.path, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                        break;
                    }
                }
            }
        }
        files.forEach((framework, imports) -> imports.forEach((prefix, count) ->
                note(framework, "import " + prefix + " in " + count + (count == 1 ? " file" : " files"),
                        places.get(framework))));
    }

    private void detectDescriptors() {
        for (Framework framework : FRAMEWORKS) {
            for (String artifact : framework.artifacts()) {
                TreeSet<String> poms = descriptors.dependencies.get(artifact);
                if (poms != null) {
                    note(framework.name(), "dependency " + artifact, poms.first());
                }
            }
            for (WebApp webApp : descriptors.webApps) {
                for (WebApp.Component servlet : webApp.servletsOf(framework.servlets().toArray(String[]::new))) {
                    note(framework.name(), "servlet " + servlet.className() + " in " + webApp.path(), webApp.path());
                }
            }
        }
        for (WebApp webApp : descriptors.webApps) {
            for (WebApp.Component servlet : webApp.servlets()) {
                if (servlet.className() != null && index.get(servlet.className()) != null) {
                    note("servlet", "descriptor " + webApp.path(), webApp.path());
                }
            }
            for (WebApp.Component filter : webApp.filters()) {
                String className = filter.className() == null ? "" : filter.className();
                if (className.startsWith("net.sourceforge.stripes")) {
                    note("stripes", "filter " + className + " in " + webApp.path(), webApp.path());
                } else if (className.startsWith("org.apache.struts2") || className.startsWith("org.apache.struts")) {
                    note("struts", "filter " + className + " in " + webApp.path(), webApp.path());
                } else if (className.startsWith("org.apache.tapestry5")) {
                    note("tapestry", "filter " + className + " in " + webApp.path(), webApp.path());
                }
            }
        }
        for (FrameworkDescriptors.Document faces : descriptors.faces) {
            note("jsf", "descriptor " + faces.path(), faces.path());
        }
        for (FrameworkDescriptors.Document dwr : descriptors.dwr) {
            note("dwr", "descriptor " + dwr.path(), dwr.path());
        }
        for (FrameworkDescriptors.Document job : descriptors.batchJobs) {
            note("batch", "descriptor " + job.path(), job.path());
        }
    }

    /** A warning for each servlet mapping in web.xml whose class was not read as an entry point. */
    private void unreadServletMappings(Map<String, Integer> counts) {
        Map<String, Framework> byServlet = new LinkedHashMap<>();
        for (Framework framework : FRAMEWORKS) {
            framework.servlets().forEach(servlet -> byServlet.put(servlet, framework));
        }
        for (WebApp webApp : descriptors.webApps) {
            for (WebApp.Component servlet : webApp.servlets()) {
                String className = servlet.className();
                if (className == null || servlet.patterns().isEmpty()) {
                    continue;
                }
                IndexedType type = index.get(className);
                String mapped = "web.xml maps " + String.join(", ", servlet.patterns()) + " to " + className;
                int line = Xml.lineOf(webApp.text(), className);
                if (type != null) {
                    if (EntryPoints.servletEntries(index, type, servlet.patterns(), "servlet").isEmpty()) {
                        facts.problems.add(new Problem(webApp.path(), line, 0, Severity.WARNING, mapped
                                + ", which declares or inherits no doGet, doPost, ... or service method the analyzer"
                                + " can see; requests there are not traced"));
                    }
                } else if (byServlet.containsKey(className)) {
                    Framework framework = byServlet.get(className);
                    if (framework.counts().stream().mapToInt(f -> counts.getOrDefault(f, 0)).sum() == 0) {
                        facts.problems.add(new Problem(webApp.path(), line, 0, Severity.WARNING, mapped + " ("
                                + framework.name() + "), but no " + framework.name() + " entry point was read;"
                                + " requests there are not traced"));
                    }
                } else if (!index.isCodebasePackage(packageOf(className))) {
                    facts.problems.add(new Problem(webApp.path(), line, 0, Severity.WARNING, mapped
                            + ", a library servlet of no framework the analyzer reads; requests there are not traced"));
                }
            }
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
