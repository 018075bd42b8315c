package dev.strangler.lambdalocal.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's code as classpath entries: a jar as it is, a folder with its {@code lib/*.jar}, or a Lambda-style zip
 * unpacked into a folder of its own.
 */
record FunctionCode(List<Path> classpath) {
    FunctionCode {
        classpath = List.copyOf(classpath);
    }

    /** Resolves {@code code}, unpacking a zip below {@code unpackDir}. */
    static FunctionCode of(String function, Path code, Path unpackDir) {
        if (Files.isDirectory(code)) {
            return new FunctionCode(withLibraries(code));
        }
        if (!Files.isRegularFile(code)) {
            throw new IllegalArgumentException("Code of function '" + function + "' not found at " + code
                    + "; give a deployment jar, a classes folder or a Lambda zip (build it first)");
        }
        String fileName = code.getFileName().toString().toLowerCase(Locale.ROOT);
        if (fileName.endsWith(".zip")) {
            unzip(function, code, unpackDir);
            return new FunctionCode(withLibraries(unpackDir));
        }
        if (!fileName.endsWith(".jar")) {
            throw new IllegalArgumentException("Code of function '" + function + "' must be a .jar, a .zip or a folder, "
                    + "but was " + code);
        }
        return new FunctionCode(List.of(code));
    }

    private static List<Path> withLibraries(Path folder) {
        List<Path> entries = new ArrayList<>();
        entries.add(folder);
        Path lib = folder.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).sorted().forEach(entries::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list the libraries in " + lib, e);
            }
        }
        return entries;
    }

    private static void unzip(String function, Path zip, Path target) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Files.createDirectories(target);
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IllegalArgumentException("Zip of function '" + function + "' holds an entry outside its "
                            + "root: " + entry.getName() + " in " + zip);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the code of function '" + function + "' from " + zip
                    + "; is it a valid zip?", e);
        }
    }
}
