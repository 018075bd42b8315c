package dev.strangler.lambdalocal.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The runtime interface client and its libraries, packed into our jar by the build and unpacked for each run. */
final class RuntimeClientLibraries {
    /** File names as the build packs them (versions stripped); see the dependency plugin in lambda-local's pom. */
    private static final List<String> JARS = List.of("aws-lambda-java-runtime-interface-client.jar",
            "aws-lambda-java-core.jar", "aws-lambda-java-serialization.jar", "utils-lite.jar");
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private RuntimeClientLibraries() {
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
