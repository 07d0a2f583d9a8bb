package dev.pertouch.server.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pertouch.agent.AgentReply;
import dev.pertouch.agent.PhotoContext;
import dev.pertouch.agent.Renderer;
import dev.pertouch.agent.Rendering;
import dev.pertouch.agent.RetouchAgent;
import dev.pertouch.agent.scene.Suggestion;
import dev.pertouch.agent.scene.TasteMemory;
import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;
import dev.pertouch.inference.RenderResult;
import dev.pertouch.inference.RetouchEngine;
import dev.pertouch.inference.image.ImageCodec;
import dev.pertouch.inference.image.WorkingImage;
import dev.pertouch.inference.pool.Job;
import dev.pertouch.memory.Edit;
import dev.pertouch.memory.Edits;
import dev.pertouch.memory.SceneRecord;
import dev.pertouch.server.Ids;
import dev.pertouch.server.http.ApiException;
import dev.pertouch.server.photo.BoundedCache;
import dev.pertouch.server.photo.LoadedPhoto;
import dev.pertouch.server.photo.PhotoService;
import dev.pertouch.server.photo.RenderQueue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Edits of a photo: renders of an edit state (from sliders, the API or the agent), each recorded with its
 * state, and the agent's instructions. The newest edit of a photo is its current state.
 */
public final class EditService {
    /** Slider positions closer than half a step to a target are the same target. */
    private static final double SLIDER_TOLERANCE = 0.005;
    private static final float RENDER_JPEG_QUALITY = 0.9f;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PhotoService photos;
    private final RetouchEngine engine;
    private final RenderQueue queue;
    private final Edits edits;
    private final RetouchAgent agent;
    private final TasteMemory taste;
    private final BoundedCache<byte[]> renders = new BoundedCache<>(256L * 1024 * 1024, b -> b.length);
    private final Map<String, Job<?>> latestPreview = new ConcurrentHashMap<>();
    private final ProgressBus progress = new ProgressBus();

    public EditService(PhotoService photos, RetouchEngine engine, RenderQueue queue, Edits edits, RetouchAgent agent,
                       TasteMemory taste) {
        this.taste = taste;
        this.photos = photos;
        this.engine = engine;
        this.queue = queue;
        this.edits = edits;
        this.agent = agent;
    }

    /** The newest edit of the photo, if it was ever edited. */
    public Optional<Edit> latest(String ownerId, String photoId) {
        photos.record(ownerId, photoId);
        return edits.listForPhoto(photoId, ownerId, 1).stream().findFirst();
    }

    /** The state of the newest edit of the photo; the empty state (the photo as it is) before any edit. */
    public EditState currentState(String ownerId, String photoId) {
        return latest(ownerId, photoId).map(e -> EditState.fromJson(e.stateJson())).orElse(EditState.empty());
    }

    /** Renders a state given in full (the API). */
    public RenderOutcome render(String ownerId, String photoId, EditState state, RenderSize size) {
        LoadedPhoto photo = photos.load(ownerId, photoId);
        photo.analysis().checkRegions(state);
        return renderAndRecord(ownerId, photo, state, size, "api", null, null);
    }

    /**
     * Renders slider positions for one region over the current state. A slider left where it was keeps its
     * target unset, so the photo's own value still holds there.
     */
    public RenderOutcome renderSliders(String ownerId, String photoId, String region, Map<Attribute, Double> sliders,
                                       RenderSize size) {
        LoadedPhoto photo = photos.load(ownerId, photoId);
        EditState.Baseline baseline = photo.analysis().baseline();
        EditState state = currentState(ownerId, photoId);
        for (Map.Entry<Attribute, Double> s : sliders.entrySet()) {
            if (Math.abs(s.getValue() - state.resolve(region, s.getKey(), baseline)) > SLIDER_TOLERANCE) {
                state = state.with(region, s.getKey(), s.getValue(), baseline);
            }
        }
        photo.analysis().checkRegions(state);
        return renderAndRecord(ownerId, photo, state, size, "slider", null, null);
    }

    /**
     * Lets the agent turn plain words into a new state, checking its renders against the wording (the
     * rethinking rounds render at the working size, where the attributes are measured), and renders the
     * result when something changed. The state before the newest edit is what "undo that" returns to.
     */
    public InstructOutcome instruct(String ownerId, String photoId, String text) {
        LoadedPhoto photo = photos.load(ownerId, photoId);
        List<EditState> history = edits.listForPhoto(photoId, ownerId, 2).stream()
                .map(e -> EditState.fromJson(e.stateJson())).toList();
        EditState current = history.isEmpty() ? EditState.empty() : history.get(0);
        EditState previous = history.size() < 2 ? EditState.empty() : history.get(1);
        PhotoContext context = new PhotoContext(
                photo.analysis().regions().stream().map(Region::id).collect(Collectors.toUnmodifiableSet()),
                photo.analysis().baseline()).withPhoto(photo.image());
        Optional<Suggestion> suggestion = taste.suggest(ownerId, photo.analysis());
        if (suggestion.isPresent()) {
            context = context.withSuggestion(suggestion.get().state());
        }
        String key = ProgressBus.key(ownerId, photoId);
        int[] round = {0};
        Renderer renderer = Renderer.withImages(state -> {
            progress.publish(key, "Checking round " + ++round[0] + ": rendering and measuring the result…");
            RenderResult result = queue.await(watched(key, queue.submit("rethink " + photoId,
                    ctx -> engine.render(photo.image(), photo.analysis(), state, WorkingImage.LONG_SIDE))));
            return new Rendering(result.measured(), result.image());
        });
        progress.publish(key, "Reading your instruction…");
        AgentReply reply = agent.instruct(text == null ? "" : text, current, previous, context, renderer);
        if (reply.state().equals(current)) {
            return new InstructOutcome(reply, Optional.empty());
        }
        RenderOutcome render = renderAndRecord(ownerId, photo, reply.state(), RenderSize.PREVIEW, "instruction",
                text, replyJson(reply));
        return new InstructOutcome(reply, Optional.of(render));
    }

