package dev.pertouch.agent.scene;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;
import dev.pertouch.memory.Database;
import dev.pertouch.memory.SceneMemory;
import dev.pertouch.memory.SceneRecord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Each person's taste, remembered per kind of scene (PerTouch's scene-aware memory, written on every accept rather
 * than never). Accepting an edit remembers the photo's scene with the kept look relative to the photo's own values,
 * so that the habit ("warms landscapes by about 0.3") carries over to photos that start elsewhere; a new photo gets
 * the habits of the user's similar scenes as a suggested state.
 */
public final class TasteMemory {
    /** A suggestion combines at most this many of the most similar records. */
    public static final int MAX_RECORDS = 10;

    private final SceneMemory memory;
    private final SceneDescriber describer;

    public TasteMemory(SceneMemory memory, SceneDescriber describer) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.describer = Objects.requireNonNull(describer, "describer");
    }

    public TasteMemory(Database db) {
        this(new SceneMemory(db), new SceneDescriber());
    }

    /**
     * Accepts the user's edit and remembers the photo's scene with the kept state, in one transaction
     * ({@link SceneMemory#remember}).
     *
     * @param analysis the photo's analysis, whose own values the kept state is made relative to
     * @param accepted the edit's state
     * @return empty when the user has no such edit of that photo
     */
    public Optional<SceneRecord> accept(String userId, String photoId, String editId, PhotoAnalysis analysis,
                                        EditState accepted) {
        Scene scene = describer.describe(analysis);
        return memory.remember(userId, photoId, editId, scene.tags(), scene.descriptor(),
                relativeState(accepted, analysis));
    }

    /** A starting state for the photo from the user's most similar remembered scenes; empty when none is similar. */
    public Optional<Suggestion> suggest(String userId, PhotoAnalysis analysis) {
        Scene scene = describer.describe(analysis);
        return Suggestion.combine(memory.similar(userId, scene.tags(), scene.descriptor(), MAX_RECORDS), analysis);
    }

    /**
     * Every region of the photo, each with the targets the state sets there minus the photo's own values; a region
     * the state leaves alone maps to no deltas, which says "left as it was" rather than "not in the photo".
     */
    static Map<String, Map<String, Double>> relativeState(EditState state, PhotoAnalysis analysis) {
        EditState.Baseline own = analysis.baseline();
        Map<String, Map<String, Double>> relative = new LinkedHashMap<>();
        for (Region region : analysis.regions()) {
            Map<String, Double> deltas = new LinkedHashMap<>();
            for (Map.Entry<Attribute, Double> target : state.targets(region.id()).entrySet()) {
                deltas.put(target.getKey().key(), target.getValue() - own.value(region.id(), target.getKey()));
            }
            relative.put(region.id(), deltas);
        }
        return relative;
    }
}
