package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.AccessMode;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.EntryPointKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.RiskKind;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.core.TypeInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The servlets + JDBC fixture app (no framework), which engineer-facing end-to-end tests also analyse. */
class ServletJdbcAppTest {
    private static Codebase app;
    private static Map<String, Map<String, List<String>>> expected;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void scan() throws IOException {
        app = Fixtures.scan("servlet-jdbc-app");
        Map<String, Object> yaml = new Yaml().load(Files.readString(
                Fixtures.path("servlet-jdbc-app").resolve("expected-decomposition.yml")));
        expected = (Map<String, Map<String, List<String>>>) yaml.get("services");
    }

    @Test
    void finds_every_route_from_annotations_and_web_xml_and_the_hand_scheduled_job() {
        assertThat(app.entryPoints()).filteredOn(e -> e.kind() == EntryPointKind.HTTP)
                .extracting(EntryPoint::label).containsExactly(
                        "GET /books", "POST /books", "GET /books/detail", "GET /fines/*", "POST /fines/*",
                        "POST /loans", "GET /members", "POST /members", "GET /members/register",
                        "POST /members/register", "DELETE /reservations", "POST /reservations", "POST /returns");
        assertThat(app.entryPoints()).filteredOn(e -> e.kind() == EntryPointKind.SCHEDULED)
                .extracting(EntryPoint::framework, e -> e.handler().toString())
                .containsExactly(tuple("timer", "org.lendwell.web.StartupListener#contextInitialized"));
    }

    @Test
    void reads_every_table_of_the_expected_split_from_plain_jdbc() {
        Set<String> tables = app.tableAccesses().stream().map(TableAccess::table).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expectedTables = expected.values().stream().flatMap(s -> s.getOrDefault("tables", List.of()).stream())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(tables).isEqualTo(expectedTables);
        assertThat(app.tableAccesses()).filteredOn(a -> a.mode() == AccessMode.WRITE)
                .extracting(a -> a.accessor().simpleName() + " " + a.table()).contains(
                        "BookDao book", "AuthorDao book_author", "CopyDao copy", "MemberDao member", "LoanDao loan",
                        "ReservationDao reservation", "FineDao fine");
        assertThat(app.problems()).filteredOn(p -> p.severity() == Severity.WARNING).extracting(p -> p.path())
                .containsExactly("src/main/java/org/lendwell/dao/FineDao.java");
    }

    @Test
    void names_every_class_of_the_expected_split_and_nothing_else() {
        Set<String> scanned = app.types().stream().map(t -> t.name().value()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = expected.values().stream().flatMap(s -> s.get("classes").stream())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(listed).isEqualTo(scanned).hasSizeBetween(25, 40);
    }

    @Test
    void traces_a_route_through_the_static_registry_into_services_and_daos() {
        assertThat(calls("org.lendwell.web.LoanServlet", "doPost")).contains(
                id("org.lendwell.service.Services", "get"), id("org.lendwell.service.Services", "loans"),
                id("org.lendwell.service.LoanService", "lend"), id("org.lendwell.web.HtmlServlet", "page"));
        assertThat(calls("org.lendwell.service.LoanService", "lend")).contains(
                id("org.lendwell.service.MemberService", "mayBorrow"), id("org.lendwell.dao.CopyDao", "byBarcode"),
                id("org.lendwell.service.ReservationService", "next"), id("org.lendwell.dao.LoanDao", "insert"));
        assertThat(calls("org.lendwell.web.StartupListener", "contextInitialized"))
                .contains(id("org.lendwell.service.FineService", "fineOverdueLoans"));
        assertThat(app.stats().guessedReferences()).isZero();
    }

    @Test
    void finds_the_risks_of_a_classic_web_app() {
        assertThat(app.risks()).extracting(r -> r.kind(), r -> r.owner().simpleName()).contains(
                tuple(RiskKind.IN_MEMORY_CACHE, "CatalogService"), tuple(RiskKind.HTTP_SESSION, "MemberServlet"),
                tuple(RiskKind.STATIC_MUTABLE_STATE, "Services"), tuple(RiskKind.THREADS_AND_EXECUTORS, "StartupListener"),
                tuple(RiskKind.SCHEDULED_JOB, "StartupListener"), tuple(RiskKind.HEAVY_STARTUP, "StartupListener"));
    }

    @Test
    void tells_layers_apart_without_framework_annotations() {
        assertThat(app.types()).filteredOn(t -> t.name().packageName().endsWith(".dao") && t.name().simpleName().endsWith("Dao"))
                .extracting(TypeInfo::stereotypes).allMatch(s -> s.contains(dev.strangler.analyzer.core.Stereotype.REPOSITORY));
        assertThat(app.types()).filteredOn(t -> t.name().packageName().endsWith(".util"))
                .allMatch(t -> t.is(dev.strangler.analyzer.core.Stereotype.UTILITY));
    }

    private static java.util.SortedSet<MethodId> calls(String owner, String method) {
        return app.methods().stream().filter(m -> m.id().equals(id(owner, method))).findFirst().orElseThrow().calls();
    }

    private static MethodId id(String owner, String name) {
        return new MethodId(ClassName.of(owner), name);
    }
}
