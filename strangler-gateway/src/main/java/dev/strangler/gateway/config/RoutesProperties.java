package dev.strangler.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The route file and what goes with it.
 *
 * @param file the YAML route file; read at startup, re-read when it changes, rewritten by the admin API. Required
 *     unless the shared route store is set ({@link RouteStoreProperties}), and not allowed with it
 * @param auditLog where route changes are appended; defaults to the route file's name plus {@code .audit.log}
 * @param reloadInterval how often the file's modification time, or the shared store's revision, is checked
 */
@Validated
@ConfigurationProperties(RoutesProperties.PREFIX)
public record RoutesProperties(Path file, Path auditLog, @DefaultValue("2s") Duration reloadInterval) {
    public static final String PREFIX = "strangler.routes";

    /** The audit log path, given or derived from the route file. */
    public Path auditLogOrDefault() {
        return auditLog != null ? auditLog : file.resolveSibling(file.getFileName() + ".audit.log");
    }
}
