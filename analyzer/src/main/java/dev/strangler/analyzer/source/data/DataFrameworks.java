package dev.strangler.analyzer.source.data;

import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.EntityMapping;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.source.resolve.FileScope;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which data frameworks the codebase uses, seen from its build files' dependencies, its descriptors and its
 * imports, and whether the scan found tables through each: a framework in use whose tables were not found is a
 * warning (what it stores is missing from the report; only a note for plain JDBC when other relational tables were
 * found, since every relational framework runs on it), and iBatis or named SQL statements no Java code names are a
 * note. Evidence is gathered on one thread; the first piece of evidence per framework is kept.
 */
public final class DataFrameworks {
    /** A data framework, with the access origins that show its tables were found. */
    enum Framework {
        JPA("JPA/Hibernate", "entities come from @Entity classes and orm.xml; put the entity classes or mapping files"
                + " under the analysed folder", DataAccessOrigin.JPA_ENTITY, DataAccessOrigin.JPQL,
                DataAccessOrigin.NATIVE_SQL, DataAccessOrigin.SPRING_DATA),
        IBATIS("iBatis 2", "statements are matched to Java calls by id; put the SQL map files under the analysed"
                + " folder and check that ids are literals or constants", DataAccessOrigin.IBATIS),
        MYBATIS("MyBatis", "put the mapper XML files under the analysed folder", DataAccessOrigin.MYBATIS),
        MONGODB("MongoDB", "collections come from @Document classes, their repositories and MongoTemplate or driver"
                + " calls naming a document class or a collection", DataAccessOrigin.MONGODB),
        JDBC("JDBC", "SQL is read from string arguments of calls and from named SQL files; SQL built at run time or"
                + " kept outside the tree is not seen", DataAccessOrigin.JDBC, DataAccessOrigin.NAMED_SQL,
                DataAccessOrigin.NATIVE_SQL);

        final String label;
        final String hint;
        final Set<DataAccessOrigin> origins;

        Framework(String label, String hint, DataAccessOrigin first, DataAccessOrigin... more) {
            this.label = label;
            this.hint = hint;
            this.origins = EnumSet.of(first, more);
        }
    }

    /** In a fixed order, so that the evidence reported is the same on every run. */
    private static final List<Map.Entry<String, Framework>> IMPORTS = List.of(Map.entry("javax.persistence", Framework.JPA),
            Map.entry("jakarta.persistence", Framework.JPA), Map.entry("org.hibernate.Session", Framework.JPA),
            Map.entry("org.hibernate.Criteria", Framework.JPA), Map.entry("org.hibernate.Query", Framework.JPA),
            Map.entry("org.hibernate.criterion", Framework.JPA), Map.entry("org.hibernate.annotations", Framework.JPA),
            Map.entry("org.springframework.orm.hibernate", Framework.JPA),
            Map.entry("com.ibatis", Framework.IBATIS), Map.entry("org.springframework.orm.ibatis", Framework.IBATIS),
            Map.entry("org.apache.ibatis", Framework.MYBATIS), Map.entry("org.mybatis", Framework.MYBATIS),
            Map.entry("org.springframework.data.mongodb", Framework.MONGODB), Map.entry("com.mongodb", Framework.MONGODB),
            Map.entry("org.springframework.jdbc", Framework.JDBC), Map.entry("java.sql.PreparedStatement", Framework.JDBC),
            Map.entry("java.sql.Connection", Framework.JDBC), Map.entry("org.jdbi", Framework.JDBC));
    private static final Pattern DEPENDENCY_MANAGEMENT = Pattern.compile("<dependencyManagement>.*?</dependencyManagement>",
            Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<dependency>.*?<artifactId>\\s*([^<\\s]+)\\s*</artifactId>",
            Pattern.DOTALL);

    /** Where a framework was seen, and how. */
    private record Evidence(String path, String how) {
    }

    private final Map<Framework, Evidence> evidence = new EnumMap<>(Framework.class);

    /** A Java file's imports. */
    public void imports(FileScope scope) {
        for (Map.Entry<String, Framework> entry : IMPORTS) {
            if (!evidence.containsKey(entry.getValue()) && scope.importsFrom(entry.getKey())) {
                evidence.put(entry.getValue(), new Evidence(scope.path, "imports " + entry.getKey()));
            }
        }
    }

