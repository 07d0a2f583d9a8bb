package dev.pertouch.agent;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.Result;
import dev.pertouch.inference.EditState;

import java.util.List;
import java.util.Locale;

/**
 * Rethinking with a chat model that can see: each render is shown to the model beside the one before it, with
 * the measured numbers, and the model either judges it ({@link Verdict}) or corrects the targets through the same
 * {@link EditTools} the instruction used. An answer that does neither is a failure, never approval.
 */
final class ModelJudge implements Judge {
    private final ChatModel model;
    private final StyleLibrary styles;
    private final String instruction;

    /** @param instruction the user's words, already made readable on one line */
    ModelJudge(ChatModel model, StyleLibrary styles, String instruction) {
        this.model = model;
        this.styles = styles;
        this.instruction = instruction;
    }

    @Override
    public boolean compares() {
        return true;
    }

    /**
     * @throws AgentException when the model fails or answers without judging: the instruction is then not carried
     *                        out
     */
    @Override
    public Judgement judge(Attempt attempt) {
        Judgement measured = Rethinker.measure(attempt);
        EditTools tools = new EditTools(attempt.photo(), styles, attempt.state(), null);
        Verdict verdict = new Verdict();
        ResultReviewer reviewer = RetouchAgent.service(ResultReviewer.class, model, tools, verdict);
        boolean shown = attempt.previous() != null && attempt.previous().image() != null
                && attempt.result().image() != null;
        List<Content> images = shown
                ? List.of(PictureContent.of(attempt.previous().image()), PictureContent.of(attempt.result().image()))
                : List.of();
        Result<String> answer;
        try {
            answer = reviewer.review(instruction, asked(attempt.asked()),
                    String.join(", ", attempt.photo().regionIds()), attempt.state().toJson(), attempt.number(),
                    Rethinker.MAX_ROUNDS, measured.reason() + " (by the numbers alone: " + measured.verdict() + ")",
                    shown ? "Images: the result before this change, then the result now."
                            : "No images of the results are available: judge by the numbers.",
                    images);
        } catch (RuntimeException e) {
            throw AgentException.modelFailed(e);
        }
        EditState next = tools.state();
        if (!next.equals(attempt.state())) {
            return new Judgement(Rethinker.REVISED, RetouchAgent.answer(answer) + " (" + measured.reason() + ")", next);
        }
        if (!verdict.given()) {
            throw AgentException.modelFailed("it answered without judging the result");
        }
        String why = verdict.reason().isEmpty() ? measured.reason()
                : verdict.reason() + " (" + measured.reason() + ")";
        return new Judgement(verdict.satisfied() ? Rethinker.SATISFIED : Rethinker.UNSATISFIED, why, attempt.state());
    }

    private static String asked(List<Change> asked) {
        return String.join("; ", asked.stream().map(c -> String.format(Locale.ROOT, "%s %s from %+.2f to %+.2f",
                c.region(), c.attributeKey(), c.from(), c.to())).toList());
    }
}
