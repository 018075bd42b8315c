package dev.strangler.gateway.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written HTTP/1.1 upstream on loopback, for the raw proxy path's framing and connection handling: it keeps
 * connections alive, counts them, reads bodies by length or chunked, and answers by path: {@code /echo} returns the
 * body, {@code /chunked} answers chunked, {@code /close} answers then closes ({@code Connection: close}),
 * {@code /silent} never answers, {@code /drop} closes without answering; any other path gets a line naming the
 * connection and its request number.
 */
final class LoopbackUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger connections = new AtomicInteger();

    LoopbackUpstream() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int id = connections.incrementAndGet();
                threads.execute(() -> serve(socket, id));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket, int id) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int request = 1; ; request++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                String path = lines[0].split(" ")[1];
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
                byte[] body = readBody(in, headers);
                if (!answer(out, path, body, id, request, lines[0].startsWith("HEAD "))) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the gateway closed the connection
        }
    }

    /** Writes the answer for {@code path}; false when the connection ends after it. */
    private static boolean answer(OutputStream out, String path, byte[] body, int id, int request, boolean head)
            throws IOException, InterruptedException {
        switch (path) {
            case "/echo" -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n", body);
            case "/chunked" -> write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                    + "1\r\na\r\n2\r\nbb\r\n3\r\nccc\r\n0\r\n\r\n", new byte[0]);
            case "/close" -> {
                write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\n", bytes("close"));
                return false;
            }
            case "/silent" -> {
                Thread.sleep(30_000);
                return false;
            }
            case "/drop" -> {
                return false;
            }
            default -> {
                byte[] text = bytes("connection=" + id + " request=" + request + " path=" + path);
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + text.length + "\r\n\r\n",
                        head ? new byte[0] : text);
            }
        }
        return true;
    }

    private static void write(OutputStream out, String head, byte[] body) throws IOException {
        out.write(bytes(head));
        out.write(body);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last = 0;
        while (last != 0x0d0a0d0a) { // up to the blank line: \r\n\r\n
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last = last << 8 | b;
        }
        return head.toString(StandardCharsets.US_ASCII).trim();
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.containsKey("content-length")) {
            return in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return new byte[0];
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
