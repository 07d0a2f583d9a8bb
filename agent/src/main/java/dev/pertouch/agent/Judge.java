package dev.pertouch.agent;

import dev.pertouch.inference.EditState;

import java.util.List;

/**
 * Decides, after each render of the feedback loop, whether the result does what the wording asked and, when it
 * does not, which state to render next. {@link Rethinker#measure} judges by the numbers; {@link ModelJudge} asks
 * the chat model, showing it the results.
 */
@FunctionalInterface
interface Judge {
    Judgement judge(Attempt attempt);

    /** Whether this judge compares the result with the one before it, so that the state before is rendered too. */
    default boolean compares() {
        return false;
    }

    /**
     * One render to judge.
     *
     * @param number   the render's number, from 1
     * @param state    the state rendered
     * @param result   the render
     * @param previous the render this one follows (the state before the instruction, or the previous round), or
     *                 null when this judge does not compare or the renderer has no images
     * @param asked    the changes the instruction made, {@code from} being where each target started
     */
    record Attempt(int number, EditState state, Rendering result, Rendering previous, List<Change> asked,
                   PhotoContext photo) {
    }

    /**
     * @param verdict what was found, one of {@link Rethinker}'s verdicts
     * @param reason  why, in words, with the numbers
     * @param next    the state to render next; the rendered state itself when the loop should stop
     */
    record Judgement(String verdict, String reason, EditState next) {
    }
}
