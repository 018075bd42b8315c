package dev.strangler.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AllocatedBytesTest {

    private static final int MIB = 1 << 20;

    /** Kept reachable, so that the allocations cannot be optimised away. */
    private static volatile Object kept;

    @Test
    void counts_what_this_thread_allocates() {
        AllocatedBytes allocated = AllocatedBytes.ofThisJvm().orElseThrow();

        long before = allocated.read();
        allocate(16);

        assertThat(allocated.read() - before).isGreaterThanOrEqualTo(16L * MIB);
    }

    @Test
    void summing_the_live_threads_counts_what_this_thread_allocates_too() {
        AllocatedBytes allocated = AllocatedBytes.summingLiveThreads().orElseThrow();

        long before = allocated.read();
        allocate(16);

        assertThat(allocated.countsEndedThreads()).isFalse();
        assertThat(allocated.read() - before).isGreaterThanOrEqualTo(16L * MIB);
    }

    @Test
    void reads_the_jvm_total_where_the_runtime_has_it_which_is_from_jdk_21_on() {
        boolean runtimeHasIt = Arrays.stream(com.sun.management.ThreadMXBean.class.getMethods())
                .anyMatch(method -> method.getName().equals("getTotalThreadAllocatedBytes"));

        assertThat(AllocatedBytes.ofThisJvm().orElseThrow().countsEndedThreads()).isEqualTo(runtimeHasIt);
        if (Runtime.version().feature() >= 21) {
            assertThat(runtimeHasIt).isTrue();
        }
    }

    @Test
    void with_the_jvm_total_a_thread_that_ended_still_counts() throws InterruptedException {
        AllocatedBytes allocated = AllocatedBytes.ofThisJvm().orElseThrow();
        assumeTrue(allocated.countsEndedThreads(), "this runtime has no JVM total of allocated bytes");
        long before = allocated.read();
        Thread worker = new Thread(() -> allocate(16));
        worker.start();
        worker.join();

        assertThat(allocated.read() - before).isGreaterThanOrEqualTo(16L * MIB);
    }

    private static void allocate(int mebibytes) {
        for (int i = 0; i < mebibytes; i++) {
            kept = new byte[MIB];
        }
    }
}