    /** An XML file: a build file's dependencies or a data descriptor. */
    void descriptor(String path, String text) {
        if (path.endsWith("pom.xml") && text.contains("<project")) {
            Matcher artifacts = ARTIFACT.matcher(DEPENDENCY_MANAGEMENT.matcher(text).replaceAll(""));
            while (artifacts.find()) {
                Framework framework = ofArtifact(artifacts.group(1));
                if (framework != null) {
                    evidence.putIfAbsent(framework, new Evidence(path, "depends on " + artifacts.group(1)));
                }
            }
        } else if (text.contains("<persistence") && text.contains("persistence-unit")) {
            evidence.putIfAbsent(Framework.JPA, new Evidence(path, "declares a persistence unit"));
        } else if (text.contains("<hibernate-configuration") || text.contains("<hibernate-mapping")) {
            evidence.putIfAbsent(Framework.JPA, new Evidence(path, "configures Hibernate"));
        } else if (text.contains("<sqlMapConfig") || text.contains("<sqlMap")) {
            evidence.putIfAbsent(Framework.IBATIS, new Evidence(path, "is an iBatis SQL map"));
        } else if (text.contains("<mapper") && text.contains("namespace")) {
            evidence.putIfAbsent(Framework.MYBATIS, new Evidence(path, "is a MyBatis mapper"));
        }
    }

    /** A file of named SQL statements. */
    void namedSql(String path) {
        evidence.putIfAbsent(Framework.JDBC, new Evidence(path, "holds named SQL statements"));
    }

    static Framework ofArtifact(String artifact) {
        String name = artifact.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("mongo")) {
            return Framework.MONGODB;
        } else if (name.contains("mybatis")) {
            return Framework.MYBATIS;
        } else if (name.contains("ibatis")) {
            return Framework.IBATIS;
        } else if (name.startsWith("hibernate-core") || name.startsWith("hibernate-entitymanager")
                || name.equals("spring-data-jpa") || name.contains("persistence-api") || name.equals("spring-boot-starter-data-jpa")) {
            return Framework.JPA;
        }
        return null;
    }

    /** Adds a warning per framework in use without any table found, and notes on statements no code names. */
    public void check(List<TableAccess> accesses, List<EntityMapping> entities, EntityCatalog catalog,
               NamedStatements statements, List<Problem> problems) {
        Set<DataAccessOrigin> found = EnumSet.noneOf(DataAccessOrigin.class);
        accesses.forEach(access -> found.add(access.origin()));
        boolean jpaEntities = entities.stream().anyMatch(e -> !catalog.isDocument(e.entity().value()));
        boolean documents = !catalog.collections().isEmpty();
        for (Map.Entry<Framework, Evidence> entry : evidence.entrySet()) {
            Framework framework = entry.getKey();
            boolean tables = framework.origins.stream().anyMatch(found::contains)
                    || (framework == Framework.JPA && jpaEntities) || (framework == Framework.MONGODB && documents);
            if (!tables) {
                Evidence where = entry.getValue();
                // every relational framework runs on JDBC: a JDBC import next to tables found otherwise is a note
                boolean relational = framework == Framework.JDBC && (jpaEntities || found.stream().anyMatch(origin ->
                        origin != DataAccessOrigin.MONGODB));
                problems.add(new Problem(where.path(), 0, 0, relational ? Severity.NOTE : Severity.WARNING,
                        framework.label + " is used (" + where.how() + ") but no table was"
                                + " found through it, so what it stores is missing from the report: " + framework.hint));
            }
        }
        unused(statements, DataAccessOrigin.IBATIS, "iBatis statements", problems);
        unused(statements, DataAccessOrigin.NAMED_SQL, "named SQL statements", problems);
    }

    private static void unused(NamedStatements statements, DataAccessOrigin origin, String what, List<Problem> problems) {
        List<String> unused = statements.unused(origin);
        if (unused.isEmpty()) {
            return;
        }
        String shown = String.join(", ", unused.subList(0, Math.min(10, unused.size())))
                + (unused.size() > 10 ? ", ..." : "");
        problems.add(new Problem(".", 0, 0, Severity.NOTE, unused.size() + " of " + statements.count(origin) + " " + what
                + " are named by no Java call the analyzer can read (names built at run time?), so their tables count"
                + " for no class: " + shown));
    }
}
