package dev.pertouch.inference.regions;

import java.util.ArrayList;
import java.util.List;

/** 4-connected pieces of a thresholded probability plane, with what the gates on model output look at. */
final class Blobs {
    private Blobs() {
    }

    /** One connected piece where the probability is at least the threshold. */
    record Blob(int[] pixels, int minX, int minY, int maxX, int maxY, double meanProbability, int width, int height) {
        double area() {
            return pixels.length / ((double) width * height);
        }

        /** Share of the bounding box that the blob fills: low for scattered, stringy false positives. */
        double solidity() {
            return pixels.length / ((double) (maxX - minX + 1) * (maxY - minY + 1));
        }

        /** Height over width of the bounding box. */
        double aspect() {
            return (maxY - minY + 1.0) / (maxX - minX + 1.0);
        }

        boolean touchesTop() {
            return minY == 0;
        }

        boolean touchesBottom() {
            return maxY == height - 1;
        }

        boolean spansWidth() {
            return minX == 0 && maxX == width - 1;
        }
    }

    static List<Blob> of(float[] probability, int w, int h, float threshold) {
        int n = w * h;
        boolean[] seen = new boolean[n];
        int[] queue = new int[n];
        List<Blob> out = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            if (seen[start] || probability[start] < threshold) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            double sum = 0;
            while (head < tail) {
                int i = queue[head++];
                int x = i % w;
                int y = i / w;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                sum += probability[i];
                if (x > 0 && !seen[i - 1] && probability[i - 1] >= threshold) {
                    seen[i - 1] = true;
                    queue[tail++] = i - 1;
                }
                if (x + 1 < w && !seen[i + 1] && probability[i + 1] >= threshold) {
                    seen[i + 1] = true;
                    queue[tail++] = i + 1;
                }
                if (y > 0 && !seen[i - w] && probability[i - w] >= threshold) {
                    seen[i - w] = true;
                    queue[tail++] = i - w;
                }
                if (y + 1 < h && !seen[i + w] && probability[i + w] >= threshold) {
                    seen[i + w] = true;
                    queue[tail++] = i + w;
                }
            }
            int[] pixels = new int[tail];
            System.arraycopy(queue, 0, pixels, 0, tail);
            out.add(new Blob(pixels, minX, minY, maxX, maxY, sum / tail, w, h));
        }
        return out;
    }
}
