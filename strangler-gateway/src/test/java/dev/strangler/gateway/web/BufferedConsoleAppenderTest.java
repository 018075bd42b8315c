package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BufferedConsoleAppenderTest {

    private static final long HOUR = 3_600_000;

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void writes_buffered_lines_whole_and_in_order_after_the_flush_interval() throws Exception {
        BufferedConsoleAppender<ILoggingEvent> appender = started(50);

        for (int i = 1; i <= 3; i++) {
            appender.doAppend(event("line " + i));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (written().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(written()).isEqualTo("line 1\nline 2\nline 3\n");
        assertThat(context.getStatusManager().getCount()).as("errors reported by the appender").isZero();
        appender.stop();
    }

    @Test
    void drops_and_counts_lines_past_the_buffer_limit_instead_of_waiting() {
        BufferedConsoleAppender<ILoggingEvent> appender = started(HOUR);
        String line = "x".repeat(1023);
        int fitting = BufferedConsoleAppender.BUFFER_LIMIT / 1024;
        for (int i = 0; i < fitting + 10; i++) {
            appender.doAppend(event(line));
        }

        appender.stop();

        assertThat(console.size()).isEqualTo(fitting * 1024);
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .anyMatch(status -> status.getMessage().contains("10 log line(s) dropped"));
    }

    @Test
    void stopping_writes_what_is_still_buffered_and_leaves_the_console_open() {
        BufferedConsoleAppender<ILoggingEvent> appender = started(HOUR);
        appender.doAppend(event("last words"));
        assertThat(written()).as("held back until the flush").isEmpty();

        appender.stop();

        assertThat(written()).isEqualTo("last words\n");
        console.write('x'); // a closed stream would be a closed standard output in production
        assertThat(console.size()).isEqualTo("last words\n".length() + 1);
    }

    private BufferedConsoleAppender<ILoggingEvent> started(long flushMillis) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        BufferedConsoleAppender<ILoggingEvent> appender = new BufferedConsoleAppender<>(console, flushMillis);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    private ILoggingEvent event(String message) {
        return new LoggingEvent(getClass().getName(), context.getLogger("dev.strangler.gateway.access"), Level.INFO,
                message, null, null);
    }

    private String written() {
        return console.toString(StandardCharsets.UTF_8);
    }
}
