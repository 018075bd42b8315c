package dev.strangler.gateway.web;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The raw path's response timeout, as Reactor Netty's client keeps it: it runs while {@code counting} says so (the
 * request went up and the upstream's reads are not paused for a slow client) and fires once the upstream stayed silent
 * for the limit, every read starting the clock again. One scheduled task per request, moved on only when it comes due,
 * so a read costs a clock reading. Confined to its loop.
 */
final class SilenceTimer {

    private final EventLoop loop;
    private final long limitNanos;
    private final BooleanSupplier counting;
    private final Runnable timedOut;
    private long last;
    private ScheduledFuture<?> task;

    SilenceTimer(EventLoop loop, long limitNanos, BooleanSupplier counting, Runnable timedOut) {
        this.loop = loop;
        this.limitNanos = limitNanos;
        this.counting = counting;
        this.timedOut = timedOut;
    }

    /** Starts the clock now (again, if it ran). */
    void heard() {
        last = System.nanoTime();
        if (task == null) {
            task = loop.schedule(this::check, limitNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops it for good. */
    void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void check() {
        long silent = System.nanoTime() - last;
        if (counting.getAsBoolean() && silent >= limitNanos) {
            timedOut.run();
            return;
        }
        long wait = counting.getAsBoolean() ? limitNanos - silent : limitNanos;
        task = loop.schedule(this::check, wait, TimeUnit.NANOSECONDS);
    }

    /** The limit in milliseconds, for messages. */
    long limitMillis() {
        return TimeUnit.NANOSECONDS.toMillis(limitNanos);
    }
}
