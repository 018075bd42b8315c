package dev.strangler.gateway.routefile;

import java.util.List;
import java.util.stream.Collectors;

/** A route file that cannot be used; the message lists every problem with its line. */
public class InvalidRouteFileException extends RuntimeException {

    private final List<RouteFileProblem> problems;

    public InvalidRouteFileException(String file, List<RouteFileProblem> problems) {
        super("route file " + file + " is invalid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p.format(file)).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems found, in file order. */
    public List<RouteFileProblem> problems() {
        return problems;
    }
}
