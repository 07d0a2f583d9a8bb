package dev.pertouch.inference.render;

import dev.pertouch.inference.AttributeMeter;
import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the retoucher derives from a photo once and reuses for every render of it: the working image, its luma (the
 * guide for feathering), its detail layer, the photo at preview sizes, and the layer plans of recent edit states.
 */
final class PreparedPhoto {
    /** Detail-layer base: a guided filter of luma by itself, window radius on the working grid. */
    static final int DETAIL_RADIUS = 4;
    /** Luma steps well above ~0.1 stay in the base, so local contrast does not ring around strong edges. */
    static final double DETAIL_EPS = 0.04;
    private static final int PLANS = 2;
    private static final int PREVIEWS = 2;

    final WorkingImage work;
    /** Working luma in [0, 1]. */
    final float[] guide;
    /** Coefficients of the detail base: base = a * luma + b, luma in [0, 1]. */
    final float[] detailA;
    final float[] detailB;
    /** Working luma minus its base, in 0..255 units. */
    final float[] detail;
    private final RgbImage photo;
    private final Map<PlanKey, LayerPlan> plans = new LinkedHashMap<>(8, 0.75f, true);
    private final Map<Long, byte[]> previews = new LinkedHashMap<>(4, 0.75f, true);
    private boolean retired;

    PreparedPhoto(RgbImage photo) {
        this.photo = photo;
        work = WorkingImage.of(photo);
        int n = work.pixelCount();
        guide = new float[n];
        for (int i = 0; i < n; i++) {
            guide[i] = (Operators.LUMA[0] * work.red()[i] + Operators.LUMA[1] * work.green()[i]
                    + Operators.LUMA[2] * work.blue()[i]) / 255f;
        }
        float[][] base = new GuidedFilter(guide, work.width(), work.height(), DETAIL_RADIUS, DETAIL_EPS)
                .coefficients(guide);
        detailA = base[0];
        detailB = base[1];
        detail = new float[n];
        for (int i = 0; i < n; i++) {
            detail[i] = 255f * (guide[i] - (detailA[i] * guide[i] + detailB[i]));
        }
    }

    LayerPlan plan(List<String> ids, List<float[]> masks, AttributeMeter meter) {
        PlanKey key = new PlanKey(ids, masks);
        synchronized (plans) {
            LayerPlan known = plans.get(key);
            if (known != null) {
                return known;
            }
        }
        LayerPlan plan = new LayerPlan(this, ids, masks, meter);
        synchronized (plans) {
            if (retired) {
                plan.retire();
                return plan;
            }
            LayerPlan raced = plans.putIfAbsent(key, plan);
            if (raced != null) {
                return raced;
            }
            if (plans.size() > PLANS) {
                plans.remove(plans.keySet().iterator().next()).retire();
            }
        }
        return plan;
    }

    /** Frees the tensors kept for this photo once renders using them finish, and keeps none from now on. */
    void retire() {
        synchronized (plans) {
            retired = true;
            plans.values().forEach(LayerPlan::retire);
            plans.clear();
        }
    }

    /** The photo at a smaller size as 8-bit R, G and B planes. */
    byte[] planar(int width, int height) {
        long key = ((long) width << 32) | height;
        synchronized (previews) {
            byte[] known = previews.get(key);
            if (known != null) {
                return known;
            }
        }
        byte[] out = Resampler.planarBytes(photo, width, height);
        synchronized (previews) {
            previews.put(key, out);
            if (previews.size() > PREVIEWS) {
                previews.remove(previews.keySet().iterator().next());
            }
        }
        return out;
    }

    /**
     * Layers are the same when their ids and mask contents are. A mask's content hash is remembered per array (masks
     * come from an analysis and are not changed), so a repeated render does not hash them again.
     */
    private static final class PlanKey {
        private static final Map<float[], Integer> HASHES = Collections.synchronizedMap(new WeakHashMap<>());

        private final List<String> ids;
        private final List<float[]> masks;
        private final int hash;

        PlanKey(List<String> ids, List<float[]> masks) {
            this.ids = List.copyOf(ids);
            this.masks = new ArrayList<>(masks);
            int h = ids.hashCode();
            for (float[] m : masks) {
                h = 31 * h + (m == null ? 0 : HASHES.computeIfAbsent(m, Arrays::hashCode));
            }
            hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof PlanKey other) || other.hash != hash || !other.ids.equals(ids)) {
                return false;
            }
            for (int i = 0; i < masks.size(); i++) {
                if (!Arrays.equals(masks.get(i), other.masks.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
