package dev.strangler.gateway.cli;

import dev.strangler.gateway.iam.AccountScope;
import dev.strangler.gateway.iam.InvokePolicy;
import dev.strangler.gateway.iam.PolicyDraft;
import dev.strangler.gateway.routefile.InvalidRouteFileException;
import dev.strangler.gateway.routefile.RouteFileReader;
import dev.strangler.gateway.routing.RouteTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./strangler routes iam --from ROUTES [--region R] [--account ID] [--partition P] [--out FILE [--force]]}:
 * the IAM policy the gateway's role needs for a route file, on stdout or in {@code FILE}. Works offline. Exit codes
 * as the other routes commands: 0 written, 1 refused (invalid route file, a function that cannot be made an ARN,
 * file exists), 2 usage error.
 */
final class RouteIamCommand {

    static final String USAGE = """
            Usage: ./strangler routes iam --from ROUTES [--region R] [--account ID] [--partition P] [--out FILE [--force]]

              --from ROUTES   the gateway's route file
              --region R      region of functions named without a full ARN (e.g. eu-west-1)
              --account ID    12-digit account of functions named without an ARN
              --partition P   partition of those functions (default aws)
              --out FILE      write the policy there (default: stdout); an existing file is kept
              --force         replace an existing --out FILE""";

    private RouteIamCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String from = null;
        String file = null;
        String region = null;
        String account = null;
        String partition = "aws";
        boolean force = false;
        AccountScope scope;
        OutFile target;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--from" -> from = OutFile.value(args, ++i, "--from");
                    case "--out" -> file = OutFile.value(args, ++i, "--out");
                    case "--region" -> region = OutFile.value(args, ++i, "--region");
                    case "--account" -> account = OutFile.value(args, ++i, "--account");
                    case "--partition" -> partition = OutFile.value(args, ++i, "--partition");
                    case "--force" -> force = true;
                    default -> throw new IllegalArgumentException("unknown option or argument '" + args.get(i) + "'");
                }
            }
            if (from == null) {
                throw new IllegalArgumentException("missing --from ROUTES (the gateway's route file)");
            }
            target = new OutFile(file == null ? null : Path.of(file), force);
            scope = new AccountScope(partition, region, account);
        } catch (IllegalArgumentException e) {
            err.println("strangler routes iam: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (target.isTaken()) {
            err.println("strangler routes iam: " + target.takenMessage());
            return 1;
        }
        RouteTable table;
        try {
            table = RouteFileReader.read(Files.readString(Path.of(from), StandardCharsets.UTF_8), from);
        } catch (NoSuchFileException e) {
            err.println("strangler routes iam: no route file at " + from + "; write one with ./strangler routes seed");
            return 1;
        } catch (IOException e) {
            err.println("strangler routes iam: cannot read " + from + ": " + e.getMessage());
            return 1;
        } catch (InvalidRouteFileException e) {
            err.println("strangler routes iam: " + e.getMessage());
            return 1;
        }
        PolicyDraft draft = PolicyDraft.of(table, scope);
        if (draft.hasProblems()) {
            err.println("strangler routes iam: no policy for " + from + " (" + draft.problems().size() + " problem"
                    + (draft.problems().size() == 1 ? "" : "s") + "):");
            draft.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        }
        InvokePolicy policy = draft.policy();
        try {
            target.write(policy.toJson(), out);
        } catch (FileAlreadyExistsException e) {
            err.println("strangler routes iam: " + target.takenMessage());
            return 1;
        } catch (IOException e) {
            err.println("strangler routes iam: cannot write " + target.file() + ": " + e.getMessage());
            return 1;
        }
        err.println("lambda:InvokeFunction on " + policy.resources().size() + " function resource"
                + (policy.resources().size() == 1 ? "" : "s") + " of " + from
                + (target.isStdout() ? "." : "; written to " + target.file() + "."));
        return 0;
    }

}
