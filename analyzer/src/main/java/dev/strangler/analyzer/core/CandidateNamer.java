package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Names candidates after what dominates them: the tables they write (weight 3 each), the first meaningful segment
 * of their routes (2 each), their entities (1 each); with none of these, the most common package segment that is
 * not a layer name. A prefix most of the codebase's tables share ({@code blc_}, {@code tbl_}) is a naming
 * convention, not a word, and is left out. Singular and plural forms count together; the most frequent spelling
 * wins; a tie goes to the word with more uses behind it (a table's writes and mappings by the group's classes, a
 * route, an entity), then to the alphabetically first. Duplicates get a numeric suffix.
 */
final class CandidateNamer {
    private static final Set<String> NOISE = Set.of("api", "rest", "web", "app", "ui", "admin", "public", "internal",
            "service", "services", "controller", "controllers", "dao", "daos", "repository", "repositories", "model",
            "models", "domain", "entity", "entities", "dto", "dtos", "impl", "util", "utils", "common", "core", "config",
            "jpa", "jdbc", "persistence", "data", "servlet", "servlets", "action", "actions", "resource", "resources",
            "handler", "handlers", "support", "base", "shared", "main", "java", "com", "org", "net", "io", "dev", "v",
            "index", "home", "do", "jsp", "html", "tbl", "t", "mvc", "view", "views", "form", "forms", "bean", "beans",
            "manager", "managers", "helper", "helpers", "legacy");
    // compiled once: a name is worked out from every route, table and entity of a group, and String.replaceAll
    // and matches compile their pattern on every call
    private static final Pattern TABLE_PREFIX = Pattern.compile("^(tbl|t|tb)_");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern OUTER_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern VERSION = Pattern.compile("v?\\d+");
    private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("\\.(do|action|jsp|html?|json|xml)$");
    private static final Pattern WILDCARDS = Pattern.compile("[*?]");
    private static final Pattern DOTTED_VERSION = Pattern.compile("v?\\d+(\\.\\d+)*");
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private CandidateNamer() {
    }

    static List<String> name(List<SortedSet<ClassName>> groups, CodebaseFacts facts) {
        String prefix = tablePrefix(facts.tableUse.keySet());
        List<String> routePrefix = routePrefix(facts.codebase.entryPoints());
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>(Set.of(Decomposer.SHARED_KERNEL));
        Set<String> usedStems = new HashSet<>();
        // each group's words only read the facts: ranked on every core, then chosen in the groups' order
        List<List<String>> rankedByGroup = groups.parallelStream()
                .map(group -> rankedNames(group, facts, prefix, routePrefix)).toList();
        for (int g = 0; g < groups.size(); g++) {
            List<String> ranked = rankedByGroup.get(g);
            String name = ranked.stream().filter(word -> !usedStems.contains(stem(word))).findFirst()
                    .orElse(ranked.isEmpty() ? "service-" + (g + 1) : ranked.get(0));
            usedStems.add(stem(name));
            String unique = name;
            for (int n = 2; !used.add(unique); n++) {
                unique = name + "-" + n;
            }
            names.add(unique);
        }
        return names;
    }

    /** Candidate words, best first: by score, then alphabetically; each in its most frequent spelling. */
    private static List<String> rankedNames(SortedSet<ClassName> group, CodebaseFacts facts, String prefix,
                                            List<String> routePrefix) {
        Map<String, Map<String, Integer>> votes = new TreeMap<>();
        Map<String, Integer> uses = new HashMap<>();
        facts.tableUse.forEach((table, users) -> {
            int writes = 0;
            for (var use : users.entrySet()) {
                if (group.contains(use.getKey())) {
                    writes += use.getValue()[CodebaseFacts.WRITES] + use.getValue()[CodebaseFacts.MAPPINGS];
                }
            }
            if (writes > 0) {
                String bare = bareTable(table);
                if (!prefix.isEmpty() && bare.startsWith(prefix)) {
                    bare = bare.substring(prefix.length());
                }
                bare = TABLE_PREFIX.matcher(bare).replaceFirst("");
                vote(votes, uses, bare, 3, writes);
            }
        });
        for (EntryPoint entryPoint : facts.codebase.entryPoints()) {
            ClassName unit = facts.graph.unitOf(entryPoint.handler().owner());
            if (unit != null && group.contains(unit) && entryPoint.kind() == EntryPointKind.HTTP) {
                String segment = firstSegment(withoutPrefix(entryPoint.path(), routePrefix));
                if (segment != null) {
                    vote(votes, uses, segment, 2, 1);
                }
            }
        }
        for (ClassName unit : group) {
            if (facts.is(unit, Stereotype.ENTITY)) {
                vote(votes, uses, kebab(unit.simpleName()), 1, 1);
            }
        }
        if (votes.isEmpty()) {
            for (ClassName unit : group) {
                String[] parts = unit.packageName().split("\\.");
                for (int i = parts.length - 1; i >= 0; i--) {
                    String part = parts[i].toLowerCase(Locale.ROOT);
                    if (!part.isEmpty() && !NOISE.contains(part)) {
                        vote(votes, uses, kebab(parts[i]), 1, 1);
                        break;
                    }
                }
            }
        }
        record Scored(String word, int score, int uses) {
        }
        List<Scored> scored = new ArrayList<>();
        for (var entry : votes.entrySet()) {
            int score = entry.getValue().values().stream().mapToInt(Integer::intValue).sum();
            String spelling = null;
            int count = 0;
            for (var form : entry.getValue().entrySet()) {
                if (form.getValue() > count) {
                    count = form.getValue();
                    spelling = form.getKey();
                }
            }
            scored.add(new Scored(spelling, score, uses.getOrDefault(entry.getKey(), 0)));
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(Comparator.comparingInt(
                Scored::uses).reversed()).thenComparing(Scored::word));
        return scored.stream().map(Scored::word).toList();
    }

