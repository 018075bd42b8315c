package dev.strangler.gateway.web;

import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A console appender for the access log that never makes the logging thread (a Netty event loop) wait for the
 * console or for another thread: a line is encoded into a memory buffer, and a background thread writes the buffer
 * to standard output at most {@value #FLUSH_MILLIS} ms later, many lines per write. Lines are never split or
 * reordered. When the console cannot keep up and a buffer holds {@value #BUFFER_LIMIT} bytes, further lines are
 * dropped and counted (the metrics still count every request) rather than stalling requests.
 *
 * <p>It replaces Logback's asynchronous appender in front of a console appender, which at a few thousand requests a
 * second cost about 14 µs of CPU per line: a queue hand-off that woke its worker thread for each line, and one write
 * to the console each. Standard output itself is never closed.
 */
public final class BufferedConsoleAppender<E> extends UnsynchronizedAppenderBase<E> {
    static final long FLUSH_MILLIS = 100;
    static final int BUFFER_LIMIT = 4 * 1024 * 1024;

    private final OutputStream console;
    private final long flushMillis;
    private Encoder<E> encoder;
    private ScheduledExecutorService flusher;
    // guarded by this
    private ByteArrayOutputStream filling = new ByteArrayOutputStream(64 * 1024);
    private ByteArrayOutputStream spare = new ByteArrayOutputStream(64 * 1024);
    private boolean flushScheduled;
    private long dropped;

    /** Writes to the process's standard output. */
    public BufferedConsoleAppender() {
        this(new FileOutputStream(FileDescriptor.out), FLUSH_MILLIS);
    }

    BufferedConsoleAppender(OutputStream console, long flushMillis) {
        this.console = console;
        this.flushMillis = flushMillis;
    }

    /** The encoder that turns an event into its line (set from the Logback configuration). */
    public void setEncoder(Encoder<E> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder set for the appender named \"" + name + "\"; give it an <encoder>");
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-log-writer");
            thread.setDaemon(true);
            return thread;
        });
        super.start();
    }

    @Override
    protected void append(E event) {
        byte[] line = encoder.encode(event);
        if (line == null || line.length == 0) {
            return;
        }
        synchronized (this) {
            if (filling.size() + line.length > BUFFER_LIMIT) {
                dropped++;
                return;
            }
            filling.write(line, 0, line.length);
            if (!flushScheduled) {
                flushScheduled = true;
                flusher.schedule(this::flush, flushMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Writes what is buffered; only ever runs on the writer thread, or on the stopping thread once it has ended. */
    private void flush() {
        ByteArrayOutputStream full;
        long lost;
        synchronized (this) {
            full = filling;
            filling = spare;
            spare = null;
            flushScheduled = false;
            lost = dropped;
            dropped = 0;
        }
        try {
            if (lost > 0) {
                addWarn(lost + " log line(s) dropped: the console did not keep up");
            }
            full.writeTo(console);
            console.flush();
        } catch (IOException e) {
            addError("could not write the log to the console", e);
        } finally {
            full.reset();
            synchronized (this) {
                spare = full;
            }
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        flusher.shutdownNow(); // a scheduled write is done below instead
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
