package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Weighs the candidates by production traffic: requests are matched to routes ({@link TrafficMatcher}), counted per
 * use case and per candidate, and the extraction order becomes lowest difficulty + risk first, risk being
 * {@link Traffic#RISK_WEIGHT} × the candidate's share of the requests: what carries much traffic is moved later.
 * Linear in the distinct paths read times the routes of their length.
 *
 * @param traffic what the traffic says
 * @param candidates the candidates in the new extraction order, then the shared kernel
 */
record TrafficWeighing(Traffic traffic, List<ServiceCandidate> candidates) {
    TrafficWeighing {
        Objects.requireNonNull(traffic, "traffic");
        candidates = List.copyOf(candidates);
    }

    static TrafficWeighing of(String source, List<RequestTally> tallies, List<UseCase> useCases,
                              List<ServiceCandidate> candidates) {
        Map<String, long[]> distinct = new LinkedHashMap<>();
        long total = 0;
        for (RequestTally tally : tallies) {
            int query = tally.path().indexOf('?');
            String path = query < 0 ? tally.path() : tally.path().substring(0, query);
            long[] counts = distinct.computeIfAbsent(tally.method() + " " + path, k -> new long[2]);
            counts[0] += tally.requests();
            counts[1] += tally.errors();
            total += tally.requests();
        }
        TrafficMatcher matcher = new TrafficMatcher(useCases.stream().map(UseCase::entryPoint).toList());
        Map<EntryPoint, long[]> byEntryPoint = new HashMap<>();
        List<RequestTally> unmatched = new ArrayList<>();
        long matched = 0;
        long errors = 0;
        long unmatchedRequests = 0;
        for (var entry : distinct.entrySet()) {
            int space = entry.getKey().indexOf(' ');
            String method = entry.getKey().substring(0, space);
            String path = entry.getKey().substring(space + 1);
            long[] counts = entry.getValue();
            EntryPoint route = matcher.match(method, path);
            if (route == null) {
                unmatched.add(new RequestTally(method, path, counts[0], counts[1]));
                unmatchedRequests += counts[0];
                continue;
            }
            long[] sum = byEntryPoint.computeIfAbsent(route, k -> new long[2]);
            sum[0] += counts[0];
            sum[1] += counts[1];
            matched += counts[0];
            errors += counts[1];
        }
        unmatched.sort(Comparator.comparingLong((RequestTally t) -> -t.requests()).thenComparing(RequestTally::path)
                .thenComparing(RequestTally::method));
        List<Traffic.UseCaseTraffic> perUseCase = new ArrayList<>();
        for (UseCase useCase : useCases) {
            long[] counts = byEntryPoint.get(useCase.entryPoint());
            if (counts != null) {
                perUseCase.add(new Traffic.UseCaseTraffic(useCase.label(), useCase.entryPoint().handler().toString(),
                        counts[0], counts[1]));
            }
        }
        List<Traffic.CandidateTraffic> perCandidate = new ArrayList<>();
        Map<String, Traffic.CandidateTraffic> byName = new HashMap<>();
        for (ServiceCandidate candidate : candidates) {
            if (candidate.sharedKernel()) {
                continue;
            }
            long requests = 0;
            long failed = 0;
            for (EntryPoint route : candidate.routes()) {
                long[] counts = byEntryPoint.get(route);
                if (counts != null) {
                    requests += counts[0];
                    failed += counts[1];
                }
            }
            double share = matched == 0 ? 0 : (double) requests / matched;
            int risk = (int) Math.round(Traffic.RISK_WEIGHT * share);
            Traffic.CandidateTraffic weighed = new Traffic.CandidateTraffic(candidate.name(), requests, failed, share,
                    errors == 0 ? 0 : (double) failed / errors, risk, candidate.difficulty().score() + risk);
            byName.put(candidate.name(), weighed);
        }
        List<ServiceCandidate> services = new ArrayList<>(candidates.stream().filter(c -> !c.sharedKernel()).toList());
        services.sort(Comparator.comparingInt((ServiceCandidate c) -> byName.get(c.name()).priority())
                .thenComparingLong(c -> c.tables().stream().filter(t -> !t.sharedWith().isEmpty()).count())
                .thenComparing(ServiceCandidate::name));
        List<ServiceCandidate> ordered = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceCandidate c = services.get(i);
            ordered.add(new ServiceCandidate(c.name(), false, c.classes(), c.routes(), c.tables(), c.inbound(),
                    c.outbound(), c.risks(), c.difficulty(), c.fitness(), i + 1));
            perCandidate.add(byName.get(c.name()));
        }
        candidates.stream().filter(ServiceCandidate::sharedKernel).forEach(ordered::add);
        Traffic traffic = new Traffic(source, total, matched, errors, perCandidate, perUseCase,
                unmatched.stream().limit(Traffic.UNMATCHED_SHOWN).toList(), unmatchedRequests);
        return new TrafficWeighing(traffic, ordered);
    }
}
