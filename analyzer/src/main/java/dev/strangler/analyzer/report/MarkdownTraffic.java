package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.RequestTally;
import dev.strangler.analyzer.core.Traffic;

/** The Markdown report's production traffic section, when traffic was given. */
final class MarkdownTraffic {
    private MarkdownTraffic() {
    }

    static void render(StringBuilder md, Traffic traffic) {
        if (traffic == null) {
            return;
        }
        md.append("## Production traffic\n\nFrom `").append(traffic.source()).append("`: ").append(traffic.requests())
                .append(" requests, ").append(traffic.matched()).append(" of them served by routes of the codebase (")
                .append(traffic.errors()).append(" server errors, status 500 or more); ")
                .append(traffic.unmatchedRequests()).append(" matched no route. An HTTP access log shows no job or "
                        + "message, so those count 0. The extraction order weighs risk against difficulty: priority = "
                        + "difficulty + risk, risk = ").append(Traffic.RISK_WEIGHT).append(" × the service's share of "
                        + "the requests, lowest priority first: what carries much traffic moves later.\n\n");
        md.append("| order | candidate | requests | share | server errors | share of errors | difficulty + risk = priority |\n");
        md.append("|---:|---|---:|---:|---:|---:|---|\n");
        int order = 0;
        for (Traffic.CandidateTraffic c : traffic.candidates()) {
            md.append("| ").append(++order).append(" | ").append(c.candidate()).append(" | ").append(c.requests())
                    .append(" | ").append(Decimals.fixed(100 * c.share(), 1)).append(" % | ").append(c.errors())
                    .append(" | ").append(Decimals.fixed(100 * c.errorShare(), 1)).append(" % | ")
                    .append(c.priority() - c.risk()).append(" + ").append(c.risk()).append(" = ").append(c.priority())
                    .append(" |\n");
        }
        md.append('\n');
        if (!traffic.unmatched().isEmpty()) {
            md.append("Requests that matched no route, most first:\n\n| method | path | requests | server errors |\n"
                    + "|---|---|---:|---:|\n");
            for (RequestTally tally : traffic.unmatched()) {
                md.append("| ").append(tally.method()).append(" | `").append(tally.path().replace("|", "\\|"))
                        .append("` | ").append(tally.requests()).append(" | ").append(tally.errors()).append(" |\n");
            }
            md.append('\n');
        }
    }
}
