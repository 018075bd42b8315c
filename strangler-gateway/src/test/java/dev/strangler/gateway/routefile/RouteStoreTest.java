package dev.strangler.gateway.routefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.UnknownRouteException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteStoreTest {

    private static final String ROUTES = """
            version: 1
            routes:
              - id: orders
                paths: ["/api/orders"]
                target: {lambda: "orders-fn"}
                weight: 0
            """;

    @TempDir
    Path dir;

    @Test
    void change_writes_the_file_audits_and_applies() throws Exception {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, ROUTES);
        AuditLog audit = new AuditLog(dir.resolve("audit.log"));
        RouteStore store = RouteStore.open(file, audit, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

        store.change("orders", "ada", "set", r -> r.withWeight(25));

        assertThat(store.table().find("orders").orElseThrow().weight()).isEqualTo(25);
        assertThat(RouteFileReader.read(Files.readString(file), "f").find("orders").orElseThrow().weight()).isEqualTo(25);
        assertThat(Files.readString(dir.resolve("audit.log"))).isEqualTo("{\"when\":\"2026-11-23T10:00:00Z\",\"who\":\"ada\","
                + "\"action\":\"set\",\"route\":\"orders\",\"before\":{\"target\":\"lambda:orders-fn\",\"weight\":0},"
                + "\"after\":{\"target\":\"lambda:orders-fn\",\"weight\":25}}\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("routes.yml", "audit.log");
        }
    }

    @Test
    void an_invalid_change_leaves_file_and_table_alone() throws Exception {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, ROUTES);
        RouteStore store = RouteStore.open(file, new AuditLog(dir.resolve("audit.log")), Clock.systemUTC());

        assertThatThrownBy(() -> store.change("orders", "ada", "set", r -> r.withWeight(101)))
                .hasMessageContaining("weight must be between 0 and 100, but was 101");
        assertThatThrownBy(() -> store.change("carts", "ada", "set", r -> r.withTarget(new RouteTarget.Monolith(), 0)))
                .isInstanceOf(UnknownRouteException.class).hasMessageContaining("no route with id 'carts'").hasMessageContaining("[orders]");

        assertThat(Files.readString(file)).isEqualTo(ROUTES);
        assertThat(dir.resolve("audit.log")).doesNotExist();
    }

    @Test
    void reload_refuses_an_invalid_file_and_keeps_the_last_good_table() throws Exception {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, ROUTES);
        RouteStore store = RouteStore.open(file, new AuditLog(dir.resolve("audit.log")), Clock.systemUTC());
        Files.writeString(file, ROUTES.replace("weight: 0", "weight: -5"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        boolean applied = store.reloadIfChanged();

        assertThat(applied).isFalse();
        assertThat(store.table().find("orders").orElseThrow().weight()).isZero();
        assertThat(store.lastRefusal()).contains("routes.yml:6: route 'orders': weight must be between 0 and 100, but was -5");
    }

    @Test
    void reload_applies_a_valid_edit() throws Exception {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, ROUTES);
        RouteStore store = RouteStore.open(file, new AuditLog(dir.resolve("audit.log")), Clock.systemUTC());
        Files.writeString(file, ROUTES.replace("weight: 0", "weight: 60"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(store.reloadIfChanged()).isTrue();
        assertThat(store.table().find("orders").orElseThrow().weight()).isEqualTo(60);
    }

    @Test
    void a_change_expecting_an_old_version_is_refused_with_the_current_one_and_changes_nothing() throws Exception {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, ROUTES);
        RouteStore store = RouteStore.open(file, new AuditLog(dir.resolve("audit.log")), Clock.systemUTC());
        long seen = store.version("orders");
        VersionedRoute first = store.change(new RouteEdit("orders", "ada", "set", "canary", seen, r -> r.withWeight(10)));

        assertThatThrownBy(() -> store.change(new RouteEdit("orders", "bob", "set", null, seen, r -> r.withWeight(90))))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.current()).isEqualTo(first.version());
                    assertThat(e.expected()).isEqualTo(seen);
                })
                .hasMessageContaining("route 'orders' is at version " + first.version() + ", but the change expected version " + seen);

        assertThat(first.version()).isNotEqualTo(seen).isEqualTo(store.version("orders"));
        assertThat(store.table().find("orders").orElseThrow().weight()).isEqualTo(10);
        assertThat(RouteFileReader.read(Files.readString(file), "f").find("orders").orElseThrow().weight()).isEqualTo(10);
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).singleElement().asString()
                .contains("\"who\":\"ada\"", "\"reason\":\"canary\"");
    }

    @Test
    void a_route_file_version_is_a_fingerprint_of_the_route_so_it_survives_a_restart_and_follows_a_hand_edit() throws Exception {
        Path file = dir.resolve("routes.yml");
        Files.writeString(file, ROUTES);
        long before = RouteStore.open(file, new AuditLog(dir.resolve("audit.log")), Clock.systemUTC()).version("orders");
        RouteStore store = RouteStore.open(file, new AuditLog(dir.resolve("audit.log")), Clock.systemUTC());
        Files.writeString(file, ROUTES.replace("weight: 0", "weight: 60"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(store.version("orders")).isEqualTo(before).isBetween(0L, 1L << 48);
        assertThat(store.reloadIfChanged()).isTrue();
        assertThat(store.version("orders")).isNotEqualTo(before);
        assertThat(store.location()).isEqualTo(file.toString());
        assertThat(store.file()).isEqualTo(file);
    }
}
