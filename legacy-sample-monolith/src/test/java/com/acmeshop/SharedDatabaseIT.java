package com.acmeshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shop's H2 database as another process sees it: a plain JDBC connection through the H2 TCP server, outside
 * the Spring context, as an extracted function connects. A row written there is the shop's row.
 */
class SharedDatabaseIT extends ShopIntegrationTest {

    @Autowired
    Server h2TcpServer;

    @Test
    void a_coupon_written_through_a_second_connection_is_served_by_the_shop() throws SQLException {
        String code = "OUTSIDE" + unique();

        try (Connection outside = connect(); PreparedStatement insert = outside.prepareStatement("""
                insert into coupon (code, discount_type, discount_value, min_order_amount, valid_from, valid_until,
                                    max_uses, times_used, active)
                values (?, 'FIXED', 7.50, 30.00, date '2024-01-01', date '2099-12-31', null, 0, true)""")) {
            insert.setString(1, code);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        ShopClient.Answer coupon = newClient().get("/api/coupons/" + code);

        assertThat(coupon.status()).as(coupon.raw()).isEqualTo(200);
        assertThat(coupon.get("code").asString()).isEqualTo(code);
        assertThat(coupon.get("discountType").asString()).isEqualTo("FIXED");
        assertThat(coupon.get("discountValue").decimalValue()).isEqualByComparingTo("7.50");
        assertThat(coupon.get("minOrderAmount").decimalValue()).isEqualByComparingTo("30.00");
    }

    @Test
    void a_cart_item_added_through_the_shop_is_read_by_a_second_connection() throws SQLException {
        long customerId = registerAndLogin(newClient(), "Outsider");
        ShopClient.Answer added = newClient().post("/api/cart/items?customerId=" + customerId,
                ShopClient.json("productId", 3, "quantity", 2));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);

        try (Connection outside = connect(); PreparedStatement query = outside.prepareStatement("""
                select i.product_id, i.quantity from cart_item i join cart c on c.id = i.cart_id
                where c.customer_id = ?""")) {
            query.setLong(1, customerId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(3);
                assertThat(rows.getInt(2)).isEqualTo(2);
            }
        }
    }

    @Test
    void the_server_listens_on_loopback_and_opens_no_database_but_the_shops() {
        assertThat(h2TcpServer.getPort()).isPositive();
        assertThat(h2TcpServer.getStatus()).contains("only local connections");

        assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:h2:tcp://127.0.0.1:" + h2TcpServer.getPort() + "/mem:someone-elses", "sa", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("not found");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + h2TcpServer.getPort() + "/mem:acmeshop", "sa", "");
    }
}
