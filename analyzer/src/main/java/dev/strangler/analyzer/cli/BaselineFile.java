package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.baseline.BaselineDiff;
import dev.strangler.analyzer.baseline.BaselineException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --baseline} report, read and checked before the analysis and compared with the new report after it. */
final class BaselineFile {
    private final String label;
    private final String json;

    private BaselineFile(String label, String json) {
        this.label = label;
        this.json = json;
    }

    /** Reads and checks the file; a missing, unreadable or other-version file is a usage error. */
    static BaselineFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--baseline file does not exist: " + file + "; write one with "
                    + "'./strangler analyze PATH --out DIR' and keep DIR/decomposition.json");
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            BaselineDiff.requireComparable(String.valueOf(file.getFileName()), text);
            return new BaselineFile(String.valueOf(file.getFileName()), text);
        } catch (IOException e) {
            throw new UsageException("cannot read --baseline " + file + ": " + e.getMessage());
        } catch (BaselineException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Prints the difference to the new report; returns true when coupling got worse. */
    boolean printDifference(String currentJson, PrintWriter out) {
        BaselineDiff diff = BaselineDiff.compare(label, json, currentJson);
        out.println();
        diff.toLines().forEach(out::println);
        return diff.isWorse();
    }
}
