package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.RequestTally;
import dev.strangler.analyzer.core.Traffic;

/** The JSON report's {@code traffic} object: what production traffic says about the cut, or null. */
final class JsonTraffic {
    private JsonTraffic() {
    }

    static void write(JsonOutput json, Traffic traffic) {
        json.key("traffic");
        if (traffic == null) {
            json.nullValue();
            return;
        }
        json.beginObject().field("source", traffic.source())
                .field("requests", traffic.requests())
                .field("matched", traffic.matched())
                .field("errors", traffic.errors())
                .field("unmatchedRequests", traffic.unmatchedRequests())
                .field("riskWeight", Traffic.RISK_WEIGHT)
                .key("candidates").beginArray();
        for (Traffic.CandidateTraffic candidate : traffic.candidates()) {
            json.beginObject().field("candidate", candidate.candidate()).field("requests", candidate.requests())
                    .field("errors", candidate.errors()).field("share", candidate.share())
                    .field("errorShare", candidate.errorShare()).field("risk", candidate.risk())
                    .field("priority", candidate.priority()).endObject();
        }
        json.endArray().key("useCases").beginArray();
        for (Traffic.UseCaseTraffic useCase : traffic.useCases()) {
            json.beginObject().field("label", useCase.label()).field("handler", useCase.handler())
                    .field("requests", useCase.requests()).field("errors", useCase.errors()).endObject();
        }
        json.endArray().key("unmatched").beginArray();
        for (RequestTally tally : traffic.unmatched()) {
            json.beginObject().field("method", tally.method()).field("path", tally.path())
                    .field("requests", tally.requests()).field("errors", tally.errors()).endObject();
        }
        json.endArray().endObject();
    }
}
