package dev.pertouch.inference.render;

import dev.pertouch.inference.Attribute;
import dev.pertouch.inference.AttributeValues;
import dev.pertouch.inference.Calibration;

import java.util.stream.IntStream;

/**
 * Finds, per layer, the operator settings that bring the layer's four attributes to their targets on the samples:
 * damped Gauss-Newton (Levenberg-Marquardt) in the four parameters, residuals in normalized units, bounded
 * parameters. Each solve starts from a first estimate of every operator's main effect, with a finite-difference
 * Jacobian kept up to date by Broyden updates, so it costs ten or twenty sample renders and the same state always
 * gives the same settings. Layers affect each other only through their feathered edges: they are solved side by side,
 * then a second pass in order settles the edges.
 */
final class SettingsSolver {
    /** Parameters: warmth, log(1 + tone), detail, saturation. */
    static final double[] LOWER = {-3, -2, -0.9, -1};
    static final double[] UPPER = {3, 2, 3, 2};
    /** A solve stops when every attribute is this close to its target, in normalized units. */
    static final double TOLERANCE = 0.01;
    private static final double[] STEP = {0.05, 0.05, 0.05, 0.05};
    /**
     * How much an attribute that is only to stay where it is counts against one that was asked for, where both
     * cannot be met (a strong colour cast raises colorfulness too): the asked one wins, the other drifts and the
     * result says so.
     */
    private static final double KEPT_WEIGHT = 0.3;
    private static final int MAX_ITERATIONS = 12;
    private static final int N = 4;

    private final Calibration calibration;

    SettingsSolver(Calibration calibration) {
        this.calibration = calibration;
    }

    /**
     * @param targets raw targets per layer; {@code null} for a layer that stays as it is
     * @return settings per layer
     */
    OperatorSettings[] solve(LayerPlan plan, AttributeValues[] targets) {
        int layers = targets.length;
        double[][] params = new double[layers][N];
        Goal[] goals = new Goal[layers];
        for (int q = 0; q < layers; q++) {
            if (targets[q] != null) {
                goals[q] = goal(plan, q, targets[q]);
            }
        }
        // First every layer on its own, in parallel, the others as they are; then once more in order, each with its
        // neighbours' settings known, for the layers whose feathered edges moved them off target.
        double[][] start = params;
        double[][] first = new double[layers][];
        IntStream.range(0, layers).parallel().forEach(q -> first[q] = goals[q] == null ? start[q]
                : new Problem(plan, q, start, goals[q]).solve(guess(plan.own[q], targets[q])));
        params = first;
        for (int q = 0; q < layers; q++) {
            if (goals[q] != null) {
                Problem problem = new Problem(plan, q, params, goals[q]);
                if (problem.worst(problem.residual(params[q])) > TOLERANCE) {
                    params[q] = problem.solve(params[q]);
                }
            }
        }
        OperatorSettings[] out = new OperatorSettings[layers];
        for (int q = 0; q < layers; q++) {
            out[q] = goals[q] == null ? OperatorSettings.IDENTITY : settings(params[q]);
        }
        return out;
    }

    /**
     * A first estimate of the parameters from each operator's main effect alone: chroma gain scales colorfulness,
     * detail gain scales contrast roughly with its square, the tone curve maps mean luma as it maps a pixel, and 100
     * mired is -T^2/1e4 kelvin at colour temperature T.
     */
    static double[] guess(AttributeValues own, AttributeValues target) {
        double[] p = new double[N];
        double cct = Math.max(1000, -own.temperature());
        p[0] = (target.temperature() - own.temperature()) * 1e4 / (cct * cct);
        double b = Math.max(1, own.brightness());
        double goal = Math.min(254, Math.max(1, target.brightness()));
        p[1] = Math.log1p((goal - b) / (b * (1 - goal / 255)));
        p[2] = own.contrast() > 1e-6 ? Math.sqrt(target.contrast() / own.contrast()) - 1 : 0;
        p[3] = own.colorfulness() > 1e-6 ? target.colorfulness() / own.colorfulness() - 1 : 0;
        for (int i = 0; i < N; i++) {
            p[i] = Math.max(LOWER[i], Math.min(UPPER[i], Double.isFinite(p[i]) ? p[i] : 0));
        }
        return p;
    }

