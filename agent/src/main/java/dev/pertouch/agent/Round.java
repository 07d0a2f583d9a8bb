package dev.pertouch.agent;

import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One render of the feedback loop: the state rendered, what was measured on the result (normalized, per
 * region id), and the judgement of it.
 *
 * @param verdict whether the result matched the wording: {@code satisfied}, {@code too_weak}, {@code too_strong} or
 *                {@code at_limit} by the numbers; {@code satisfied}, {@code revised} or {@code unsatisfied} when a
 *                model that can see judged it
 * @param reason  the numbers behind the verdict, in words
 */
public record Round(int number, EditState state, Map<String, AttributeValues> measured, String verdict,
                    String reason) {
    public Round {
        measured = Collections.unmodifiableMap(new LinkedHashMap<>(measured));
    }
}
