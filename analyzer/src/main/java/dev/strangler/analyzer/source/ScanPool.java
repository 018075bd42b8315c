package dev.strangler.analyzer.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Work of the scan spread over its pool: inputs submitted in a chosen order, results kept in input order. */
final class ScanPool {

    private ScanPool() {
    }

    /** Applies {@code work} to every input on the pool, submitted in the given order; the results in input order. */
    static <T, R> List<R> runAll(ExecutorService pool, List<T> inputs, List<Integer> order,
                                         Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>(Collections.nCopies(inputs.size(), null));
        for (int i : order) {
            T input = inputs.get(i);
            futures.set(i, pool.submit(() -> work.apply(input)));
        }
        List<R> results = new ArrayList<>(inputs.size());
        for (Future<R> future : futures) {
            results.add(result(future));
        }
        return results;
    }

    static <R> R result(Future<R> future) {
        return result(future, "scan");
    }

    /** The future's result; its failure as one of {@code work} ("hashing the files failed: ..."). */
    static <R> R result(Future<R> future, String work) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(work + " failed: " + e.getCause(), e.getCause());
        }
    }
}
