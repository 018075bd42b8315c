package dev.strangler.gateway.cli;

import dev.strangler.gateway.routedb.PostgresRouteSource;
import dev.strangler.gateway.routedb.StoreSettings;
import dev.strangler.gateway.routefile.InvalidRouteFileException;
import dev.strangler.gateway.routefile.RouteFileReader;
import dev.strangler.gateway.routefile.RouteStoreUnavailableException;
import dev.strangler.gateway.routing.RouteTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code ./strangler routes import|export}: moves a route table between a route file and the shared route store,
 * straight to the database, without a gateway. Import reads the file with the gateway's own reader (an invalid file is
 * refused with its problems) and replaces the stored table in one transaction, audited route by route; unchanged
 * routes keep their versions. Export writes the stored table as a route file (stdout, or {@code --out}). User and
 * password come from {@code STRANGLER_ROUTES_STORE_USER} and {@code STRANGLER_ROUTES_STORE_PASSWORD}. Exit codes as
 * the other routes commands: 0 done, 1 refused or unreachable, 2 usage error.
 */
final class RouteStoreCommand {

    static final String USAGE = """
            Usage: ./strangler routes import --from FILE --store URL [--replace] [--reason TEXT] [--actor NAME]
                   ./strangler routes export --store URL [--out FILE [--force]]

              --from FILE     the route file to import
              --store URL     the shared route store, jdbc:postgresql://host:5432/db (env STRANGLER_ROUTES_STORE_URL);
                              user and password from STRANGLER_ROUTES_STORE_USER and STRANGLER_ROUTES_STORE_PASSWORD
              --replace       replace the routes a store holds already (without it, import only fills an empty store)
              --reason TEXT   why, for the audit table
              --actor NAME    who, for the audit table (default: $USER)
              --out FILE      export there (default: stdout); an existing file is kept
              --force         replace an existing --out FILE""";

    private RouteStoreCommand() {
    }

    static int run(String command, List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        String from = null;
        String store = env.get("STRANGLER_ROUTES_STORE_URL");
        String reason = null;
        String actor = env.getOrDefault("USER", "cli");
        String file = null;
        boolean replace = false;
        boolean force = false;
        OutFile target;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--from" -> from = OutFile.value(args, ++i, "--from");
                    case "--store" -> store = OutFile.value(args, ++i, "--store");
                    case "--reason" -> reason = OutFile.value(args, ++i, "--reason");
                    case "--actor" -> actor = OutFile.value(args, ++i, "--actor");
                    case "--out" -> file = OutFile.value(args, ++i, "--out");
                    case "--replace" -> replace = true;
                    case "--force" -> force = true;
                    default -> throw new IllegalArgumentException("unknown option or argument '" + args.get(i) + "'");
                }
            }
            if (store == null || store.isBlank()) {
                throw new IllegalArgumentException("missing --store URL (or STRANGLER_ROUTES_STORE_URL), like"
                        + " jdbc:postgresql://db.example.com:5432/strangler");
            }
            if (command.equals("import") && from == null) {
                throw new IllegalArgumentException("missing --from FILE, the route file to import");
            }
            if (command.equals("import") && file != null) {
                throw new IllegalArgumentException("--out is for export; import writes to the --store");
            }
            if (command.equals("export") && (from != null || replace || reason != null)) {
                throw new IllegalArgumentException("--from, --replace and --reason are for import");
            }
            target = new OutFile(file == null ? null : Path.of(file), force);
        } catch (IllegalArgumentException e) {
            err.println("strangler routes " + command + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        StoreSettings settings;
        try {
            settings = new StoreSettings(store, env.get("STRANGLER_ROUTES_STORE_USER"),
                    env.get("STRANGLER_ROUTES_STORE_PASSWORD"), false, java.time.Duration.ZERO);
        } catch (IllegalArgumentException e) {
            err.println("strangler routes " + command + ": " + e.getMessage());
            return 2;
        }
        return command.equals("import") ? importFile(Path.of(from), settings, actor, reason, replace, err)
                : export(settings, target, out, err);
    }

    private static int importFile(Path from, StoreSettings settings, String actor, String reason, boolean replace,
                                  PrintStream err) {
        RouteTable table;
        try {
            table = RouteFileReader.read(Files.readString(from, StandardCharsets.UTF_8), from.toString());
        } catch (IOException e) {
            err.println("strangler routes import: cannot read " + from + ": " + e.getMessage());
            return 1;
        } catch (InvalidRouteFileException e) {
            err.println("strangler routes import: refused, nothing imported: " + e.getMessage());
            return 1;
        }
        try (PostgresRouteSource source = PostgresRouteSource.connect(settings, Clock.systemUTC(),
                note -> err.println("strangler routes: " + note))) {
            String summary = source.importTable(table, actor, reason, replace);
            err.println("strangler routes import: " + from + " -> " + settings.location() + ": " + summary);
            return 0;
        } catch (RouteStoreUnavailableException | IllegalStateException e) {
            err.println("strangler routes import: " + e.getMessage());
            return 1;
        }
    }

    private static int export(StoreSettings settings, OutFile target, PrintStream out, PrintStream err) {
        if (target.isTaken()) {
            err.println("strangler routes export: " + target.takenMessage());
            return 1;
        }
        try (PostgresRouteSource source = PostgresRouteSource.connect(settings, Clock.systemUTC(),
                note -> err.println("strangler routes: " + note))) {
            target.write(source.export(), out);
            if (!target.isStdout()) {
                err.println("strangler routes export: " + settings.location() + " -> " + target.file());
            }
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("strangler routes export: " + target.takenMessage());
            return 1;
        } catch (IOException e) {
            err.println("strangler routes export: cannot write " + target.file() + ": " + e.getMessage());
            return 1;
        } catch (RouteStoreUnavailableException | InvalidRouteFileException e) {
            err.println("strangler routes export: " + e.getMessage());
            return 1;
        }
    }
}
