package dev.pertouch.agent.scene;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.EditState;
import dev.pertouch.inference.PhotoAnalysis;
import dev.pertouch.inference.Region;
import dev.pertouch.memory.SceneRecord;
import dev.pertouch.memory.SimilarScene;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A starting state for a new photo, learnt from what the user kept for similar ones.
 *
 * @param state     absolute targets for this photo: its own values plus the remembered deltas, clamped to [-1, 1]
 * @param deltas    the combined deltas the state was built from, {@code region -> attribute -> delta}
 * @param recordIds the remembered scenes it came from, most similar first (each can be forgotten)
 */
public record Suggestion(EditState state, Map<String, Map<Attribute, Double>> deltas, List<String> recordIds) {
    /**
     * A region's attribute is suggested only when the similar photos that set it hold at least this share of the
     * similarity of those that had the region: one odd edit among many does not become a habit.
     */
    static final double HABIT_SHARE = 0.5;

    public Suggestion {
        Objects.requireNonNull(state, "state");
        Map<String, Map<Attribute, Double>> copy = new LinkedHashMap<>();
        deltas.forEach((region, values) -> copy.put(region, Map.copyOf(values)));
        deltas = Collections.unmodifiableMap(copy);
        recordIds = List.copyOf(recordIds);
    }

    /** How many remembered photos it is based on. */
    public int basedOn() {
        return recordIds.size();
    }

    /** The line the page shows, such as "Suggested from 3 of your similar photos". */
    public String summary() {
        return basedOn() == 1 ? "Suggested from 1 similar photo of yours"
                : "Suggested from " + basedOn() + " of your similar photos";
    }

    /**
     * Combines the user's similar records for a new photo. For each region the photo has and each attribute, the
     * records whose photo had that region vote with their similarity; when those that set the attribute hold at
     * least {@link #HABIT_SHARE} of the votes, the suggested delta is their similarity-weighted mean. The target is
     * the photo's own value plus that delta, clamped to [-1, 1].
     *
     * @return empty when there are no similar records or they agree on no change
     */
    static Optional<Suggestion> combine(List<SimilarScene> similar, PhotoAnalysis photo) {
        Map<String, Map<Attribute, Double>> deltas = new LinkedHashMap<>();
        for (Region region : photo.regions()) {
            for (Attribute attribute : Attribute.values()) {
                double votes = 0;
                double setters = 0;
                double weightedSum = 0;
                for (SimilarScene s : similar) {
                    Map<String, Double> kept = s.record().relativeState().get(region.id());
                    if (kept == null) {
                        continue;
                    }
                    votes += s.similarity();
                    Double delta = kept.get(attribute.key());
                    if (delta != null) {
                        setters += s.similarity();
                        weightedSum += s.similarity() * delta;
                    }
                }
                if (setters > 0 && setters >= HABIT_SHARE * votes) {
                    deltas.computeIfAbsent(region.id(), r -> new LinkedHashMap<>()).put(attribute, weightedSum / setters);
                }
            }
        }
        if (deltas.isEmpty()) {
            return Optional.empty();
        }
        // global first: setting it moves regions that already have targets, and those are set after it
        EditState state = EditState.empty();
        EditState.Baseline own = photo.baseline();
        for (Map.Entry<String, Map<Attribute, Double>> region : deltas.entrySet()) {
            for (Map.Entry<Attribute, Double> d : region.getValue().entrySet()) {
                double target = own.value(region.getKey(), d.getKey()) + d.getValue();
                state = state.with(region.getKey(), d.getKey(), Math.max(-1, Math.min(1, target)), own);
            }
        }
        List<String> ids = similar.stream().map(SimilarScene::record).map(SceneRecord::id).toList();
        return Optional.of(new Suggestion(state, deltas, ids));
    }
}
