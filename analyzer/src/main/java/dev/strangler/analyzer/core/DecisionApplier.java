package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Applies one decision to a named cut and returns the outcome; the given cut is never changed. Stateless. */
final class DecisionApplier {
    private final SortedSet<ClassName> units;

    /** @param units every class of the codebase, for the decisions that name classes by pattern */
    DecisionApplier(SortedSet<ClassName> units) {
        this.units = units;
    }

    DecisionOutcome apply(NamedCut cut, Decision decision) {
        if (decision instanceof Decision.Pin pin) {
            return pin(cut, pin);
        }
        if (decision instanceof Decision.Merge merge) {
            return merge(cut, merge);
        }
        if (decision instanceof Decision.Split split) {
            return split(cut, split);
        }
        if (decision instanceof Decision.Rename rename) {
            return rename(cut, rename);
        }
        return new DecisionOutcome.Skipped("not applicable here");
    }

    private DecisionOutcome pin(NamedCut cut, Decision.Pin pin) {
        List<ClassName> matching = matching(units, pin.patterns());
        if (matching.isEmpty()) {
            return new DecisionOutcome.Skipped("no class matches " + globs(pin.patterns()) + "; check the package names");
        }
        LinkedHashMap<String, SortedSet<ClassName>> services = cut.servicesCopy();
        services.values().forEach(group -> matching.forEach(group::remove));
        services.computeIfAbsent(pin.service(), k -> new TreeSet<>()).addAll(matching);
        Map<ClassName, String> moves = new HashMap<>();
        matching.forEach(unit -> moves.put(unit, "pinned to " + pin.service() + " by the decision on line " + pin.line()));
        return new DecisionOutcome.Applied("applied: " + matching.size() + " class(es) pinned",
                cut.next(services, cut.kernel().without(matching), moves));
    }

    private static DecisionOutcome merge(NamedCut cut, Decision.Merge merge) {
        List<String> missing = merge.candidates().stream().filter(name -> !cut.services().containsKey(name)).toList();
        if (!missing.isEmpty()) {
            return new DecisionOutcome.Skipped("no candidate named " + missing + "; the candidates are "
                    + cut.services().keySet());
        }
        LinkedHashMap<String, SortedSet<ClassName>> rebuilt = new LinkedHashMap<>();
        SortedSet<ClassName> merged = new TreeSet<>();
        for (var entry : cut.services().entrySet()) {
            if (merge.candidates().contains(entry.getKey()) || entry.getKey().equals(merge.into())) {
                merged.addAll(entry.getValue());
                rebuilt.putIfAbsent(merge.into(), merged);
            } else {
                rebuilt.put(entry.getKey(), entry.getValue());
            }
        }
        return new DecisionOutcome.Applied("applied: " + merge.candidates().size() + " candidates merged into "
                + merge.into(), cut.next(rebuilt, cut.kernel(), Map.of()));
    }

    private static DecisionOutcome split(NamedCut cut, Decision.Split split) {
        SortedSet<ClassName> group = cut.services().get(split.candidate());
        if (group == null) {
            return new DecisionOutcome.Skipped("no candidate named " + split.candidate() + "; the candidates are "
                    + cut.services().keySet());
        }
        List<ClassName> moving = matching(group, split.patterns());
        if (moving.isEmpty()) {
            return new DecisionOutcome.Skipped("no class of " + split.candidate() + " matches " + globs(split.patterns()));
        }
        LinkedHashMap<String, SortedSet<ClassName>> services = cut.servicesCopy();
        moving.forEach(services.get(split.candidate())::remove);
        services.computeIfAbsent(split.into(), k -> new TreeSet<>()).addAll(moving);
        Map<ClassName, String> moves = new HashMap<>();
        moving.forEach(unit -> moves.put(unit, "split out of " + split.candidate() + " into " + split.into()
                + " by the decision on line " + split.line()));
        return new DecisionOutcome.Applied("applied: " + moving.size() + " class(es) moved to " + split.into(),
                cut.next(services, cut.kernel(), moves));
    }

    private static DecisionOutcome rename(NamedCut cut, Decision.Rename rename) {
        if (!cut.services().containsKey(rename.from())) {
            return new DecisionOutcome.Skipped("no candidate named " + rename.from() + "; the candidates are "
                    + cut.services().keySet());
        }
        if (cut.services().containsKey(rename.to())) {
            return new DecisionOutcome.Skipped("a candidate named " + rename.to() + " already exists; merge them instead");
        }
        LinkedHashMap<String, SortedSet<ClassName>> rebuilt = new LinkedHashMap<>();
        cut.services().forEach((name, classes) -> rebuilt.put(name.equals(rename.from()) ? rename.to() : name, classes));
        return new DecisionOutcome.Applied("applied", cut.next(rebuilt, cut.kernel(), Map.of()));
    }

    private static List<ClassName> matching(SortedSet<ClassName> candidates, List<ClassPattern> patterns) {
        return new ArrayList<>(candidates.stream().filter(unit -> patterns.stream().anyMatch(p -> p.matches(unit))).toList());
    }

    private static List<String> globs(List<ClassPattern> patterns) {
        return patterns.stream().map(ClassPattern::glob).toList();
    }
}
