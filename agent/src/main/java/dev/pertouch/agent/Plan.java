package dev.pertouch.agent;

import java.util.List;
import java.util.Map;

/**
 * What the offline model decided for one instruction: the tool calls to make, in order, and sentences for the
 * answer that the tools cannot say themselves (what was ignored, what needs asking).
 */
record Plan(List<Call> calls, List<String> notes) {
    Plan {
        calls = List.copyOf(calls);
        notes = List.copyOf(notes);
    }

    /** One tool call: the tool's name and its arguments by parameter name. */
    record Call(String tool, Map<String, Object> arguments) {
        Call {
            arguments = Map.copyOf(arguments);
        }
    }
}
