package dev.strangler.extraction.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.h2.tools.Server;

/**
 * The packaged sample monolith as a process, on an H2 database served over TCP from this JVM, so a generated
 * function can share the monolith's data: what one writes, the other reads.
 */
public final class SampleServers implements AutoCloseable {

    public final Server database;
    public final String jdbcUrl;
    public final Process monolith;
    public final URI monolithUri;
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SampleServers(Server database, String jdbcUrl, Process monolith, URI monolithUri) {
        this.database = database;
        this.jdbcUrl = jdbcUrl;
        this.monolith = monolith;
        this.monolithUri = monolithUri;
    }

    public static SampleServers start() throws IOException, InterruptedException, SQLException {
        Path jar = Path.of(System.getProperty("monolith.jar",
                "../legacy-sample-monolith/target/legacy-sample-monolith.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("sample monolith jar " + jar.toAbsolutePath().normalize() + " is missing;"
                    + " build it first: ./mvnw -pl legacy-sample-monolith package -DskipTests");
        }
        Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String jdbcUrl = "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/mem:acmeshop;DB_CLOSE_DELAY=-1";
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("sample-monolith", ".log");
        Process monolith = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.datasource.url=" + jdbcUrl)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SampleServers servers = new SampleServers(database, jdbcUrl, monolith, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            try {
                HttpResponse<String> probe = servers.http.send(HttpRequest.newBuilder(servers.monolithUri
                        .resolve("/api/products")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (probe.statusCode() == 200) {
                    return servers;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!monolith.isAlive() || System.nanoTime() > deadline) {
                servers.close();
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException("the sample monolith did not start; the end of its log " + log + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        monolith.destroy();
        try {
            monolith.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.stop();
    }
}
