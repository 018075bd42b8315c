package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each shared-kernel class goes when the kernel is folded: the service it has the strongest clustering tie to
 * (ties to other kernel classes do not count), or, tied to none, the service closest to it by package. One pass over
 * each kernel class's neighbours, so linear in the edges.
 *
 * @param targets kernel class → the service it goes to, sorted by class
 * @param reasons kernel class → why it goes there, in words
 */
record KernelFold(SortedMap<ClassName, String> targets, Map<ClassName, String> reasons) {
    KernelFold {
        targets = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(targets));
        reasons = Map.copyOf(reasons);
    }

    /** Works out the targets; with no service to go to, the kernel classes have none and stay where they are. */
    static KernelFold of(ClassGraph graph, LinkedHashMap<String, SortedSet<ClassName>> services, SortedSet<ClassName> kernel) {
        SortedMap<ClassName, String> targets = new TreeMap<>();
        Map<ClassName, String> reasons = new HashMap<>();
        if (services.isEmpty()) {
            return new KernelFold(targets, reasons);
        }
        Map<ClassName, String> serviceOf = new HashMap<>();
        services.forEach((name, classes) -> classes.forEach(unit -> serviceOf.put(unit, name)));
        List<String> names = new ArrayList<>(services.keySet());
        List<Packages> packages = null;
        List<ClassName> units = new ArrayList<>(kernel);
        // each kernel class's strongest tie on its own: on every core, in the kernel's order
        List<String[]> strongest = units.parallelStream().map(unit -> strongest(graph, unit, serviceOf)).toList();
        for (int i = 0; i < units.size(); i++) {
            ClassName unit = units.get(i);
            String[] tie = strongest.get(i);
            if (tie != null) {
                targets.put(unit, tie[0]);
                reasons.put(unit, tie[1]);
                continue;
            }
            if (packages == null) {
                packages = new ArrayList<>();
                for (String name : names) {
                    Packages tally = new Packages();
                    services.get(name).forEach(tally::add);
                    packages.add(tally);
                }
            }
            String closest = names.get(Packages.closest(unit, packages));
            targets.put(unit, closest);
            reasons.put(unit, "no tie to a service: the one closest by package");
        }
        return new KernelFold(targets, reasons);
    }

    /** The service a class has its strongest tie to and why, or null when it is tied to none. */
    private static String[] strongest(ClassGraph graph, ClassName unit, Map<ClassName, String> serviceOf) {
        SortedMap<String, Double> ties = new TreeMap<>();
        graph.neighbours(unit).forEach((other, weight) -> {
            String service = serviceOf.get(other);
            if (service != null) {
                ties.merge(service, weight, Double::sum);
            }
        });
        String best = null;
        for (var tie : ties.entrySet()) {
            if (best == null || tie.getValue() > ties.get(best)) {
                best = tie.getKey();
            }
        }
        return best == null ? null : new String[]{best,
                String.format(Locale.ROOT, "tie %.1f to %s, its strongest to a service", ties.get(best), best)};
    }

    /** The services with the kernel classes added to their targets; classes without a target stay in the kernel. */
    Partition apply(LinkedHashMap<String, SortedSet<ClassName>> services, SortedSet<ClassName> kernel) {
        Map<String, SortedSet<ClassName>> grown = new LinkedHashMap<>();
        services.forEach((name, classes) -> grown.put(name, new TreeSet<>(classes)));
        SortedSet<ClassName> left = new TreeSet<>();
        for (ClassName unit : kernel) {
            String target = targets.get(unit);
            if (target == null) {
                left.add(unit);
            } else {
                grown.get(target).add(unit);
            }
        }
        return new Partition(new ArrayList<>(grown.values()), left);
    }
}
