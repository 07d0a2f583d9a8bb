package dev.pertouch.agent;

import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.EditState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PerTouch's feedback-driven rethinking: render the new state, let a {@link Judge} compare the result with what
 * the wording asked, and when it corrects the targets render again; at most {@link #MAX_ROUNDS} renders,
 * stopping as soon as the judge leaves the state as it is.
 *
 * <p>The measured judgement ({@link #measure}) checks how far each changed target actually moved: a move that is
 * too weak or too strong for what was asked is corrected in proportion to how the render responded.
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
    /** A model looked at the result and changed the targets. */
    static final String REVISED = "revised";
    /** A model looked at the result, found it wrong, and had no correction to offer. */
    static final String UNSATISFIED = "unsatisfied";

    private Rethinker() {
    }

    /**
     * @param before the state before the instruction, which a comparing judge sees rendered first
     * @param state  the state the instruction produced
     * @param asked  the changes the instruction made, {@code from} being where each target started
     * @return the rounds; the last one's state is the result
     */
    static List<Round> rethink(EditState before, EditState state, List<Change> asked, PhotoContext photo,
                               Renderer renderer, Judge judge) {
        List<Round> rounds = new ArrayList<>();
        EditState current = state;
        Rendering previous = null;
        for (int number = 1; number <= MAX_ROUNDS; number++) {
            Rendering result = renderer.rendering(current);
            if (previous == null && judge.compares() && result.image() != null) {
                previous = renderer.rendering(before);
            }
            Judge.Judgement judgement = judge.judge(new Judge.Attempt(number, current, result,
                    judge.compares() ? previous : null, asked, photo));
            rounds.add(new Round(number, current, result.measured(), judgement.verdict(), judgement.reason()));
            if (judgement.next().equals(current)) {
                break;
            }
            previous = result;
            current = judgement.next();
        }
        return rounds;
    }

    /** Judges by the numbers alone: each asked move against its measured share, corrected where it is off. */
    static Judge.Judgement measure(Judge.Attempt attempt) {
        EditState current = attempt.state();
        EditState.Baseline baseline = attempt.photo().baseline();
        EditState corrected = current;
        List<String> reasons = new ArrayList<>();
        boolean weak = false;
        boolean strong = false;
        for (Change c : attempt.asked()) {
            AttributeValues m = attempt.result().measured().get(c.region());
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
            double target = current.resolve(c.region(), c.attribute(), baseline);
            double set = target - c.from();
            double gain = Math.abs(set) < 1e-9 ? 1 : Math.max(MIN_GAIN, achieved / set);
            double next = EditTools.round(Math.max(-1, Math.min(1, c.from() + wanted / gain)));
            if (Math.abs(next - target) > 1e-9) {
                corrected = corrected.with(c.region(), c.attribute(), next, baseline);
            }
        }
        String verdict = !weak && !strong ? SATISFIED : corrected.equals(current) ? AT_LIMIT
                : weak ? TOO_WEAK : TOO_STRONG;
        return new Judge.Judgement(verdict, String.join("; ", reasons), corrected);
    }
}
