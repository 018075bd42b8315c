package dev.strangler.extraction.source;

import dev.strangler.extraction.core.MonolithBuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the monolith's Spring Boot version and JDBC drivers from its Maven or Gradle build: the starter parent, the
 * Boot plugin or BOM, or a {@code spring-boot.version} property, following Maven parents by their relative path.
 */
final class BuildReader {
    private static final List<String> DRIVERS = List.of("com.h2database:h2", "org.postgresql:postgresql",
            "com.mysql:mysql-connector-j", "mysql:mysql-connector-java", "org.mariadb.jdbc:mariadb-java-client",
            "org.hsqldb:hsqldb", "org.apache.derby:derby");
    private static final Pattern GRADLE_PLUGIN = Pattern.compile(
            "org\\.springframework\\.boot['\"]?\\)?\\s+version\\s+['\"]([^'\"]+)['\"]");
    private static final Pattern GRADLE_BOM = Pattern.compile("spring-boot-(?:dependencies|gradle-plugin|starter-parent):([0-9][^'\"\\s)]*)");

    private static final List<String> PROPERTIES_LEFT_OUT = List.of("spring.datasource.", "spring.flyway.",
            "spring.liquibase.", "spring.sql.init.", "spring.h2.", "server.port", "spring.jpa.hibernate.ddl-auto",
            "spring.profiles.active", "spring.task.scheduling.", "spring.devtools.");

