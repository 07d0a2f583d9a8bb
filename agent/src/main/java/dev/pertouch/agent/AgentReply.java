package dev.pertouch.agent;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pertouch.inference.EditState;

import java.util.List;
import java.util.Objects;

/**
 * What the agent did with one instruction. Serialises with Jackson as {@code {"kind", "style", "changes",
 * "rounds", "message", "state"}}; {@link #planJson()} is the decision alone, as the {@code plan} command prints it.
 *
 * @param kind    {@link #STRONG}, {@link #WEAK_STYLE}, {@link #WEAK_OPTIMIZE} or {@link #NONE} (nothing was done)
 * @param message the answer to show the user
 * @param state   the edit state after the instruction (the state given when nothing was done)
 * @param changes the targets that moved, old and new
 * @param rounds  the rendering rounds taken to reach the result; empty when nothing was rendered
 * @param style   the id of the look applied, or null
 */
@JsonPropertyOrder({"kind", "style", "changes", "rounds", "message", "state"})
public record AgentReply(String kind, String message, EditState state, List<Change> changes, List<Round> rounds,
                         String style) {
    public static final String STRONG = "strong";
    public static final String WEAK_STYLE = "weak_style";
    public static final String WEAK_OPTIMIZE = "weak_optimize";
    public static final String NONE = "none";

    private static final ObjectMapper JSON = new ObjectMapper();

    public AgentReply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        changes = List.copyOf(changes);
        rounds = List.copyOf(rounds);
    }

    /** A reply that changes nothing: the answer explains why. */
    static AgentReply nothingDone(String message, EditState state) {
        return new AgentReply(NONE, message, state, List.of(), List.of(), null);
    }

    /** The decision as the {@code plan} command prints it: {@code {"kind", "style", "changes", "rounds"}}. */
    public String planJson() {
        ObjectNode full = JSON.valueToTree(this);
        ObjectNode plan = JSON.createObjectNode();
        for (String field : List.of("kind", "style", "changes", "rounds")) {
            plan.set(field, full.get(field));
        }
        try {
            return JSON.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
