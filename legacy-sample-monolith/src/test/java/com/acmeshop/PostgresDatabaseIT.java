package com.acmeshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop on a real PostgreSQL, given as ACMESHOP_DB_URL: Flyway creates the schema and seed data in the empty
 * database, and a row another process writes there is the shop's row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "acmeshop.db.tcp-port=0")
@DirtiesContext
class PostgresDatabaseIT {

    private static EmbeddedPostgres postgres;

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<Server> h2TcpServer;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("ACMESHOP_DB_URL", () -> postgres().getJdbcUrl("postgres", "postgres"));
        registry.add("ACMESHOP_DB_USER", () -> "postgres");
    }

    @Test
    void flyway_migrates_the_empty_database_and_the_shop_serves_the_seed_data() throws SQLException {
        ShopClient.Answer coupon = new ShopClient(port).get("/api/coupons/WELCOME10");

        assertThat(coupon.status()).as(coupon.raw()).isEqualTo(200);
        assertThat(coupon.get("usable").asBoolean()).isTrue();
        // counted in the database: the shop's product list goes through its static CatalogCache, which outlives
        // the application context of the other tests in this JVM
        assertThat(count("select count(*) from flyway_schema_history where success")).isEqualTo(2);
        assertThat(count("select count(*) from product")).isEqualTo(25);
        assertThat(h2TcpServer.getIfAvailable()).as("no H2 server on another database").isNull();
    }

    @Test
    void a_coupon_written_through_a_second_connection_is_served_by_the_shop() throws SQLException {
        try (Connection outside = connect(); PreparedStatement insert = outside.prepareStatement("""
                insert into coupon (code, discount_type, discount_value, min_order_amount, valid_from, valid_until,
                                    max_uses, times_used, active)
                values ('PGOUTSIDE', 'PERCENT', 12.00, 0.00, date '2024-01-01', date '2099-12-31', null, 0, true)""")) {
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        ShopClient.Answer coupon = new ShopClient(port).get("/api/coupons/pgoutside");

        assertThat(coupon.status()).as(coupon.raw()).isEqualTo(200);
        assertThat(coupon.get("code").asString()).isEqualTo("PGOUTSIDE");
        assertThat(coupon.get("discountValue").decimalValue()).isEqualByComparingTo("12.00");
    }

    private static int count(String sql) throws SQLException {
        try (Connection outside = connect(); ResultSet rows = outside.createStatement().executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres().getJdbcUrl("postgres", "postgres"));
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                // binaries unpacked under target/; stopped by its own shutdown hook, after the Spring context
                // (closed by @DirtiesContext). As root it runs PostgreSQL through 'unshare -U', as PostgreSQL
                // refuses root.
                postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
        return postgres;
    }
}
