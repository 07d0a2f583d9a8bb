package dev.pertouch.server.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.InvalidEditException;
import dev.pertouch.inference.image.ImageRejectedException;
import dev.pertouch.memory.Edit;
import dev.pertouch.memory.Photo;
import dev.pertouch.memory.SceneRecord;
import dev.pertouch.server.account.AccountService;
import dev.pertouch.server.edit.AgentReplyView;
import dev.pertouch.server.edit.EditController;
import dev.pertouch.server.edit.EditService;
import dev.pertouch.server.edit.InstructOutcome;
import dev.pertouch.server.edit.ProgressBus;
import dev.pertouch.server.edit.RenderOutcome;
import dev.pertouch.server.edit.RenderSize;
import dev.pertouch.server.http.ApiException;
import dev.pertouch.server.http.Guard;
import dev.pertouch.server.http.Identity;
import dev.pertouch.inference.Region;
import dev.pertouch.server.photo.LoadedPhoto;
import dev.pertouch.server.photo.Pick;
import dev.pertouch.server.photo.PhotoService;
import dev.pertouch.server.photo.Uploads;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import org.unbescape.html.HtmlEscape;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The page and the HTML fragments htmx asks for. Each route is a thin shell over the same services as the API. */
public final class PageController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String> ERROR_TITLES = Map.of(
            400, "That did not work.",
            404, "Not found.",
            413, "Too large.",
            415, "Not a photo we can read.",
            429, "Slow down a little.",
            503, "Busy right now.",
            504, "That took too long.");

    private final Templates templates;
    private final Guard guard;
    private final PhotoService photos;
    private final EditService edits;
    private final AccountService accounts;
    private final long maxUploadBytes;

    public PageController(Templates templates, Guard guard, PhotoService photos, EditService edits,
                          AccountService accounts, long maxUploadBytes) {
        this.accounts = accounts;
        this.templates = templates;
        this.guard = guard;
        this.photos = photos;
        this.edits = edits;
        this.maxUploadBytes = maxUploadBytes;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::index);
        routes.post("/ui/photos", this::upload);
        routes.post("/ui/photos/{id}/render", this::render);
        routes.post("/ui/photos/{id}/instruct", this::instruct);
        routes.post("/ui/photos/{id}/keep", this::keep);
        routes.post("/ui/photos/{id}/suggestion", this::applySuggestion);
        routes.post("/ui/memory/{id}/forget", this::forget);
        routes.get("/ui/photos/{id}/sliders", this::sliders);
        routes.post("/ui/photos/{id}/pick", this::pick);
        routes.post("/ui/photos/{id}/select", this::select);
        routes.sse("/ui/photos/{id}/events", this::events);
        routes.post("/ui/me", this::rename);
    }

    private void rename(Context ctx) {
        String user = Guard.user(ctx);
        String name = Optional.ofNullable(ctx.formParam("displayName")).map(String::trim).orElse("");
        accounts.users().ensure(user);
        accounts.users().rename(user, name.isEmpty() ? null : name);
        Map<String, Object> vars = base(ctx);
        vars.put("displayName", name.isEmpty() ? null : name);
        ctx.html(templates.fragments(vars, "saved"));
    }

    /** The photo's progress messages as server-sent events, while the page is open. */
    private void events(SseClient client) {
        String user = Guard.user(client.ctx());
        String photoId = client.ctx().pathParam("id");
        if (photos.find(user, photoId).isEmpty()) {
            client.close();
            return;
        }
        client.keepAlive();
        ProgressBus.Subscription subscription = edits.progress().subscribe(ProgressBus.key(user, photoId),
                message -> client.sendEvent("progress", "<span>" + HtmlEscape.escapeHtml5(message) + "</span>"));
        client.onClose(subscription::close);
    }

    private void sliders(Context ctx) {
        String region = Optional.ofNullable(ctx.queryParam("region")).orElse(EditState.GLOBAL);
        String photoId = ctx.pathParam("id");
        if (photos.load(Guard.user(ctx), photoId).analysis().region(region).isEmpty()) {
            throw ApiException.notFound("Region " + region);
        }
        regionFragments(ctx, photoId, region);
    }

    private void pick(Context ctx) {
        Pick pick = new Pick(Optional.ofNullable(ctx.formParam("how")).orElse("click"), fraction(ctx, "x0"),
                fraction(ctx, "y0"), fraction(ctx, "x1"), fraction(ctx, "y1"), Pick.mode(ctx.formParam("mode")));
        Region region = photos.pick(Guard.user(ctx), ctx.pathParam("id"), pick);
        regionFragments(ctx, ctx.pathParam("id"), region.id());
    }

    private void select(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("missing_name", "Type the name of a region, such as sky or background.");
        }
        Region region = photos.select(Guard.user(ctx), ctx.pathParam("id"), name);
        regionFragments(ctx, ctx.pathParam("id"), region.id());
    }

    /** The selected region's sliders, the region chips and the overlay, swapped in together. */
    private void regionFragments(Context ctx, String photoId, String region) {
        Map<String, Object> vars = base(ctx);
        vars.put("editor", editor(ctx, photoId, region));
        vars.put("oob", true);
        ctx.html(templates.fragments(vars, "sliders", "chips", "overlay"));
    }

    private static double fraction(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_pick", name + " must be a number in [0, 1].");
        }
    }

    /** Writes a refusal as a message in the page's message area. */
    public void error(Context ctx, ApiException e) {
        Map<String, Object> vars = Map.of(
                "title", ERROR_TITLES.getOrDefault(e.status(), "Something went wrong."),
                "message", e.getMessage());
        ctx.header("HX-Retarget", "#messages").header("HX-Reswap", "innerHTML");
        ctx.html(templates.fragments(vars, "error"));
    }

    private void index(Context ctx) {
        Map<String, Object> vars = base(ctx);
        vars.put("displayName", accounts.users().displayName(Guard.user(ctx)).orElse(null));
        Optional.ofNullable(ctx.queryParam("photo"))
                .flatMap(id -> photos.find(Guard.user(ctx), id))
                .ifPresent(photo -> vars.put("editor", editor(ctx, photo.id())));
        ctx.html(templates.page("index", vars));
    }

    private void upload(Context ctx) throws ImageRejectedException {
        LoadedPhoto photo = photos.upload(Guard.user(ctx), Uploads.read(ctx, maxUploadBytes));
        Map<String, Object> vars = base(ctx);
        vars.put("editor", editor(ctx, photo.id()));
        ctx.header("HX-Push-Url", "/?photo=" + photo.id());
        ctx.html(templates.fragments(vars, "editor"));
    }

    private void render(Context ctx) {
        String region = Optional.ofNullable(ctx.formParam("region")).orElse(EditState.GLOBAL);
        Map<Attribute, Double> sliders = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            String value = ctx.formParam(a.key());
            if (value != null) {
                sliders.put(a, parseSlider(a, value));
            }
        }
        RenderOutcome outcome = edits.renderSliders(Guard.user(ctx), ctx.pathParam("id"), region, sliders,
                RenderSize.parse(ctx.formParam("size")));
        renderedFragment(ctx, outcome, region);
    }

    private void renderedFragment(Context ctx, RenderOutcome outcome, String region) {
        Map<String, Object> vars = base(ctx);
        vars.put("editor", editor(ctx, outcome.photoId(), region));
        vars.put("oob", true);
        vars.put("status", (outcome.size() == RenderSize.FULL ? "Full resolution" : "Preview") + " rendered in "
                + outcome.millis() + " ms.");
        vars.put("notes", outcome.notes());
        ctx.html(templates.fragments(vars, "rendered"));
    }

    private void instruct(Context ctx) {
        String text = EditController.checkLength(Optional.ofNullable(ctx.formParam("text")).orElse(""));
        InstructOutcome outcome = edits.instruct(Guard.user(ctx), ctx.pathParam("id"), text);
        AgentReplyView reply = AgentReplyView.of(outcome.reply());
        Map<String, Object> vars = base(ctx);
        vars.put("turn", new Turn(text, reply.kind(), reply.style(), reply.message(), reply.changes(), reply.rounds()));
        if (outcome.render().isEmpty()) {
            ctx.html(templates.fragments(vars, "turn"));
            return;
        }
        vars.put("editor", editor(ctx, ctx.pathParam("id"), EditState.GLOBAL));
        vars.put("oob", true);
        ctx.html(templates.fragments(vars, "turn", "result", "sliders"));
    }

    private void keep(Context ctx) {
        String user = Guard.user(ctx);
        var latest = edits.latest(user, ctx.pathParam("id")).orElseThrow(() -> new ApiException(409, "nothing_to_keep",
                "Change something first: the photo as it is needs no keeping."));
        SceneRecord record = edits.accept(user, latest.id());
        Map<String, Object> vars = base(ctx);
        vars.put("kept", record.tags().isEmpty() ? "Kept. Remembered for photos like this one."
                : "Kept. Remembered for your " + String.join(", ", record.tags()) + " photos.");
        ctx.html(templates.fragments(vars, "kept"));
    }

    private void applySuggestion(Context ctx) {
        RenderOutcome outcome = edits.applySuggestion(Guard.user(ctx), ctx.pathParam("id"));
        renderedFragment(ctx, outcome, EditState.GLOBAL);
    }

    private void forget(Context ctx) {
        if (!accounts.memory().forget(Guard.user(ctx), ctx.pathParam("id"))) {
            throw ApiException.notFound("That memory");
        }
        ctx.html(templates.fragments(base(ctx), "forgotten"));
    }

    /** One exchange of the conversation as the page shows it. */
    public record Turn(String text, String kind, String style, String message,
                       List<AgentReplyView.ChangeView> changes, List<AgentReplyView.RoundView> rounds) {
    }

    /** The whole editor, as a page load or an upload shows it, with what memory suggests for the photo. */
    private EditorView editor(Context ctx, String photoId) {
        return editor(ctx, photoId, EditState.GLOBAL, true);
    }

    /** The editor's parts that fragments swap in; they leave the suggestion where it is. */
    private EditorView editor(Context ctx, String photoId, String region) {
        return editor(ctx, photoId, region, false);
    }

    private EditorView editor(Context ctx, String photoId, String region, boolean withSuggestion) {
        String user = Guard.user(ctx);
        LoadedPhoto photo = photos.load(user, photoId);
        Photo record = photo.record();
        Optional<Edit> latest = edits.latest(user, photoId);
        EditState state = latest.map(e -> EditState.fromJson(e.stateJson())).orElse(EditState.empty());
        String imageUrl = latest.map(e -> "/api/edits/" + e.id() + "/image")
                .orElse("/api/images/" + photoId + "/preview");
        return EditorView.of(photoId, record.width(), record.height(), imageUrl, latest.map(Edit::id).orElse(""),
                photo.analysis(), state, region,
                withSuggestion ? edits.suggestion(user, photoId).orElse(null) : null);
    }

    private Map<String, Object> base(Context ctx) {
        Map<String, Object> vars = new HashMap<>();
        try {
            vars.put("csrfHeaders", JSON.writeValueAsString(Map.of(Identity.CSRF_HEADER, guard.csrfToken(ctx))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        vars.put("maxUploadBytes", maxUploadBytes);
        vars.put("maxUploadMegabytes", maxUploadBytes / (1024 * 1024));
        vars.put("oob", false);
        return vars;
    }

    private static double parseSlider(Attribute a, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidEditException("value_not_a_number", "The " + a.key() + " slider sent '" + value
                    + "', which is not a number.");
        }
    }
}
