package dev.strangler.analyzer.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The analyzer's command line, {@code ./strangler analyze PATH [options]}. Only {@link #main} exits the JVM.
 */
public final class Main {
    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the analyzer; returns 0 (report written), 1 (written, with problems) or 2 (usage error). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return AnalyzeCommand.execute(args, out, err, Scanners.SOURCE);
    }
}
