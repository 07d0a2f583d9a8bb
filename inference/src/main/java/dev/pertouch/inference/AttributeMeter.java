package dev.pertouch.inference;

import dev.pertouch.inference.image.RgbImage;
import dev.pertouch.inference.image.WorkingImage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the four PerTouch attributes of a region, exactly as the formulas in the design notes define them. A
 * region is a weight per pixel in [0, 1]: a binary mask gives the formulas' values, a soft mask weights each pixel
 * (and each neighbour pair of the contrast term by the product of its two weights). An empty region measures 0.
 * Instances hold no state and may be shared between threads.
 */
public final class AttributeMeter {
    /** Raw temperature (-CCT) is clamped to +-this: far from the Planckian locus the CCT formula explodes. */
    public static final double TEMPERATURE_LIMIT = 20000;
    /** Raw contrast is clamped to at most this. */
    public static final double CONTRAST_LIMIT = 20000;

    private static final double[][] SRGB_TO_XYZ = {
            {0.4123908, 0.35758434, 0.18048079},
            {0.21263901, 0.71516868, 0.07219232},
            {0.01933082, 0.11919478, 0.95053215}};

    /** Raw values of a region of a working image; {@code weights == null} means the whole image. */
    public AttributeValues measure(WorkingImage image, float[] weights) {
        return measure(image, Collections.singletonList(weights)).get(0);
    }

    /** Raw values of several regions in one pass over the image; a {@code null} mask means the whole image. */
    public List<AttributeValues> measure(WorkingImage image, List<float[]> masks) {
        int w = image.width();
        int h = image.height();
        int count = masks.size();
        float[][] m = masks.toArray(new float[0][]);
        for (float[] weights : m) {
            if (weights != null && weights.length != image.pixelCount()) {
                throw new IllegalArgumentException("mask has " + weights.length + " weights, image "
                        + image.pixelCount() + " pixels");
            }
        }
        float[] r = image.red();
        float[] g = image.green();
        float[] b = image.blue();
        Tally[] tallies = new Tally[count];
        for (int k = 0; k < count; k++) {
            tallies[k] = new Tally();
        }
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int below = ((y + 1) % h) * w;
            for (int x = 0; x < w; x++) {
                int p = row + x;
                // Each unordered neighbour pair appears twice among the four wrap-around shifts, so the right and
                // lower neighbours alone give the same ratio.
                int right = row + (x + 1) % w;
                int down = below + x;
                double energyRight = energy(r[p] - r[right], g[p] - g[right], b[p] - b[right]);
                double energyDown = energy(r[p] - r[down], g[p] - g[down], b[p] - b[down]);
                for (int k = 0; k < count; k++) {
                    float[] weights = m[k];
                    float wp = weights == null ? 1f : weights[p];
                    if (wp <= 0f) {
                        continue;
                    }
                    Tally t = tallies[k];
                    t.addPixel(r[p], g[p], b[p], wp);
                    t.addPairEnergy(energyRight, weights == null ? 1f : wp * weights[right]);
                    t.addPairEnergy(energyDown, weights == null ? 1f : wp * weights[down]);
                }
            }
        }
        List<AttributeValues> out = new ArrayList<>(count);
        for (Tally t : tallies) {
            out.add(t.values());
        }
        return out;
    }

    private static double energy(double dr, double dg, double db) {
        return dr * dr + dg * dg + db * db;
    }

    /** Raw values of a region of a photo, measured at the working size; the mask is at the working size. */
    public AttributeValues measure(RgbImage photo, float[] weights) {
        return measure(WorkingImage.of(photo), weights);
    }

    /**
     * Running sums from which the formulas are evaluated, for callers that measure samples of pixels rather than a
     * whole image: pixels feed colorfulness, temperature and brightness, neighbour pairs feed contrast.
     */
    public static final class Tally {
        private double weight;
        private double sumR;
        private double sumG;
        private double sumB;
        private double sumRg;
        private double sumRg2;
        private double sumYb;
        private double sumYb2;
        private double pairWeight;
        private double pairEnergy;

        public void addPixel(double r, double g, double b, double w) {
            double rg = Math.abs(r - g);
            double yb = Math.abs(0.5 * (r + g) - b);
            weight += w;
            sumR += w * r;
            sumG += w * g;
            sumB += w * b;
            sumRg += w * rg;
            sumRg2 += w * rg * rg;
            sumYb += w * yb;
            sumYb2 += w * yb * yb;
        }

        /** One neighbour pair, given by its channel differences and its weight. */
        public void addPair(double dr, double dg, double db, double w) {
            addPairEnergy(energy(dr, dg, db), w);
        }

        private void addPairEnergy(double energy, double w) {
            pairWeight += w;
            pairEnergy += w * energy;
        }

        public AttributeValues values() {
            if (weight <= 0) {
                return AttributeValues.ZERO;
            }
            double mr = sumR / weight;
            double mg = sumG / weight;
            double mb = sumB / weight;
            double meanRg = sumRg / weight;
            double meanYb = sumYb / weight;
            double varRg = Math.max(0, sumRg2 / weight - meanRg * meanRg);
            double varYb = Math.max(0, sumYb2 / weight - meanYb * meanYb);
            double colorfulness = Math.sqrt(varRg + varYb) + 0.3 * Math.sqrt(meanRg * meanRg + meanYb * meanYb);
            double contrast = pairWeight <= 0 ? 0 : Math.min(CONTRAST_LIMIT, pairEnergy / (4 * pairWeight));
            double brightness = Math.sqrt(0.241 * mr * mr + 0.691 * mg * mg + 0.068 * mb * mb);
            return new AttributeValues(colorfulness, contrast, temperature(mr, mg, mb), brightness);
        }
    }

    /** -CCT of the mean colour (Hernandez-Andres 1999), clamped to +-{@value #TEMPERATURE_LIMIT}; NaN reads as 0. */
    static double temperature(double meanR, double meanG, double meanB) {
        double[] rgb = {linear(meanR), linear(meanG), linear(meanB)};
        double[] xyz = new double[3];
        for (int i = 0; i < 3; i++) {
            xyz[i] = SRGB_TO_XYZ[i][0] * rgb[0] + SRGB_TO_XYZ[i][1] * rgb[1] + SRGB_TO_XYZ[i][2] * rgb[2];
        }
        double sum = xyz[0] + xyz[1] + xyz[2];
        double x = xyz[0] / sum;
        double y = xyz[1] / sum;
        double n = (x - 0.3366) / (y - 0.1735);
        double cct = -949.86315 + 6253.80338 * Math.exp(-n / 0.92159) + 28.70599 * Math.exp(-n / 0.20039)
                + 0.00004 * Math.exp(-n / 0.07125);
        if (cct > 50000) {
            n = (x - 0.3356) / (y - 0.1691);
            cct = 36284.48953 + 0.00228 * Math.exp(-n / 0.07861) + 5.4535e-36 * Math.exp(-n / 0.01543);
        }
        double t = -cct;
        if (Double.isNaN(t)) {
            return 0;
        }
        return Math.max(-TEMPERATURE_LIMIT, Math.min(TEMPERATURE_LIMIT, t));
    }

    private static double linear(double channelMean) {
        double v = Math.max(0.001, Math.min(0.999, channelMean / 255));
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
