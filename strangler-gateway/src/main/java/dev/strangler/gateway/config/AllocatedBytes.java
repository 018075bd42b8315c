package dev.strangler.gateway.config;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Heap bytes allocated by the JVM's threads since it started, for {@code strangler_jvm_allocated_bytes}. The JVM's own
 * total ({@code com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes}, which also counts threads that ended)
 * where the runtime has it: JDK 21 on, and later JDK 17 updates, but not the Java 17 API the gateway is compiled
 * against, so it is looked up at run time. Elsewhere the sum over the threads alive when read, which leaves out the
 * threads that ended (the gateway's event loops live as long as it does).
 */
final class AllocatedBytes {

    private final com.sun.management.ThreadMXBean threads;
    private final MethodHandle total;

    private AllocatedBytes(com.sun.management.ThreadMXBean threads, MethodHandle total) {
        this.threads = threads;
        this.total = total;
    }

    /** The count for this JVM; empty when it does not count allocations per thread, or has that count turned off. */
    static Optional<AllocatedBytes> ofThisJvm() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return Optional.of(new AllocatedBytes(threads, totalMethod(threads)));
        }
        return Optional.empty();
    }

    /** As {@link #ofThisJvm()}, always summing the threads alive, whatever the runtime has. */
    static Optional<AllocatedBytes> summingLiveThreads() {
        return ofThisJvm().map(bytes -> new AllocatedBytes(bytes.threads, null));
    }

    /** Whether the JVM's own total is read, rather than the sum over the threads alive. */
    boolean countsEndedThreads() {
        return total != null;
    }

    /** The bytes allocated so far. */
    long read() {
        if (total != null) {
            try {
                return (long) total.invokeExact(threads);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read the JVM's allocated bytes", e);
            }
        }
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) { // -1: the thread ended between the two calls
                sum += bytes;
            }
        }
        return sum;
    }

    private static MethodHandle totalMethod(com.sun.management.ThreadMXBean threads) {
        try {
            // typed (com.sun.management.ThreadMXBean)long, as read() invokes it
            return MethodHandles.publicLookup().findVirtual(com.sun.management.ThreadMXBean.class,
                    "getTotalThreadAllocatedBytes", MethodType.methodType(long.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
