package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Applies decisions one at a time to named groups and the kernel, in place; records why classes moved. */
final class DecisionApplier {
    private final SortedSet<ClassName> units;
    private final LinkedHashMap<String, SortedSet<ClassName>> groups;
    private final SortedSet<ClassName> kernel;
    private final Map<ClassName, String> reasons;

    DecisionApplier(SortedSet<ClassName> units, LinkedHashMap<String, SortedSet<ClassName>> groups,
                    SortedSet<ClassName> kernel, Map<ClassName, String> reasons) {
        this.units = units;
        this.groups = groups;
        this.kernel = kernel;
        this.reasons = reasons;
    }

    /** Applies one decision; returns a note starting with "applied" or saying why it could not be. */
    String apply(Decision decision) {
        if (decision instanceof Decision.Pin pin) {
            return pin(pin);
        }
        if (decision instanceof Decision.Merge merge) {
            return merge(merge);
        }
        if (decision instanceof Decision.Split split) {
            return split(split);
        }
        if (decision instanceof Decision.Rename rename) {
            return rename(rename);
        }
        return "not applicable here";
    }

    private String pin(Decision.Pin pin) {
        List<ClassName> matching = matching(units, pin.patterns());
        if (matching.isEmpty()) {
            return "no class matches " + globs(pin.patterns()) + "; check the package names";
        }
        groups.values().forEach(group -> matching.forEach(group::remove));
        matching.forEach(kernel::remove);
        groups.computeIfAbsent(pin.service(), k -> new TreeSet<>()).addAll(matching);
        matching.forEach(unit -> reasons.put(unit, "pinned to " + pin.service() + " by the decision on line " + pin.line()));
        return "applied: " + matching.size() + " class(es) pinned";
    }

    private String merge(Decision.Merge merge) {
        List<String> missing = new ArrayList<>();
        SortedSet<ClassName> merged = new TreeSet<>();
        for (String name : merge.candidates()) {
            SortedSet<ClassName> group = groups.get(name);
            if (group == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            return "no candidate named " + missing + "; the candidates are " + groups.keySet();
        }
        LinkedHashMap<String, SortedSet<ClassName>> rebuilt = new LinkedHashMap<>();
        boolean placed = false;
        for (var entry : groups.entrySet()) {
            if (merge.candidates().contains(entry.getKey()) || entry.getKey().equals(merge.into())) {
                merged.addAll(entry.getValue());
                if (!placed) {
                    rebuilt.put(merge.into(), merged);
                    placed = true;
                }
            } else {
                rebuilt.put(entry.getKey(), entry.getValue());
            }
        }
        groups.clear();
        groups.putAll(rebuilt);
        return "applied: " + merge.candidates().size() + " candidates merged into " + merge.into();
    }

    private String split(Decision.Split split) {
        SortedSet<ClassName> group = groups.get(split.candidate());
        if (group == null) {
            return "no candidate named " + split.candidate() + "; the candidates are " + groups.keySet();
        }
        List<ClassName> moving = matching(group, split.patterns());
        if (moving.isEmpty()) {
            return "no class of " + split.candidate() + " matches " + globs(split.patterns());
        }
        moving.forEach(group::remove);
        groups.computeIfAbsent(split.into(), k -> new TreeSet<>()).addAll(moving);
        moving.forEach(unit -> reasons.put(unit, "split out of " + split.candidate() + " into " + split.into()
                + " by the decision on line " + split.line()));
        return "applied: " + moving.size() + " class(es) moved to " + split.into();
    }

    private String rename(Decision.Rename rename) {
        if (!groups.containsKey(rename.from())) {
            return "no candidate named " + rename.from() + "; the candidates are " + groups.keySet();
        }
        if (groups.containsKey(rename.to())) {
            return "a candidate named " + rename.to() + " already exists; merge them instead";
        }
        LinkedHashMap<String, SortedSet<ClassName>> rebuilt = new LinkedHashMap<>();
        groups.forEach((name, classes) -> rebuilt.put(name.equals(rename.from()) ? rename.to() : name, classes));
        groups.clear();
        groups.putAll(rebuilt);
        return "applied";
    }

    private static List<ClassName> matching(SortedSet<ClassName> candidates, List<ClassPattern> patterns) {
        return candidates.stream().filter(unit -> patterns.stream().anyMatch(p -> p.matches(unit))).toList();
    }

    private static List<String> globs(List<ClassPattern> patterns) {
        return patterns.stream().map(ClassPattern::glob).toList();
    }
}
