package dev.strangler.extraction.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The extraction command line, {@code ./strangler extract --report ... --service NAME --source DIR --out DIR}. Only
 * {@link #main} exits the JVM.
 */
public final class Main {
    /** The project was written and nothing is left to do by hand. */
    public static final int OK = 0;
    /** The project was written, with items on its to-do list (calls that are not yet moved, notes). */
    public static final int TODO = 1;
    /** Bad options or bad input; nothing was written. */
    public static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one extraction; returns {@link #OK}, {@link #TODO} or {@link #USAGE}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return ExtractCommand.execute(args, out, err);
    }
}