    static OperatorSettings settings(double[] p) {
        return new OperatorSettings(p[0], Math.expm1(p[1]), p[2], p[3]);
    }

    /**
     * Targets in the samples' terms, corrected by the sampling bias (a ratio for the three attributes that scale,
     * an offset for temperature), and the raw size of one normalized unit at each target (larger for attributes
     * that are only kept, so they weigh less).
     */
    private Goal goal(LayerPlan plan, int layer, AttributeValues target) {
        double[] aim = new double[N];
        double[] unit = new double[N];
        AttributeValues full = plan.own[layer];
        AttributeValues sampled = plan.sampledOwn[layer];
        for (Attribute a : Attribute.values()) {
            int i = a.ordinal();
            double t = target.get(a);
            if (a == Attribute.TEMPERATURE) {
                aim[i] = t + sampled.get(a) - full.get(a);
            } else {
                aim[i] = full.get(a) > 1e-6 ? t * sampled.get(a) / full.get(a) : t;
            }
            double v = Math.max(-0.95, Math.min(0.95, calibration.normalize(a, t)));
            double span = calibration.raw(a, 1) - calibration.raw(a, -1);
            double slope = (calibration.raw(a, v + 0.05) - calibration.raw(a, v - 0.05)) / 0.1;
            boolean asked = t != full.get(a);
            unit[i] = Math.max(slope, span / 1000 + 1e-9) / (asked ? 1 : KEPT_WEIGHT);
        }
        return new Goal(aim, unit);
    }

    private record Goal(double[] aim, double[] unit) {
    }

    /** One layer's solve with the other layers held where they are. */
    private static final class Problem {
        private final LayerSamples samples;
        private final int layer;
        private final Goal goal;
        private final float[] rest;
        private final float[] settings;

        Problem(LayerPlan plan, int layer, double[][] params, Goal goal) {
            this.samples = plan.samples[layer];
            this.layer = layer;
            this.goal = goal;
            int entries = samples.entries();
            rest = new float[4 * entries];
            settings = new float[4 * entries];
            for (int q = 0; q < params.length; q++) {
                if (q == layer) {
                    continue;
                }
                OperatorSettings s = settings(params[q]);
                if (s.isIdentity()) {
                    continue;
                }
                float[] f = samples.feathered[q];
                for (int e = 0; e < entries; e++) {
                    for (int c = 0; c < 4; c++) {
                        rest[4 * e + c] += f[e] * (float) s.get(c);
                    }
                }
            }
        }

        double[] residual(double[] p) {
            OperatorSettings s = settings(p);
            float[] own = samples.feathered[layer];
            for (int e = 0; e < own.length; e++) {
                for (int c = 0; c < 4; c++) {
                    settings[4 * e + c] = rest[4 * e + c] + own[e] * (float) s.get(c);
                }
            }
            double[] m = samples.measure(settings).toArray();
            double[] f = new double[N];
            for (int i = 0; i < N; i++) {
                f[i] = (m[i] - goal.aim[i]) / goal.unit[i];
            }
            return f;
        }

        double worst(double[] f) {
            double w = 0;
            for (double v : f) {
                w = Math.max(w, Math.abs(v));
            }
            return w;
        }

