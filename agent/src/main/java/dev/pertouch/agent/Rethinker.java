package dev.pertouch.agent;

import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PerTouch's feedback-driven rethinking: render the new state, measure how far each changed target actually
 * moved, and when a move is too weak or too strong for what the wording asked, correct the target and render
 * again; at most {@link #MAX_ROUNDS} renders, stopping as soon as every move is within tolerance or no target
 * can be corrected further.
 */
final class Rethinker {
    static final int MAX_ROUNDS = 3;
    /** A move counts as right when it reaches this share of what was asked ... */
    static final double LOW = 0.67;
    /** ... and does not go past this share. */
    static final double HIGH = 1.5;
    /** A render that barely responds is assumed to respond this much, so a correction stays bounded. */
    private static final double MIN_GAIN = 0.25;

    static final String SATISFIED = "satisfied";
    static final String TOO_WEAK = "too_weak";
    static final String TOO_STRONG = "too_strong";
    static final String AT_LIMIT = "at_limit";

    private Rethinker() {
    }

    /**
     * @param asked the changes the instruction made, {@code from} being where each target started
     * @return the rounds; the last one's state is the result
     */
    static List<Round> rethink(EditState state, List<Change> asked, PhotoContext photo, Renderer renderer) {
        List<Round> rounds = new ArrayList<>();
        EditState current = state;
        for (int number = 1; number <= MAX_ROUNDS; number++) {
            Map<String, AttributeValues> measured = renderer.render(current);
            EditState corrected = current;
            List<String> reasons = new ArrayList<>();
            boolean weak = false;
            boolean strong = false;
            for (Change c : asked) {
                AttributeValues m = measured.get(c.region());
                if (m == null) {
                    continue;
                }
                double wanted = c.to() - c.from();
                double achieved = m.get(c.attribute()) - c.from();
                double share = achieved / wanted;
                reasons.add(String.format(Locale.ROOT, "%s %s moved %+.2f of %+.2f", c.region(), c.attributeKey(),
                        achieved, wanted));
                if (share >= LOW && share <= HIGH) {
                    continue;
                }
                weak |= share < LOW;
                strong |= share > HIGH;
                double target = current.resolve(c.region(), c.attribute(), photo.baseline());
                double set = target - c.from();
                double gain = Math.abs(set) < 1e-9 ? 1 : Math.max(MIN_GAIN, achieved / set);
                double next = EditTools.round(Math.max(-1, Math.min(1, c.from() + wanted / gain)));
                if (Math.abs(next - target) > 1e-9) {
                    corrected = corrected.with(c.region(), c.attribute(), next, photo.baseline());
                }
            }
            String verdict = !weak && !strong ? SATISFIED : corrected.equals(current) ? AT_LIMIT
                    : weak ? TOO_WEAK : TOO_STRONG;
            rounds.add(new Round(number, current, measured, verdict, String.join("; ", reasons)));
            if (corrected.equals(current)) {
                break;
            }
            current = corrected;
        }
        return rounds;
    }
}
