package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.RequestTally;
import dev.strangler.analyzer.core.Severity;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request counts for {@code --traffic}, line by line, each line in whichever of these formats it is: the
 * strangler gateway's access log ({@code ... ACCESS route=r side=s target=t method=GET path=/x status=200 ...}),
 * the common or combined log format of nginx and Apache ({@code host - user [time] "GET /x HTTP/1.1" 200 512 ...}),
 * or a CSV of {@code route,count} ({@code GET /api/x/{id},1200}, the method optional, an error count as an optional
 * third column, a header line allowed). Requests are added up by method and path as they are read, so a log of any
 * length takes memory only for its distinct paths. A line in none of the formats is skipped and counted.
 *
 * @param tallies the requests, by method and path (query left out), in the order first seen
 * @param problems one warning per file with unreadable lines, naming the first
 */
record TrafficLog(List<RequestTally> tallies, List<Problem> problems) {
    private static final Pattern COMMON = Pattern.compile(
            "^\\S+ \\S+ \\S+ \\[[^\\]]*\\] \"([A-Z]+) (\\S+)(?: [^\"]*)?\" (\\d{3}) ");
    private static final Pattern CSV = Pattern.compile("^\"?(?:([A-Za-z]+) )?(/[^,\"]*)\"?,\\s*(\\d+)(?:,\\s*(\\d+))?\\s*$");

    TrafficLog {
        tallies = List.copyOf(tallies);
        problems = List.copyOf(problems);
    }

    static TrafficLog read(List<Path> files) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--traffic file does not exist: " + file + "; give the gateway's access log, "
                        + "an nginx or Apache access log, or a CSV of route,count");
            }
            readFile(file, counts, problems);
        }
        List<RequestTally> tallies = new ArrayList<>();
        counts.forEach((key, value) -> {
            int space = key.indexOf(' ');
            tallies.add(new RequestTally(key.substring(0, space), key.substring(space + 1), value[0], value[1]));
        });
        return new TrafficLog(tallies, problems);
    }

    private static void readFile(Path file, Map<String, long[]> counts, List<Problem> problems) {
        int lineNumber = 0;
        int read = 0;
        int skipped = 0;
        int firstSkipped = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || (lineNumber == 1 && line.toLowerCase(Locale.ROOT).startsWith("route,"))) {
                    continue;
                }
                if (parse(line, counts)) {
                    read++;
                } else if (skipped++ == 0) {
                    firstSkipped = lineNumber;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("cannot read --traffic file " + file + ": " + e.getMessage());
        }
        String name = String.valueOf(file.getFileName());
        if (read == 0) {
            throw new UsageException("--traffic file " + file + " has no request in a format the analyzer reads ("
                    + (skipped == 0 ? "it is empty" : "line " + firstSkipped + " is the first of " + skipped + " it could "
                    + "not read") + "); give the gateway's access log, an nginx or Apache access log in the common "
                    + "or combined format, or a CSV of route,count");
        }
        if (skipped > 0) {
            problems.add(new Problem(name, firstSkipped, 0, Severity.WARNING, skipped + " of " + (read + skipped)
                    + " lines are in none of the formats read (gateway access log, common or combined log format, "
                    + "CSV of route,count) and were skipped; this is the first"));
        }
    }

    /** Adds one line's requests; false when the line is in none of the formats. */
    static boolean parse(String line, Map<String, long[]> counts) {
        int route = line.indexOf("route=");
        if (route >= 0 && line.contains(" method=") && line.contains(" path=")) {
            return gatewayLine(line.substring(route), counts);
        }
        Matcher common = COMMON.matcher(line);
        if (common.find()) {
            add(counts, common.group(1), common.group(2), 1, Integer.parseInt(common.group(3)) >= 500 ? 1 : 0);
            return true;
        }
        Matcher csv = CSV.matcher(line.strip());
        if (csv.matches()) {
            long requests = Long.parseLong(csv.group(3));
            long errors = csv.group(4) == null ? 0 : Long.parseLong(csv.group(4));
            if (requests == 0 || errors > requests) {
                return requests == 0 && errors == 0;
            }
            String method = csv.group(1) == null ? "ANY" : csv.group(1).toUpperCase(Locale.ROOT);
            add(counts, method, csv.group(2).strip(), requests, errors);
            return true;
        }
        return false;
    }

    private static boolean gatewayLine(String fields, Map<String, long[]> counts) {
        String method = null;
        String path = null;
        int status = -1;
        for (String field : fields.split(" ")) {
            int equals = field.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = field.substring(0, equals);
            String value = field.substring(equals + 1);
            switch (key) {
                case "method" -> method = value;
                case "path" -> path = value;
                case "status" -> status = value.chars().allMatch(Character::isDigit) && !value.isEmpty()
                        ? Integer.parseInt(value) : -1;
                default -> {
                    // route, side, target, latency and ids do not weigh a use case
                }
            }
        }
        if (method == null || path == null || !path.startsWith("/") || status < 0) {
            return false;
        }
        add(counts, method, path, 1, status >= 500 ? 1 : 0);
        return true;
    }

    private static void add(Map<String, long[]> counts, String method, String path, long requests, long errors) {
        int query = path.indexOf('?');
        long[] sum = counts.computeIfAbsent(method + " " + (query < 0 ? path : path.substring(0, query)),
                k -> new long[2]);
        sum[0] += requests;
        sum[1] += errors;
    }
}
