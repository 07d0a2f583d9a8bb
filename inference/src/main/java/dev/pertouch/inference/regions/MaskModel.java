package dev.pertouch.inference.regions;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.pertouch.inference.image.Resampler;
import dev.pertouch.inference.image.RgbImage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * A bundled ONNX segmentation network run through DJL's OnnxRuntime engine: square RGB in, one probability
 * plane out. The two networks differ only in input layout and normalisation, which {@link Input} carries.
 */
final class MaskModel implements AutoCloseable {

    /** How a network wants its pixels. */
    enum Input {
        /** NCHW, RGB/255 then ImageNet mean and standard deviation (U^2-Net). */
        IMAGENET_NCHW,
        /** NHWC, RGB/255 (MediaPipe selfie segmentation). */
        UNIT_NHWC
    }

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    private final Model model;
    private final int side;
    private final Input input;

    private MaskModel(Model model, int side, Input input) {
        this.model = model;
        this.side = side;
        this.input = input;
    }

    /** Loads a bundled network whose runs use {@code threads} threads each. */
    static MaskModel load(String resource, int side, Input input, int threads) {
        Model model = Model.newInstance(resource, "OnnxRuntime");
        try (InputStream in = MaskModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model " + resource + " is missing from the classpath");
            }
            model.load(in, Map.of("intraOpNumThreads", Integer.toString(threads), "interOpNumThreads", "1"));
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("cannot read model " + resource, e);
        } catch (MalformedModelException e) {
            model.close();
            throw new IllegalStateException("model " + resource + " is not a valid ONNX model", e);
        }
        return new MaskModel(model, side, input);
    }

    int side() {
        return side;
    }

    /** The network's first output for the image squashed to side x side: side*side values, row-major. */
    float[] predict(RgbImage image) {
        RgbImage square = Resampler.resize(image, side, side);
        float[] data = encode(square);
        Shape shape = input == Input.IMAGENET_NCHW ? new Shape(1, 3, side, side) : new Shape(1, side, side, 3);
        try (NDManager manager = NDManager.newBaseManager("OnnxRuntime");
             Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            NDList out = predictor.predict(new NDList(manager.create(data, shape)));
            float[] plane = out.get(0).toFloatArray();
            if (plane.length != side * side) {
                throw new IllegalStateException(
                        "expected a " + side + "x" + side + " mask, got " + plane.length + " values");
            }
            return plane;
        } catch (TranslateException e) {
            throw new IllegalStateException("segmentation model failed", e);
        }
    }

    /**
     * The network run on squares of the image's short side sliding along its long side (overlapping by at least
     * a quarter), each answer scaled back to its square and the highest kept per pixel, at image size. Small
     * figures that the whole-frame pass squashes out of reach show up here. Empty for a square image, where the
     * one square is the whole frame.
     */
    Optional<float[]> predictSliding(RgbImage image) {
        int w = image.width();
        int h = image.height();
        int side = Math.min(w, h);
        int free = Math.max(w, h) - side;
        if (free == 0) {
            return Optional.empty();
        }
        int count = (int) Math.ceil(free / (side * 0.75)) + 1;
        float[] out = new float[w * h];
        int[] px = image.pixels();
        for (int k = 0; k < count; k++) {
            int offset = (int) Math.round((double) k * free / (count - 1));
            int x0 = w > h ? offset : 0;
            int y0 = w > h ? 0 : offset;
            int[] square = new int[side * side];
            for (int y = 0; y < side; y++) {
                System.arraycopy(px, (y0 + y) * w + x0, square, y * side, side);
            }
            float[] p = Resampler.resize(predict(new RgbImage(side, side, square)), this.side, this.side, side, side);
            for (int y = 0; y < side; y++) {
                int row = (y0 + y) * w + x0;
                for (int x = 0; x < side; x++) {
                    out[row + x] = Math.max(out[row + x], p[y * side + x]);
                }
            }
        }
        return Optional.of(out);
    }

    private float[] encode(RgbImage square) {
        int n = side * side;
        int[] px = square.pixels();
        float[] data = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int p = px[i];
            float r = ((p >> 16) & 0xFF) / 255f;
            float g = ((p >> 8) & 0xFF) / 255f;
            float b = (p & 0xFF) / 255f;
            if (input == Input.IMAGENET_NCHW) {
                data[i] = (r - MEAN[0]) / STD[0];
                data[n + i] = (g - MEAN[1]) / STD[1];
                data[2 * n + i] = (b - MEAN[2]) / STD[2];
            } else {
                data[3 * i] = r;
                data[3 * i + 1] = g;
                data[3 * i + 2] = b;
            }
        }
        return data;
    }

    @Override
    public void close() {
        model.close();
    }
}
