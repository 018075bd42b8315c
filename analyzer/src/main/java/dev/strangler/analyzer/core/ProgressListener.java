package dev.strangler.analyzer.core;

/** Receives progress of a long phase, for a progress bar; calls may come from several threads. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(String phase, long total) {
        }

        @Override
        public void advanced(long steps) {
        }

        @Override
        public void finished() {
        }
    };

    /** A phase begins with {@code total} steps (files, classes). */
    void started(String phase, long total);

    void advanced(long steps);

    void finished();
}
