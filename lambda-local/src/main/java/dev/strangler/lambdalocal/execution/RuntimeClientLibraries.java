package dev.strangler.lambdalocal.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The runtime interface client and its libraries, packed into our jar by the build and unpacked for each run. */
final class RuntimeClientLibraries {
    /** File names as the build packs them (versions stripped); see the dependency plugin in lambda-local's pom. */
    private static final List<String> JARS = List.of("aws-lambda-java-runtime-interface-client.jar",
            "aws-lambda-java-core.jar", "aws-lambda-java-serialization.jar", "utils-lite.jar");
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Names the native library for the runtime client to load instead of unpacking its own. */
    static final String NATIVE_LIBRARY_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private RuntimeClientLibraries() {
    }

    /**
     * Unpacks the runtime client's native library for this platform into {@code folder}.
     *
     * <p>Left to itself, every runtime client process copies the library to one fixed file in /tmp and loads it from
     * there: environments starting at the same time overwrite it under each other and die of SIGBUS.
     */
    static Path unpackNativeLibrary(Path clientJar, Path folder) {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        String libc = Files.exists(Path.of("/lib/ld-musl-" + (arch.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1"))
                ? "linux_musl-" : "linux-";
        String entryName = "jni/libaws-lambda-jni." + libc + arch + ".so";
        try (ZipFile jar = new ZipFile(clientJar.toFile())) {
            ZipEntry entry = jar.getEntry(entryName);
            if (entry == null) {
                throw new IllegalStateException("The runtime interface client has no native library " + entryName
                        + " for this platform (" + System.getProperty("os.name") + ", " + arch + ")");
            }
            Path target = folder.resolve("libaws-lambda-jni.so");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the runtime client's native library from " + clientJar, e);
        }
    }

    /** Copies the jars into {@code folder} and returns their paths. */
    static List<Path> unpackTo(Path folder) {
        List<Path> jars = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (String jar : JARS) {
                try (InputStream in = RuntimeClientLibraries.class.getResourceAsStream("ric/" + jar)) {
                    if (in == null) {
                        throw new IllegalStateException("lambda-local was built without the runtime interface client ("
                                + jar + " is missing from its jar); rebuild it with ./mvnw -pl lambda-local package");
                    }
                    Path target = folder.resolve(jar);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    jars.add(target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the runtime interface client into " + folder, e);
        }
        return List.copyOf(jars);
    }
}
