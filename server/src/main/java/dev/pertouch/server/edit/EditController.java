package dev.pertouch.server.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pertouch.inference.EditState;
import dev.pertouch.server.http.ApiException;
import dev.pertouch.server.http.Guard;
import dev.pertouch.server.http.JsonBody;
import dev.pertouch.server.photo.PhotoController;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON API for edits: render a state, give an instruction, fetch a render, accept a result. */
public final class EditController {
    private static final int MAX_INSTRUCTION_CHARS = 20_000;

    private final EditService edits;

    public EditController(EditService edits) {
        this.edits = edits;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/images/{id}/retouch", this::retouch);
        routes.post("/api/images/{id}/instruct", this::instruct);
        routes.get("/api/edits/{id}/image", this::image);
        routes.post("/api/edits/{id}/accept", this::accept);
    }

    private void retouch(Context ctx) {
        JsonNode body = JsonBody.object(ctx);
        EditState state = EditState.fromJson(body.path("state").isMissingNode() ? null : body.get("state"));
        RenderSize size = RenderSize.parse(body.path("size").asText(null));
        RenderOutcome outcome = edits.render(Guard.user(ctx), ctx.pathParam("id"), state, size);
        ctx.json(describe(outcome));
    }

    private void instruct(Context ctx) {
        JsonNode text = JsonBody.object(ctx).get("text");
        if (text == null || !text.isTextual()) {
            throw ApiException.badRequest("missing_text", "Send the instruction as {\"text\": \"...\"}.");
        }
        InstructOutcome outcome = edits.instruct(Guard.user(ctx), ctx.pathParam("id"), checkLength(text.asText()));
        Map<String, Object> out = new LinkedHashMap<>();
        AgentReplyView reply = AgentReplyView.of(outcome.reply());
        out.put("kind", reply.kind());
        out.put("style", reply.style());
        out.put("message", reply.message());
        out.put("state", reply.state());
        out.put("changes", reply.changes());
        out.put("rounds", reply.rounds());
        outcome.render().ifPresent(r -> out.putAll(describe(r)));
        ctx.json(out);
    }

    private void image(Context ctx) {
        PhotoController.image(ctx, edits.image(Guard.user(ctx), ctx.pathParam("id")), "jpg");
    }

    private void accept(Context ctx) {
        var record = edits.accept(Guard.user(ctx), ctx.pathParam("id"));
        ctx.json(Map.of("editId", record.editId(), "accepted", true, "memoryId", record.id(),
                "tags", record.tags()));
    }

    /** Refuses instructions far longer than anyone writes; the agent answers everything shorter itself. */
    public static String checkLength(String text) {
        if (text.length() > MAX_INSTRUCTION_CHARS) {
            throw new ApiException(413, "instruction_too_long",
                    "Instructions are limited to " + MAX_INSTRUCTION_CHARS + " characters; say it in a sentence.");
        }
        return text;
    }

    static Map<String, Object> describe(RenderOutcome r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("editId", r.editId());
        out.put("image", r.imageUrl());
        out.put("size", r.size().name().toLowerCase(java.util.Locale.ROOT));
        out.put("state", r.state().toMap());
        Map<String, Map<String, Double>> measured = new LinkedHashMap<>();
        r.measured().forEach((region, values) -> measured.put(region, AgentReplyView.rounded(values)));
        out.put("measured", measured);
        out.put("notes", r.notes());
        out.put("millis", r.millis());
        return out;
    }

}
