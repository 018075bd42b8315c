package dev.strangler.extraction.project;

import dev.strangler.extraction.core.BadInputException;
import dev.strangler.extraction.core.ProjectFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a generated project all at once: every file goes into a temporary folder next to the target, which is then
 * moved into place, so a failure leaves the target as it was (nothing half-written).
 */
public final class ProjectWriter {
    /**
     * Checks the target before any work is done: it must be missing, an empty folder, or {@code force} must be set.
     */
    public void checkTarget(Path out, boolean force) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + " is a file; give a folder for the generated project");
        }
        if (!force && Files.isDirectory(out) && !isEmpty(out)) {
            throw new BadInputException("--out " + out + " is not empty; give a new or empty folder, or --force to replace "
                    + "what is in it");
        }
    }

    public void write(Path out, List<ProjectFile> files, boolean force) {
        checkTarget(out, force);
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(parent);
            temporary = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            for (ProjectFile file : files) {
                Path path = temporary.resolve(file.path());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.content(), StandardCharsets.UTF_8);
            }
            if (Files.exists(target)) {
                deleteTree(target);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the project to " + out + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + root + ": " + e.getMessage(), e);
        }
    }
}
