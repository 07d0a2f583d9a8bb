package dev.pertouch.agent;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.ReturnBehavior;
import dev.langchain4j.agent.tool.Tool;

/**
 * The tool a model that looks at results uses to say whether a render does what was asked. The agent waits for
 * this call: a model that answers without it has not judged, and nothing it said is taken as approval.
 */
final class Verdict {
    private Boolean satisfied;
    private String reason = "";

    // Judging ends the review, so the conversation stops here instead of asking the model to comment on it.
    @Tool(value = "Say whether the result does what the instruction asked. Call it once, after looking at the "
            + "images and the numbers; to correct the result instead, call adjust or setTarget.",
            returnBehavior = ReturnBehavior.IMMEDIATE)
    public String judge(@P("true when the change is visible, in the right direction and about as strong as the "
                                + "wording asks") boolean satisfied,
                        @P("one short sentence saying why") String reason) {
        this.satisfied = satisfied;
        this.reason = reason == null ? "" : reason.strip();
        return satisfied ? "Accepted." : "Noted: not as asked.";
    }

    /** Whether the model judged at all. */
    boolean given() {
        return satisfied != null;
    }

    boolean satisfied() {
        return Boolean.TRUE.equals(satisfied);
    }

    String reason() {
        return reason;
    }
}