    /** The encoded render of an edit; rendered again when it is no longer in memory. */
    public byte[] image(String ownerId, String editId) {
        Optional<byte[]> cached = renders.get(editId);
        if (cached.isPresent()) {
            edit(ownerId, editId);
            return cached.get();
        }
        Edit edit = edit(ownerId, editId);
        LoadedPhoto photo = photos.load(ownerId, edit.photoId());
        EditState state = EditState.fromJson(edit.stateJson());
        byte[] jpeg = queue.run("render " + editId, ctx -> encode(engine.render(photo.image(), photo.analysis(),
                state, RenderSize.FULL.maxSide())));
        renders.put(editId, jpeg);
        return jpeg;
    }

    public Edit edit(String ownerId, String editId) {
        return edits.find(editId, ownerId).orElseThrow(() -> ApiException.notFound("Edit " + editId));
    }

    /** What this user's similar photos suggest for this one, if they have accepted results like it. */
    public Optional<Suggestion> suggestion(String ownerId, String photoId) {
        return taste.suggest(ownerId, photos.load(ownerId, photoId).analysis());
    }

    /** Renders the remembered suggestion as a new edit. */
    public RenderOutcome applySuggestion(String ownerId, String photoId) {
        LoadedPhoto photo = photos.load(ownerId, photoId);
        Suggestion suggestion = taste.suggest(ownerId, photo.analysis()).orElseThrow(() -> new ApiException(404,
                "no_suggestion", "There is nothing remembered yet for photos like this one."));
        return renderAndRecord(ownerId, photo, suggestion.state(), RenderSize.PREVIEW, "suggestion", null, null);
    }

    /**
     * Keeps an edit: marks it accepted and remembers it, relative to the photo's own values, for similar
     * photos of this user, in one transaction.
     */
    public SceneRecord accept(String ownerId, String editId) {
        Edit edit = edit(ownerId, editId);
        LoadedPhoto photo = photos.load(ownerId, edit.photoId());
        return taste.accept(ownerId, edit.photoId(), editId, photo.analysis(), EditState.fromJson(edit.stateJson()))
                .orElseThrow(() -> ApiException.notFound("Edit " + editId));
    }

    private RenderOutcome renderAndRecord(String ownerId, LoadedPhoto photo, EditState state, RenderSize size,
                                          String source, String instruction, String replyJson) {
        PhotoAnalysis analysis = photo.analysis();
        long start = System.nanoTime();
        String key = ProgressBus.key(ownerId, photo.id());
        Job<Rendered> job = watched(key, queue.submit("render " + photo.id(), ctx -> {
            RenderResult result = engine.render(photo.image(), analysis, state, size.maxSide());
            ctx.checkCancelled();
            return new Rendered(result, encode(result));
        }));
        if (size == RenderSize.PREVIEW) {
            Job<?> previous = latestPreview.put(key, job);
            if (previous != null) {
                previous.cancel();
            }
        }
        Rendered rendered;
        try {
            rendered = queue.await(job);
        } finally {
            latestPreview.remove(key, job);
        }
        String editId = Ids.random("e_");
        edits.insert(new Edit(editId, photo.id(), ownerId, state.toJson(), source, instruction, replyJson, null, false,
                Instant.now()));
        renders.put(editId, rendered.jpeg());
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new RenderOutcome(editId, photo.id(), state, size, rendered.result().measured(),
                rendered.result().notes(), millis);
    }

    public ProgressBus progress() {
        return progress;
    }

    /** Tells listeners where a job stands while it waits and runs. */
    private <T> Job<T> watched(String key, Job<T> job) {
        job.onProgress(p -> {
            switch (p.state()) {
                case "queued" -> progress.publish(key, "Waiting for a free worker: position " + p.queuePosition()
                        + ", about " + Math.max(1, p.eta().toSeconds()) + " s.");
                case "running" -> progress.publish(key, "Rendering…");
                case "done" -> progress.publish(key, "Done.");
                default -> { }
            }
        });
        return job;
    }

    private static byte[] encode(RenderResult result) {
        return ImageCodec.encodeJpeg(result.image(), RENDER_JPEG_QUALITY);
    }

    private static String replyJson(AgentReply reply) {
        try {
            return JSON.writeValueAsString(AgentReplyView.of(reply));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Rendered(RenderResult result, byte[] jpeg) {
    }
}
