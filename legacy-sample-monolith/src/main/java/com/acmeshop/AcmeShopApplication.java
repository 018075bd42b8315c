package com.acmeshop;

import com.acmeshop.config.ShopProperties;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(ShopProperties.class)
public class AcmeShopApplication {

    private static final Logger log = LoggerFactory.getLogger(AcmeShopApplication.class);
    private static final String H2_MEMORY_PREFIX = "jdbc:h2:mem:";

    public static void main(String[] args) {
        SpringApplication.run(AcmeShopApplication.class, args);
    }

    /**
     * Serves the embedded in-memory H2 database to other processes (an extracted function, a SQL console) through an
     * H2 TCP server on 127.0.0.1, so a row written by them is the shop's row too. Port 0 picks a free port; the URL to
     * use is logged. Not started when the shop runs on another database (ACMESHOP_DB_URL, the postgres profile).
     * Taking the DataSource makes the database exist (and Flyway's migrations run) before the server opens.
     */
    @Bean(destroyMethod = "stop")
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('" + H2_MEMORY_PREFIX + "')")
    public Server h2TcpServer(@Value("${spring.datasource.url}") String url,
                              @Value("${acmeshop.db.tcp-port:9092}") int port, DataSource dataSource) {
        // the H2 server listens on every interface unless told otherwise: loopback only
        System.setProperty("h2.bindAddress", "127.0.0.1");
        Server server;
        try {
            // -ifExists: a client cannot create a database of its own here, only open the shop's
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot serve the database on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another AcmeShop running? Choose another port with --acmeshop.db.tcp-port=N,"
                    + " or 0 for a free one", e);
        }
        String name = url.substring(H2_MEMORY_PREFIX.length()).split(";", 2)[0];
        log.info("Database served to other processes at jdbc:h2:tcp://127.0.0.1:{}/mem:{} (user sa, empty password)",
                server.getPort(), name);
        return server;
    }
}