        double[] solve(double[] start) {
            double[] p = start.clone();
            double[] f = residual(p);
            double[][] jacobian = null;
            boolean fresh = false;
            double damping = 1e-3;
            for (int iteration = 0; iteration < MAX_ITERATIONS && worst(f) > TOLERANCE; iteration++) {
                if (jacobian == null) {
                    jacobian = differences(p, f);
                    fresh = true;
                }
                boolean accepted = false;
                for (int attempt = 0; attempt < 5 && !accepted; attempt++) {
                    double[] next = clamp(add(p, step(jacobian, f, damping)));
                    if (distance(next, p) < 1e-7) {
                        break;
                    }
                    double[] fn = residual(next);
                    if (norm(fn) < norm(f)) {
                        broyden(jacobian, subtract(next, p), subtract(fn, f));
                        p = next;
                        f = fn;
                        damping = Math.max(damping / 3, 1e-6);
                        accepted = true;
                        fresh = false;
                    } else {
                        damping *= 4;
                    }
                }
                if (!accepted) {
                    if (fresh) {
                        break;
                    }
                    jacobian = null;
                }
            }
            return p;
        }

        private double[][] differences(double[] p, double[] f) {
            double[][] j = new double[N][N];
            for (int k = 0; k < N; k++) {
                double[] q = p.clone();
                double h = q[k] + STEP[k] <= UPPER[k] ? STEP[k] : -STEP[k];
                q[k] += h;
                double[] fq = residual(q);
                for (int i = 0; i < N; i++) {
                    j[i][k] = (fq[i] - f[i]) / h;
                }
            }
            return j;
        }

        /** Solves (J'J + damping diag(J'J)) d = -J'f. */
        private static double[] step(double[][] j, double[] f, double damping) {
            double[][] a = new double[N][N + 1];
            for (int r = 0; r < N; r++) {
                for (int c = 0; c < N; c++) {
                    double s = 0;
                    for (int i = 0; i < N; i++) {
                        s += j[i][r] * j[i][c];
                    }
                    a[r][c] = s;
                }
                a[r][r] += damping * a[r][r] + 1e-9;
                double g = 0;
                for (int i = 0; i < N; i++) {
                    g += j[i][r] * f[i];
                }
                a[r][N] = -g;
            }
            for (int col = 0; col < N; col++) {
                int pivot = col;
                for (int r = col + 1; r < N; r++) {
                    if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                        pivot = r;
                    }
                }
                double[] tmp = a[col];
                a[col] = a[pivot];
                a[pivot] = tmp;
                for (int r = col + 1; r < N; r++) {
                    double factor = a[r][col] / a[col][col];
                    for (int c = col; c <= N; c++) {
                        a[r][c] -= factor * a[col][c];
                    }
                }
            }
            double[] d = new double[N];
            for (int r = N - 1; r >= 0; r--) {
                double s = a[r][N];
                for (int c = r + 1; c < N; c++) {
                    s -= a[r][c] * d[c];
                }
                d[r] = s / a[r][r];
            }
            return d;
        }

        private static void broyden(double[][] j, double[] dp, double[] df) {
            double dd = 0;
            for (double v : dp) {
                dd += v * v;
            }
            if (dd < 1e-12) {
                return;
            }
            for (int i = 0; i < N; i++) {
                double predicted = 0;
                for (int k = 0; k < N; k++) {
                    predicted += j[i][k] * dp[k];
                }
                double correction = (df[i] - predicted) / dd;
                for (int k = 0; k < N; k++) {
                    j[i][k] += correction * dp[k];
                }
            }
        }

        private static double[] clamp(double[] p) {
            for (int i = 0; i < N; i++) {
                p[i] = Math.max(LOWER[i], Math.min(UPPER[i], p[i]));
            }
            return p;
        }

        private static double[] add(double[] a, double[] b) {
            double[] o = new double[N];
            for (int i = 0; i < N; i++) {
                o[i] = a[i] + b[i];
            }
            return o;
        }

        private static double[] subtract(double[] a, double[] b) {
            double[] o = new double[N];
            for (int i = 0; i < N; i++) {
                o[i] = a[i] - b[i];
            }
            return o;
        }

        private static double distance(double[] a, double[] b) {
            return norm(subtract(a, b));
        }

        private static double norm(double[] v) {
            double s = 0;
            for (double x : v) {
                s += x * x;
            }
            return Math.sqrt(s);
        }
    }
}
