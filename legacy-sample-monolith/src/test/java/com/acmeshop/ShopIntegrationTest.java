package com.acmeshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one Spring configuration every integration test shares, so the whole suite starts the shop once:
 * the real application on a random port with its embedded H2 database, served to other processes on a free port
 * (parallel builds must not fight over the default one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "acmeshop.db.tcp-port=0")
abstract class ShopIntegrationTest {

    private static final AtomicInteger UNIQUE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 5000));

    @LocalServerPort
    int port;

    ShopClient newClient() {
        return new ShopClient(port);
    }

    static int unique() {
        return UNIQUE.incrementAndGet();
    }

    /** Registers a fresh customer with a US (California) address and logs the client in. */
    static long registerAndLogin(ShopClient client, String firstName) {
        String email = firstName.toLowerCase() + unique() + "@example.com";
        ShopClient.Answer registered = client.post("/api/customers", ShopClient.json(
                "email", email, "password", "correct-horse", "firstName", firstName, "lastName", "Tester"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        ShopClient.Answer login = client.post("/api/customers/login",
                ShopClient.json("email", email, "password", "correct-horse"));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        long customerId = registered.id();
        ShopClient.Answer address = client.post("/api/customers/" + customerId + "/addresses", ShopClient.json(
                "line1", "1 Test Way", "city", "Los Angeles", "region", "CA", "postalCode", "90001", "country", "US"));
        assertThat(address.status()).as(address.raw()).isEqualTo(201);
        return customerId;
    }
}
