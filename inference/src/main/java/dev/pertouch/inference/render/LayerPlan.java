package dev.pertouch.inference.render;

import dev.pertouch.inference.AttributeMeter;
import dev.pertouch.inference.AttributeValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about one ordered set of region layers on one photo that does not depend on the targets: the parameter
 * map, each layer's own attribute values, its samples, and the tensors kept for previews.
 */
final class LayerPlan {
    private static final int SIZES = 2;
    final ParameterMap map;
    /** Raw values of each layer's share of the photo, measured in full. */
    final AttributeValues[] own;
    /** The same, measured on the samples alone: the difference is the sampling bias the solver corrects. */
    final AttributeValues[] sampledOwn;
    final LayerSamples[] samples;
    private final Map<Long, TensorRender.Prepared> tensors = new LinkedHashMap<>(4, 0.75f, true);
    private boolean retired;

    LayerPlan(PreparedPhoto photo, List<String> ids, List<float[]> masks, AttributeMeter meter) {
        map = new ParameterMap(photo.work.width(), photo.work.height(), ids, masks, photo.guide);
        int count = ids.size();
        own = new AttributeValues[count];
        sampledOwn = new AttributeValues[count];
        samples = new LayerSamples[count];
        List<float[]> weights = new ArrayList<>();
        for (int q = 0; q < count; q++) {
            weights.add(map.weight(q));
        }
        meter.measure(photo.work, weights).toArray(own);
        float[] identity = null;
        for (int q = 0; q < count; q++) {
            samples[q] = LayerSamples.of(photo.work, photo.detail, map, q);
            if (identity == null || identity.length < 4 * samples[q].entries()) {
                identity = new float[4 * samples[q].entries()];
            }
            sampledOwn[q] = samples[q].measure(identity);
        }
    }

    /**
     * Kept tensors for previews of {@code width x height}, made on first use; the caller must
     * {@link TensorRender.Prepared#release()} them. Only the most recent sizes are kept, and nothing once the plan is
     * retired: then the tensors serve this one render and go.
     */
    TensorRender.Prepared tensors(TensorRender render, PreparedPhoto photo, int width, int height) {
        long key = ((long) width << 32) | height;
        while (true) {
            TensorRender.Prepared p;
            synchronized (tensors) {
                p = tensors.get(key);
            }
            if (p == null) {
                p = render.prepare(photo.planar(width, height), width, height, map, photo.detailA, photo.detailB);
                synchronized (tensors) {
                    if (retired) {
                        p.acquire();
                        p.retire();
                        return p;
                    }
                    TensorRender.Prepared raced = tensors.putIfAbsent(key, p);
                    if (raced != null) {
                        p.retire();
                        p = raced;
                    } else if (tensors.size() > SIZES) {
                        Long oldest = tensors.keySet().iterator().next();
                        tensors.remove(oldest).retire();
                    }
                }
            }
            if (p.acquire()) {
                return p;
            }
            synchronized (tensors) {
                tensors.remove(key, p);
            }
        }
    }

    /** Frees the kept tensors once renders using them finish. */
    void retire() {
        synchronized (tensors) {
            retired = true;
            tensors.values().forEach(TensorRender.Prepared::retire);
            tensors.clear();
        }
    }
}