    /**
     * Reads the build of the module holding {@code sourceFile} (the nearest folder with a build file, up to
     * {@code monolith}), so a multi-module monolith gives the candidate's own module's dependencies and settings.
     */
    MonolithBuild read(Path monolith, List<Path> sourceFiles) {
        // the first file's module gives the Boot version and settings; every module gives its libraries and processors
        MonolithBuild first = read(monolith, sourceFiles.get(0));
        Map<Path, Set<String>> modules = new LinkedHashMap<>();
        Path root = monolith.toAbsolutePath().normalize();
        for (Path file : sourceFiles) {
            Path module = moduleOf(root, file.toAbsolutePath().normalize());
            Set<String> packages = modules.computeIfAbsent(module, m -> new TreeSet<>());
            Path sources = module.resolve("src/main/java");
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith(sources) && absolute.getParent() != null) {
                packages.add(sources.relativize(absolute.getParent()).toString().replace('\\', '/'));
            }
        }
        if (modules.size() == 1) {
            return first;
        }
        // a candidate spread over several modules needs what each of their builds gives its classes
        Set<String> dependencies = new LinkedHashSet<>(first.dependencies());
        Set<String> drivers = new LinkedHashSet<>(first.jdbcDrivers());
        Set<String> paths = new LinkedHashSet<>(first.annotationProcessorPaths());
        Map<String, Set<String>> plugins = new LinkedHashMap<>();
        for (Map.Entry<Path, Set<String>> module : modules.entrySet()) {
            MonolithBuild other = readBuild(module.getKey());
            Set<String> known = new HashSet<>(dependencies.stream().map(BuildReader::groupArtifact).toList());
            other.dependencies().stream().filter(d -> !known.contains(groupArtifact(d))).forEach(dependencies::add);
            drivers.addAll(other.jdbcDrivers());
            paths.addAll(other.annotationProcessorPaths());
            other.processorPlugins().forEach(p -> plugins.computeIfAbsent(p, k -> new TreeSet<>()).addAll(module.getValue()));
        }
        List<String> restricted = plugins.entrySet().stream().map(e -> restrict(e.getKey(), e.getValue())).toList();
        return new MonolithBuild(first.springBootVersion(), first.foundIn() + " and the builds of " + (modules.size() - 1)
                + " more module(s) holding the candidate's classes", List.copyOf(drivers), List.copyOf(dependencies),
                first.properties(), List.copyOf(paths), restricted);
    }

    /**
     * An {@code apt-maven-plugin} declared by one module runs over that module's sources only; in the function, whose
     * sources come from several modules, it is limited to the packages of the modules that declare it (Querydsl's
     * processor, for one, rejects the records of a module it never saw).
     */
    static String restrict(String plugin, Set<String> packages) {
        if (!plugin.contains("<artifactId>apt-maven-plugin</artifactId>") || plugin.contains("<includes>")
                || packages.isEmpty()) {
            return plugin;
        }
        StringBuilder includes = new StringBuilder("<includes>");
        packages.forEach(p -> includes.append("<include>").append(p.isEmpty() ? "" : p + "/").append("**</include>"));
        includes.append("</includes>");
        if (!plugin.contains("<configuration>")) {
            return plugin.replace("</plugin>", "<configuration>" + includes + "</configuration></plugin>");
        }
        return plugin.replace("<configuration>", "<configuration>" + includes);
    }

    private static String groupArtifact(String gav) {
        String[] parts = gav.split(":");
        return parts[0] + ":" + parts[1];
    }

    /** The build of the module holding {@code sourceFile}, as {@link #read(Path, List)} reads each. */
    MonolithBuild read(Path monolith, Path sourceFile) {
        Path module = moduleOf(monolith.toAbsolutePath().normalize(), sourceFile.toAbsolutePath().normalize());
        MonolithBuild build = readBuild(module);
        String foundIn = module.equals(monolith.toAbsolutePath().normalize()) ? build.foundIn()
                : monolith.toAbsolutePath().normalize().relativize(module).toString().replace('\\', '/') + "/" + build.foundIn();
        return new MonolithBuild(build.springBootVersion(), foundIn, build.jdbcDrivers(), build.dependencies(),
                properties(module.resolve("src/main/resources/application.properties")), build.annotationProcessorPaths(),
                build.processorPlugins());
    }

    private static Path moduleOf(Path root, Path file) {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) || Files.isRegularFile(dir.resolve("build.gradle"))
                    || Files.isRegularFile(dir.resolve("build.gradle.kts"))) {
                return dir;
            }
        }
        return root;
    }

    private MonolithBuild readBuild(Path monolith) {
        Path pom = monolith.resolve("pom.xml");
        if (Files.isRegularFile(pom)) {
            return fromMaven(pom);
        }
        for (String name : List.of("build.gradle", "build.gradle.kts")) {
            Path gradle = monolith.resolve(name);
            if (Files.isRegularFile(gradle)) {
                return fromGradle(gradle, name);
            }
        }
        return new MonolithBuild(null, "no pom.xml or build.gradle in the source folder", List.of(), List.of(), List.of());
    }

    /** The monolith's settings the function keeps: its own knobs, error answers, JSON; not where data or port live. */
    private static List<String> properties(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (String line : text(file).split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            if (PROPERTIES_LEFT_OUT.stream().noneMatch(trimmed::startsWith)) {
                kept.add(trimmed);
            }
        }
        return kept;
    }

    private MonolithBuild fromMaven(Path pom) {
        List<String> texts = new ArrayList<>();
        Path current = pom;
        // The module's own pom first, then its parents: a child's property wins.
        for (int depth = 0; current != null && depth < 5; depth++) {
            String text = text(current);
            texts.add(text);
            current = parentPom(current, text);
        }
        MavenBuild maven = new MavenBuild(texts);
        String version = null;
        for (String text : texts) {
            version = bootVersion(text);
            if (version != null) {
                break;
            }
        }
        if (version == null) {
            version = maven.properties().get("spring-boot.version");
        }
        version = version == null ? null : maven.resolve(version);
        List<String> drivers = new ArrayList<>();
        String all = String.join("\n", texts);
        for (String driver : DRIVERS) {
            String[] ga = driver.split(":");
            if (all.matches("(?s).*<groupId>" + Pattern.quote(ga[0]) + "</groupId>\\s*<artifactId>" + Pattern.quote(ga[1]) + "</artifactId>.*")) {
                drivers.add(driver);
            }
        }
        String foundIn = version == null ? "pom.xml (no Spring Boot parent, BOM or spring-boot.version property found)" : "pom.xml";
        // a parent's own <dependencies> are inherited by the module
        return new MonolithBuild(version, foundIn, drivers, maven.dependencies(), List.of(),
                maven.annotationProcessorPaths(), maven.processorPlugins());
    }

    private static String bootVersion(String text) {
        Matcher m = Pattern.compile("<groupId>org\\.springframework\\.boot</groupId>\\s*<artifactId>spring-boot-(?:starter-parent|dependencies)</artifactId>\\s*<version>([^<]+)</version>").matcher(text);
        return m.find() ? m.group(1).trim() : null;
    }

    private static Path parentPom(Path pom, String text) {
        Matcher parent = Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL).matcher(text);
        if (!parent.find()) {
            return null;
        }
        Matcher relative = Pattern.compile("<relativePath>([^<]*)</relativePath>").matcher(parent.group(1));
        String path = relative.find() ? relative.group(1).trim() : "../pom.xml";
        if (path.isEmpty()) {
            return null;
        }
        Path candidate = pom.getParent().resolve(path).normalize();
        if (Files.isDirectory(candidate)) {
            candidate = candidate.resolve("pom.xml");
        }
        return Files.isRegularFile(candidate) ? candidate : null;
    }

    private static MonolithBuild fromGradle(Path file, String name) {
        String text = text(file);
        Matcher plugin = GRADLE_PLUGIN.matcher(text);
        Matcher bom = GRADLE_BOM.matcher(text);
        String version = plugin.find() ? plugin.group(1) : bom.find() ? bom.group(1) : null;
        List<String> drivers = DRIVERS.stream().filter(d -> text.contains(d)).toList();
        List<String> dependencies = new ArrayList<>();
        Matcher d = Pattern.compile("(?m)^\\s*(?:implementation|runtimeOnly|api|compile|runtime)\\s*\\(?\\s*['\"]([\\w.\\-]+:[\\w.\\-]+(?::[\\w.\\-]+)?)['\"]").matcher(text);
        while (d.find()) {
            dependencies.add(d.group(1));
        }
        return new MonolithBuild(version, version == null ? name + " (no Spring Boot plugin or BOM version found)" : name,
                drivers, dependencies, List.of());
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
