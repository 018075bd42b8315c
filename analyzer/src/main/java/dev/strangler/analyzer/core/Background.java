package dev.strangler.analyzer.core;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A stage of the decomposition worked out on a thread of its own while the caller goes on with one that does not
 * need it: the machine this runs on often has two cores, and most stages are a single thread's work.
 */
final class Background {
    private Background() {
    }

    /** Starts {@code work} on a daemon thread named {@code name}. */
    static <T> FutureTask<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** The result, once there; what the work threw is thrown here as it was. */
    static <T> T join(FutureTask<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
