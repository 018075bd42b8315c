package dev.strangler.gateway.cli;

import dev.strangler.gateway.routefile.RouteFileWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Where an offline routes command ({@code seed}, {@code iam}) puts what it made: stdout, or an {@code --out} file
 * that is kept unless {@code --force} replaces it.
 *
 * @param file the {@code --out} file, or null for stdout
 * @param force whether an existing file is replaced
 */
record OutFile(Path file, boolean force) {
    OutFile {
        if (force && file == null) {
            throw new IllegalArgumentException("--force replaces an --out FILE, but no --out was given");
        }
    }

    /** The value of the option at {@code i}, or a usage error naming it. */
    static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args.get(i);
    }

    boolean isStdout() {
        return file == null;
    }

    /** Whether the file is there already and may not be replaced: checked before any work, again when written. */
    boolean isTaken() {
        return file != null && !force && Files.exists(file);
    }

    String takenMessage() {
        return file + " exists; pass --force to replace it, or choose another --out";
    }

    /** Prints the text, or writes it: atomically over an old file with --force, else only as a new file. */
    void write(String text, PrintStream out) throws IOException {
        if (file == null) {
            out.print(text);
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (force) {
            RouteFileWriter.writeAtomically(file, text);
        } else {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }
}