    private static void vote(Map<String, Map<String, Integer>> votes, Map<String, Integer> uses, String word,
                             int weight, int used) {
        String clean = OUTER_DASHES.matcher(NOT_WORD.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        if (clean.isEmpty() || NOISE.contains(clean) || VERSION.matcher(clean).matches()) {
            return;
        }
        votes.computeIfAbsent(stem(clean), k -> new TreeMap<>()).merge(clean, weight, Integer::sum);
        uses.merge(stem(clean), used, Integer::sum);
    }

    private static String bareTable(String table) {
        return table.substring(table.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The prefix, up to its underscore, that at least half of the tables (and three or more) share, such as
     * {@code blc_}; the empty string when there is none.
     */
    static String tablePrefix(Collection<String> tables) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String table : tables) {
            String bare = bareTable(table);
            int underscore = bare.indexOf('_');
            if (underscore > 0 && underscore <= 6 && underscore < bare.length() - 1) {
                counts.merge(bare.substring(0, underscore + 1), 1, Integer::sum);
            }
        }
        String best = "";
        int most = 0;
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > most) {
                most = entry.getValue();
                best = entry.getKey();
            }
        }
        return most >= 3 && most * 2 >= tables.size() ? best : "";
    }

    private static String stem(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ses") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * The leading path segments at least half of the HTTP routes share ({@code /admin/realms/{realm}}): they say where
     * the routes are, not what each is about.
     */
    static List<String> routePrefix(List<EntryPoint> entryPoints) {
        List<String[]> routes = new ArrayList<>();
        for (EntryPoint entryPoint : entryPoints) {
            if (entryPoint.kind() == EntryPointKind.HTTP) {
                routes.add(LEADING_SLASHES.matcher(entryPoint.path()).replaceAll("").split("/"));
            }
        }
        List<String> prefix = new ArrayList<>();
        List<String[]> matching = routes;
        while (true) {
            int depth = prefix.size();
            Map<String, Integer> counts = new TreeMap<>();
            for (String[] route : matching) {
                if (route.length > depth + 1) { // a prefix leaves at least one segment of the route
                    counts.merge(route[depth], 1, Integer::sum);
                }
            }
            String best = null;
            int most = 0;
            for (var entry : counts.entrySet()) {
                if (entry.getValue() > most) {
                    most = entry.getValue();
                    best = entry.getKey();
                }
            }
            if (best == null || best.isEmpty() || most * 2 < routes.size()) {
                return prefix;
            }
            prefix.add(best);
            String segment = best;
            matching = matching.stream().filter(route -> route.length > depth + 1 && route[depth].equals(segment))
                    .toList();
        }
    }

    private static String withoutPrefix(String path, List<String> prefix) {
        String[] segments = LEADING_SLASHES.matcher(path).replaceAll("").split("/");
        if (prefix.isEmpty() || segments.length <= prefix.size()) {
            return path;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!segments[i].equals(prefix.get(i))) {
                return path;
            }
        }
        return "/" + String.join("/", Arrays.copyOfRange(segments, prefix.size(), segments.length));
    }

    /** The first path segment that says what the route is about: not a version, variable, or technical prefix. */
    static String firstSegment(String path) {
        for (String raw : path.split("/")) {
            String segment = WILDCARDS.matcher(PAGE_SUFFIX.matcher(raw).replaceAll("")).replaceAll("");
            String lower = segment.toLowerCase(Locale.ROOT);
            if (segment.isEmpty() || segment.startsWith("{") || segment.startsWith(":") || NOISE.contains(lower)
                    || DOTTED_VERSION.matcher(lower).matches()) {
                continue;
            }
            return kebab(segment);
        }
        return null;
    }

    static String kebab(String word) {
        return CAMEL_HUMP.matcher(word).replaceAll("$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
