package dev.strangler.extraction.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a module's Maven build says statically, read from the module's {@code pom.xml} and its parents' (module first):
 * its properties, its managed versions, its own dependencies with versions resolved where the poms at hand tell them,
 * the annotation processors of its compiler plugin and the plugins that run annotation processors themselves
 * ({@code apt-maven-plugin}, {@code maven-processor-plugin}). What lives outside these files (an imported BOM, a
 * parent from a repository such as Spring Boot's) is not resolved: such a version is left empty, for the generated
 * project's own Boot BOM to decide, as it did for the monolith.
 */
final class MavenBuild {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Set<String> PROCESSOR_PLUGINS = Set.of("apt-maven-plugin", "maven-processor-plugin");

    private final List<String> poms;
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> managed = new HashMap<>();
    private final Map<String, String> managedScopes = new HashMap<>();
    private final Set<String> ownGroups = new LinkedHashSet<>();

    /** @param poms the module's pom text first, then each parent's, as far as they are found on disk */
    MavenBuild(List<String> poms) {
        this.poms = List.copyOf(poms);
        if (!this.poms.isEmpty()) {
            String module = withoutProfiles(this.poms.get(0));
            String parent = tag(block(module, "parent"), "version");
            String own = tag(module.replaceAll("(?s)<parent>.*?</parent>", "").replaceAll("(?s)<(dependencies|build|"
                    + "dependencyManagement|properties)>.*?</\\1>", ""), "version");
            String version = own != null ? own : parent;
            if (version != null) {
                properties.put("project.version", version);
                properties.put("pom.version", version);
            }
            if (parent != null) {
                properties.put("project.parent.version", parent);
            }
        }
        for (String pom : this.poms) {
            Matcher props = Pattern.compile("(?s)<properties>(.*?)</properties>").matcher(withoutProfiles(pom));
            if (props.find()) {
                Matcher p = Pattern.compile("<([\\w.\\-]+)>([^<]*)</\\1>").matcher(props.group(1));
                while (p.find()) {
                    properties.putIfAbsent(p.group(1), p.group(2).trim());
                }
            }
        }
        for (String pom : this.poms) {
            String own = tag(withoutProfiles(pom).replaceAll("(?s)<(parent|dependencies|dependencyManagement|build|"
                    + "properties)>.*?</\\1>", ""), "groupId");
            String parent = tag(block(withoutProfiles(pom), "parent"), "groupId");
            // a pom without a group id of its own inherits its parent's; a parent not on disk is not the build's own
            String group = own != null ? own : parent;
            if (group != null) {
                ownGroups.add(group);
            }
        }
        for (String pom : this.poms) {
            Matcher management = Pattern.compile("(?s)<dependencyManagement>(.*?)</dependencyManagement>").matcher(pom);
            while (management.find()) {
                for (Coordinates c : dependencies(management.group(1))) {
                    if (c.version() != null && !"import".equals(c.scope())) {
                        managed.putIfAbsent(c.groupId() + ":" + c.artifactId(), c.version());
                    }
                    if (c.scope() != null) {
                        managedScopes.putIfAbsent(c.groupId() + ":" + c.artifactId(), c.scope());
                    }
                }
            }
        }
    }

    Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /**
     * The module's and its parents' own dependencies outside test, system and import scope (declared or managed), less
     * the build's own modules (the group ids of these poms) and those whose ids name an unknown property,
     * {@code groupId:artifactId:[version][:provided]}: the version as the pom gives it or its parents manage it, with
     * {@code ${...}} resolved from their properties; empty where only something outside these files tells it.
     */
    List<String> dependencies() {
        Set<String> dependencies = new LinkedHashSet<>();
        for (String pom : poms) {
            String own = withoutProfiles(pom).replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "")
                    .replaceAll("(?s)<build>.*?</build>", "");
            for (Coordinates declared : dependencies(own)) {
                Coordinates c = resolved(declared);
                // the build's own modules: what the function needs of them is copied (moved, kernel, borrowed)
                if (c == null || ownGroups.contains(c.groupId())
                        || Set.of("test", "system", "import").contains(String.valueOf(c.scope()))) {
                    continue;
                }
                // provided stays provided: annotation processors such as Lombok are needed to compile the moved code
                dependencies.add(c.groupId() + ":" + c.artifactId() + ":" + version(c)
                        + ("provided".equals(c.scope()) ? ":provided" : ""));
            }
        }
        return List.copyOf(dependencies);
    }

    /** The compiler plugin's {@code annotationProcessorPaths}, {@code groupId:artifactId:[version]}, module first. */
    List<String> annotationProcessorPaths() {
        Set<String> paths = new LinkedHashSet<>();
        for (String pom : poms) {
            Matcher block = Pattern.compile("(?s)<annotationProcessorPaths>(.*?)</annotationProcessorPaths>")
                    .matcher(withoutProfiles(pom));
            while (block.find()) {
                Matcher path = Pattern.compile("(?s)<path>(.*?)</path>").matcher(block.group(1));
                while (path.find()) {
                    Coordinates c = coordinates(path.group(1));
                    if (c != null) {
                        paths.add(c.groupId() + ":" + c.artifactId() + ":" + version(c));
                    }
                }
            }
        }
        return List.copyOf(paths);
    }

    /**
     * The {@code <plugin>} elements, as written but with the properties these poms define filled in, of the plugins
     * that run annotation processors in the module's build (Querydsl's {@code apt-maven-plugin} in particular): what
     * they generate is compiled with the moved code.
     */
    List<String> processorPlugins() {
        List<String> plugins = new ArrayList<>();
        for (String pom : poms) {
            String build = withoutProfiles(pom).replaceAll("(?s)<pluginManagement>.*?</pluginManagement>", "");
            Matcher plugin = Pattern.compile("(?s)<plugin>(.*?)</plugin>").matcher(build);
            while (plugin.find()) {
                String artifact = tag(plugin.group(1).replaceAll("(?s)<dependencies>.*?</dependencies>", ""), "artifactId");
                if (PROCESSOR_PLUGINS.contains(artifact)) {
                    plugins.add(resolveKnown("<plugin>" + plugin.group(1) + "</plugin>"));
                }
            }
        }
        return List.copyOf(plugins);
    }

    /** {@code value} with every {@code ${name}} these poms define replaced; unknown ones stay, or null if asked. */
    String resolve(String value) {
        String resolved = resolveKnown(value);
        return resolved == null || PROPERTY.matcher(resolved).find() ? null : resolved;
    }

    private String resolveKnown(String value) {
        for (int i = 0; value != null && i < 5; i++) {
            Matcher m = PROPERTY.matcher(value);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String replacement = properties.get(m.group(1));
                changed |= replacement != null;
                m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
            }
            m.appendTail(out);
            value = out.toString();
            if (!changed) {
                break;
            }
        }
        return value;
    }

    /**
     * The coordinates with their group and artifact ids resolved, and the scope the parents manage when none is
     * given; null when an id names a property these poms do not define (a profile's or the command line's).
     */
    private Coordinates resolved(Coordinates c) {
        String group = resolve(c.groupId());
        String artifact = resolve(c.artifactId());
        if (group == null || artifact == null) {
            return null;
        }
        String scope = c.scope() != null ? c.scope() : managedScopes.get(group + ":" + artifact);
        return new Coordinates(group, artifact, c.version(), scope);
    }

    private String version(Coordinates c) {
        String version = c.version() != null ? c.version() : managed.get(c.groupId() + ":" + c.artifactId());
        String resolved = version == null ? null : resolve(version);
        return resolved == null ? "" : resolved;
    }

    private static List<Coordinates> dependencies(String xml) {
        List<Coordinates> found = new ArrayList<>();
        Matcher d = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(xml);
        while (d.find()) {
            Coordinates c = coordinates(d.group(1).replaceAll("(?s)<exclusions>.*?</exclusions>", ""));
            if (c != null) {
                found.add(c);
            }
        }
        return found;
    }

    private static Coordinates coordinates(String body) {
        String group = tag(body, "groupId");
        String artifact = tag(body, "artifactId");
        return group == null || artifact == null ? null
                : new Coordinates(group, artifact, tag(body, "version"), tag(body, "scope"));
    }

    private static String withoutProfiles(String pom) {
        return pom.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<profiles>.*?</profiles>", "");
    }

    private static String block(String xml, String name) {
        Matcher m = Pattern.compile("(?s)<" + name + ">(.*?)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : "";
    }

    static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private record Coordinates(String groupId, String artifactId, String version, String scope) {
    }
}
