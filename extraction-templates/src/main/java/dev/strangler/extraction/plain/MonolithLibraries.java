package dev.strangler.extraction.plain;

import dev.strangler.extraction.core.MonolithBuild;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monolith's own libraries the plain function keeps: everything its build declares (versions as the build tells
 * them), less what this flavor replaces — Spring Boot itself (its starters bring a context this flavor does without;
 * what the moved code needs of them is declared by the flavor's pom), the servlet container, schema migrations (the
 * monolith owns the schema), developer tools — and the libraries the flavor's pom declares itself.
 */
final class MonolithLibraries {
    private static final Set<String> DECLARED = Set.of("com.amazonaws:aws-lambda-java-core",
            "com.amazonaws:aws-lambda-java-events", "org.springframework:spring-webmvc",
            "org.springframework.data:spring-data-jpa", "jakarta.servlet:jakarta.servlet-api",
            "org.hibernate.orm:hibernate-core", "org.hibernate.validator:hibernate-validator", "com.zaxxer:HikariCP",
            "tools.jackson.core:jackson-databind", "org.slf4j:slf4j-simple");

    private MonolithLibraries() {
    }

    static List<Map<String, Object>> kept(MonolithBuild build) {
        List<Map<String, Object>> kept = new ArrayList<>();
        for (String dependency : build.dependencies()) {
            String[] gav = dependency.split(":");
            String ga = gav[0] + ":" + gav[1];
            if (isReplaced(gav[0], gav[1]) || DECLARED.contains(ga) || build.jdbcDrivers().contains(ga)) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("groupId", gav[0]);
            d.put("artifactId", gav[1]);
            d.put("version", gav.length > 2 && !gav[2].isEmpty() ? gav[2] : false);
            d.put("scope", gav.length > 3 ? gav[3] : false);
            kept.add(d);
        }
        return kept;
    }

    private static boolean isReplaced(String groupId, String artifactId) {
        return groupId.equals("org.springframework.boot") || artifactId.contains("flyway")
                || artifactId.contains("liquibase") || artifactId.contains("tomcat") || artifactId.contains("jetty")
                || artifactId.contains("undertow");
    }
}
