package dev.pertouch.inference.render;

import ai.djl.Device;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs {@link Operators} over a photo with DJL tensors, in one of two ways.
 *
 * <p>Full resolution: the photo goes through in horizontal strips of about {@value #STRIP_PIXELS} pixels, small
 * enough for each strip's tensors to stay in cache and to be reused by the allocator; strips are independent, so they
 * run in parallel, and a 12-megapixel render never holds more than a few strips of floats. The operator settings
 * arrive as guided-filter coefficients on the working grid; each strip interpolates them to its rows (in Java, per
 * row and per block of {@value #BLOCK} columns, spread over the columns on the tensor device) and evaluates them
 * against its own full-resolution luma, which keeps region edges on the photo's edges (He and Sun's fast guided
 * filter).
 *
 * <p>Preview sizes: everything that depends only on the photo and its layers (luma, detail, every layer's feathered
 * weight at the preview size) is made once as tensors and kept ({@link Prepared}); a render then blends the settings
 * with one matrix product and runs the operators, a few dozen tensor passes in all.
 */
final class TensorRender {
    /** The DJL engine the tensors live in; named, since other engines (ONNX Runtime) share the class path. */
    static final String ENGINE = "PyTorch";
    static final int STRIP_PIXELS = 1 << 16;
    /** Full-resolution renders take each operator setting per block of this many columns (see {@link #blocks}). */
    static final int BLOCK = 4;

    private final Device device;

    TensorRender(Device device) {
        this.device = device;
    }

    /** Fills {@code planar} with rows {@code [y0, y0 + rows)} of the source, as 8-bit R, G and B planes. */
    interface Source {
        void fill(int y0, int rows, byte[] planar);
    }

    /**
     * Coefficients on the working grid. {@code settings[2c]} and {@code settings[2c + 1]} give operator c's value as
     * {@code a * luma + b} (luma in [0, 1]), or are {@code null} where operator c is off; the detail layer is
     * {@code luma - (detailA * luma + detailB)}, also in [0, 1] units.
     */
    record Grid(int width, int height, float[][] settings, float[] detailA, float[] detailB) {
    }

    /** Renders {@code width x height} pixels of the source at full resolution; returns packed 0xRRGGBB pixels. */
    int[] render(Source source, int width, int height, Grid grid) {
        int[] out = new int[width * height];
        int stripRows = Math.max(1, Math.min(height, STRIP_PIXELS / width));
        int strips = (height + stripRows - 1) / stripRows;
        List<float[]> planes = new ArrayList<>();
        int[] slot = new int[OperatorSettings.COUNT];
        for (int c = 0; c < OperatorSettings.COUNT; c++) {
            float[] a = grid.settings()[2 * c];
            slot[c] = a == null ? -1 : planes.size();
            if (a != null) {
                planes.add(scaled(a, 1f / 255, 0f));
                planes.add(grid.settings()[2 * c + 1]);
            }
        }
        int detailAt = slot[2] < 0 ? -1 : planes.size();
        if (detailAt >= 0) {
            planes.addAll(detailPlanes(grid.detailA(), grid.detailB()));
        }
        IntStream.range(0, strips).parallel().forEach(s -> {
            int y0 = s * stripRows;
            int rows = Math.min(stripRows, height - y0);
            byte[] pixels = new byte[3 * rows * width];
            source.fill(y0, rows, pixels);
            float[] slab = blocks(planes, grid.width(), grid.height(), width, height, y0, rows);
            try (NDManager m = NDManager.newBaseManager(device, ENGINE)) {
                NDArray onBlocks = m.create(slab, new Shape(1, planes.size(), rows, blockColumns(width)));
                NDArray coefficients = onBlocks.getNDArrayInternal()
                        .interpolation(new long[] {rows, width}, Image.Interpolation.NEAREST.ordinal(), false)
                        .reshape(planes.size(), rows, width);
                NDArray rgb = rgb(m, pixels, rows, width);
                NDArray luma = luma(rgb, rows, width);
                NDArray[] maps = new NDArray[OperatorSettings.COUNT];
                for (int c = 0; c < maps.length; c++) {
                    if (slot[c] >= 0) {
                        maps[c] = coefficients.get(slot[c]).mul(luma).addi(coefficients.get(slot[c] + 1));
                    }
                }
                NDArray detail = detailAt < 0 ? null
                        : coefficients.get(detailAt).mul(luma).subi(coefficients.get(detailAt + 1));
                byte[] rendered = Operators.apply(rgb, luma, detail, maps[0], maps[1], maps[2], maps[3]).toByteArray();
                pack(rendered, rows * width, out, y0 * width);
            }
        });
        return out;
    }

    /**
     * Tensors for rendering one photo with one set of layers at one preview size, cut into bands of rows that render
     * in parallel. Shared by concurrent renders; {@link #retire()} frees them once the last render using them is done.
     */
    final class Prepared {
        private final NDManager manager;
        private final int width;
        private final int height;
        private final List<Band> bands = new ArrayList<>();
        private int users;
        private boolean retired;

        /** Rows {@code [y0, y0 + rows)}: every layer's feathered share, luma and detail there. */
        private record Band(int y0, int rows, NDArray feathered, NDArray luma, NDArray detail) {
        }

        private Prepared(byte[] planar, int width, int height, ParameterMap map, float[] detailA, float[] detailB) {
            this.width = width;
            this.height = height;
            manager = NDManager.newBaseManager(device, ENGINE);
            int layers = map.layers().size();
            List<float[]> planes = new ArrayList<>();
            for (int q = 0; q < layers; q++) {
                planes.add(map.featherA(q));
                planes.add(map.featherB(q));
            }
            planes.addAll(detailPlanes(detailA, detailB));
            int count = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), height / 64));
            for (int k = 0; k < count; k++) {
                int y0 = k * height / count;
                int rows = (k + 1) * height / count - y0;
                byte[] pixels = new byte[3 * rows * width];
                int plane = width * height;
                for (int c = 0; c < 3; c++) {
                    System.arraycopy(planar, c * plane + y0 * width, pixels, c * rows * width, rows * width);
                }
                float[] slab = rows(planes, map.width(), map.height(), height, y0, rows);
                long n = (long) rows * width;
                try (NDManager m = manager.newSubManager()) {
                    NDArray grid = m.create(slab, new Shape(1, planes.size(), rows, map.width()));
                    NDArray up = interpolate(grid, rows, width).reshape(planes.size(), n);
                    NDArray luma = luma(rgb(m, pixels, rows, width), rows, width).reshape(n);
                    NDArray feathered = up.get(new NDIndex("0:{}:2", 2 * layers)).mul(luma.div(255f))
                            .addi(up.get(new NDIndex("1:{}:2", 2 * layers)));
                    NDArray detail = up.get(2 * layers).mul(luma).subi(up.get(2 * layers + 1)).reshape(1, rows, width);
                    bands.add(new Band(y0, rows, keep(feathered), keep(luma.reshape(1, rows, width)), keep(detail)));
                }
            }
        }

        private NDArray keep(NDArray a) {
            a.attach(manager);
            return a;
        }

        /** A handle on a kept tensor that belongs to a render's manager, so nothing derived from it lands here. */
        private static NDArray lend(NDArray kept, NDManager to) {
            NDArray view = kept.reshape(kept.getShape());
            view.attach(to);
            return view;
        }

        synchronized boolean acquire() {
            if (retired) {
                return false;
            }
            users++;
            return true;
        }

        synchronized void release() {
            users--;
            if (retired && users == 0) {
                manager.close();
            }
        }

        /** No new renders; the tensors go when the current ones finish. */
        synchronized void retire() {
            if (!retired) {
                retired = true;
                if (users == 0) {
                    manager.close();
                }
            }
        }
    }

    Prepared prepare(byte[] planar, int width, int height, ParameterMap map, float[] detailA, float[] detailB) {
        return new Prepared(planar, width, height, map, detailA, detailB);
    }

    /**
     * Renders a preview with kept tensors; {@code values[q]} are layer q's settings. The caller holds
     * {@link Prepared#acquire()} for the duration.
     */
    int[] render(Prepared prepared, byte[] planar, double[][] values) {
        int width = prepared.width;
        int plane = width * prepared.height;
        int layers = values.length;
        float[] theta = new float[OperatorSettings.COUNT * layers];
        boolean[] active = new boolean[OperatorSettings.COUNT];
        for (int q = 0; q < layers; q++) {
            for (int c = 0; c < OperatorSettings.COUNT; c++) {
                theta[c * layers + q] = (float) values[q][c];
                active[c] |= values[q][c] != 0;
            }
        }
        int[] out = new int[plane];
        prepared.bands.parallelStream().forEach(band -> {
            int n = band.rows() * width;
            byte[] pixels = new byte[3 * n];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(planar, c * plane + band.y0() * width, pixels, c * n, n);
            }
            try (NDManager m = NDManager.newBaseManager(device, ENGINE)) {
                NDArray settings = m.create(theta, new Shape(OperatorSettings.COUNT, layers))
                        .matMul(Prepared.lend(band.feathered(), m))
                        .reshape(OperatorSettings.COUNT, 1, band.rows(), width);
                NDArray[] maps = new NDArray[OperatorSettings.COUNT];
                for (int c = 0; c < maps.length; c++) {
                    maps[c] = active[c] ? settings.get(c) : null;
                }
                byte[] rendered = Operators.apply(rgb(m, pixels, band.rows(), width), Prepared.lend(band.luma(), m),
                        Prepared.lend(band.detail(), m), maps[0], maps[1], maps[2], maps[3]).toByteArray();
                pack(rendered, n, out, band.y0() * width);
            }
        });
        return out;
    }

    private static NDArray rgb(NDManager m, byte[] planar, int rows, int width) {
        return m.create(ByteBuffer.wrap(planar), new Shape(3, rows, width), DataType.UINT8)
                .toType(DataType.FLOAT32, false);
    }

    /** (1, rows, width): luma with {@link Operators#LUMA} weights. */
    private static NDArray luma(NDArray rgb, int rows, int width) {
        return rgb.getManager().create(Operators.LUMA, new Shape(1, 3))
                .matMul(rgb.reshape(3, (long) rows * width)).reshape(1, rows, width);
    }

    /** Bilinear, pixel centres aligned, to {@code rows x width}; the input is (1, C, h, w). */
    private static NDArray interpolate(NDArray grid, int rows, int width) {
        return grid.getNDArrayInternal()
                .interpolation(new long[] {rows, width}, Image.Interpolation.BILINEAR.ordinal(), false);
    }

    /** Packs {@code plane} pixels of 8-bit R, G and B planes into {@code out} from index {@code at}. */
    static void pack(byte[] planar, int plane, int[] out, int at) {
        for (int i = 0; i < plane; i++) {
            out[at + i] = ((planar[i] & 0xFF) << 16) | ((planar[plane + i] & 0xFF) << 8)
                    | (planar[2 * plane + i] & 0xFF);
        }
    }

    /**
     * The detail layer's base coefficients turned into {@code (1 - a, 255 b)}, so that on luma in 0..255 the detail
     * is {@code p0 * luma - p1}.
     */
    private static List<float[]> detailPlanes(float[] detailA, float[] detailB) {
        return List.of(scaled(detailA, -1f, 1f), scaled(detailB, 255f, 0f));
    }

    private static float[] scaled(float[] v, float factor, float offset) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor + offset;
        }
        return out;
    }

    /** Columns of the coefficient blocks for an output {@code width} wide. */
    private static int blockColumns(int width) {
        return (width + BLOCK - 1) / BLOCK;
    }

    /**
     * The planes for output rows {@code [y0, y0 + rows)} of {@code width x height}: interpolated linearly between
     * grid pixel centres, exactly for every row, and for every block of {@value #BLOCK} columns at the block's
     * centre; the tensor side then repeats each block's value across its columns. The coefficients are twice
     * box-filtered, so a block's step is a few hundredths of a region's change where regions meet, and luma, which
     * holds the edges, stays per pixel.
     */
    private static float[] blocks(List<float[]> planes, int gw, int gh, int width, int height, int y0, int rows) {
        int columns = blockColumns(width);
        int[] left = new int[columns];
        int[] right = new int[columns];
        float[] share = new float[columns];
        double across = (double) gw / columns;
        for (int x = 0; x < columns; x++) {
            double src = Math.max(0, (x + 0.5) * across - 0.5);
            left[x] = Math.min((int) src, gw - 1);
            right[x] = Math.min(left[x] + 1, gw - 1);
            share[x] = (float) (src - left[x]);
        }
        float[] full = rows(planes, gw, gh, height, y0, rows);
        float[] slab = new float[planes.size() * rows * columns];
        for (int line = 0; line < planes.size() * rows; line++) {
            int src = line * gw;
            int dst = line * columns;
            for (int x = 0; x < columns; x++) {
                slab[dst + x] = full[src + left[x]] + share[x] * (full[src + right[x]] - full[src + left[x]]);
            }
        }
        return slab;
    }

    /**
     * The planes interpolated to output rows {@code [y0, y0 + rows)} of {@code height}, still at grid width: linear
     * between grid row centres, as {@link #interpolate} does for columns.
     */
    private static float[] rows(List<float[]> planes, int gw, int gh, int height, int y0, int rows) {
        float[] slab = new float[planes.size() * rows * gw];
        double scale = (double) gh / height;
        for (int i = 0; i < rows; i++) {
            double src = Math.max(0, (y0 + i + 0.5) * scale - 0.5);
            int r0 = Math.min((int) src, gh - 1);
            int r1 = Math.min(r0 + 1, gh - 1);
            float f = (float) (src - r0);
            for (int c = 0; c < planes.size(); c++) {
                float[] plane = planes.get(c);
                int dst = (c * rows + i) * gw;
                int a = r0 * gw;
                int b = r1 * gw;
                for (int x = 0; x < gw; x++) {
                    slab[dst + x] = plane[a + x] + f * (plane[b + x] - plane[a + x]);
                }
            }
        }
        return slab;
    }
}
