package dev.strangler.analyzer.bytecode;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;

import java.nio.file.Path;
import java.util.List;

/** Adds the dependencies that compiled classes of the codebase show to a model scanned from sources. */
public final class BytecodeScanner {
    /**
     * Returns {@code codebase} with the bytecode dependencies between its own types added; entries of
     * {@code classpath} that hold none of the codebase's types are ignored.
     */
    public Codebase enrich(Codebase codebase, List<Path> classpath, ProgressListener progress) {
        // TODO(#5): being written on the analyzer-source branch; replaced before the analyzer lands.
        throw new UnsupportedOperationException("bytecode scanning is not written yet");
    }
}
