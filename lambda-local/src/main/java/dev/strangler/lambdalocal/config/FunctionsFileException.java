package dev.strangler.lambdalocal.config;

import java.util.List;

/** Thrown when a functions file cannot be used; lists every problem found, one per line. */
public final class FunctionsFileException extends RuntimeException {
    private final List<String> problems;

    public FunctionsFileException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code file: functions[i]: what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
