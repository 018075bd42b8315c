package dev.strangler.lambdalocal.execution;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** An environment's output file (its stdout and stderr), cut into the logs of its invocations. */
final class EnvironmentLog {
    private final String id;
    private final Path logFile;

    EnvironmentLog(String id, Path logFile) {
        this.id = id;
        this.logFile = logFile;
    }

    /** The log file's length now: where the next invocation's log starts. */
    long size() {
        try {
            return Files.size(logFile);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The output written between {@code from} and {@code to}, framed as AWS frames an invocation's log; of a very
     * long output only the last megabyte.
     */
    String invocationLog(String requestId, long from, long to, Duration duration, Duration init, int memoryMb) {
        String output;
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long end = Math.min(to, file.length());
            byte[] bytes = new byte[(int) Math.min(Math.max(end - from, 0), 1 << 20)];
            file.seek(end - bytes.length);
            file.readFully(bytes);
            output = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            output = "(log of environment " + id + " unreadable: " + e.getMessage() + ")\n";
        }
        double millis = duration.toNanos() / 1e6;
        StringBuilder text = new StringBuilder(output.length() + 300)
                .append("START RequestId: ").append(requestId).append(" Version: $LATEST\n")
                .append(output);
        if (!output.isEmpty() && !output.endsWith("\n")) {
            text.append('\n');
        }
        text.append("END RequestId: ").append(requestId).append('\n')
                .append("REPORT RequestId: ").append(requestId)
                .append(String.format(Locale.ROOT, "\tDuration: %.2f ms\tBilled Duration: %d ms",
                        millis, (long) Math.ceil(millis)))
                .append("\tMemory Size: ").append(memoryMb).append(" MB");
        if (!init.isZero()) {
            text.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", init.toNanos() / 1e6));
        }
        return text.append('\n').toString();
    }

    /** The last 4 KB of output, to explain an environment's death. */
    String lastOutput() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(file.length(), 4096)];
            file.seek(file.length() - bytes.length);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
