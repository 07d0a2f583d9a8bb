package dev.pertouch.server.edit;

import dev.pertouch.agent.AgentReply;
import dev.pertouch.agent.Change;
import dev.pertouch.agent.Round;
import dev.pertouch.inference.AttributeValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agent's answer as the API, the page and the edit history show it. */
public record AgentReplyView(String kind, String style, String message, Map<String, Map<String, Double>> state,
                             List<ChangeView> changes, List<RoundView> rounds) {

    public record ChangeView(String region, String attribute, double from, double to) {
        static ChangeView of(Change c) {
            return new ChangeView(c.region(), c.attribute().key(), round(c.from()), round(c.to()));
        }
    }

    public record RoundView(int number, Map<String, Map<String, Double>> state,
                            Map<String, Map<String, Double>> measured, String verdict, String reason) {
        static RoundView of(Round r) {
            Map<String, Map<String, Double>> measured = new LinkedHashMap<>();
            r.measured().forEach((region, values) -> measured.put(region, rounded(values)));
            return new RoundView(r.number(), r.state().toMap(), measured, r.verdict(), r.reason());
        }
    }

    public static AgentReplyView of(AgentReply reply) {
        return new AgentReplyView(reply.kind(), reply.style(), reply.message(), reply.state().toMap(),
                reply.changes().stream().map(ChangeView::of).toList(),
                reply.rounds().stream().map(RoundView::of).toList());
    }

    static Map<String, Double> rounded(AttributeValues values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.toMap().forEach((k, v) -> out.put(k, round(v)));
        return out;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
