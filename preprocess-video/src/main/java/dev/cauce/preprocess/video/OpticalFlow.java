package dev.cauce.preprocess.video;

import dev.cauce.core.Tensor;
import dev.cauce.preprocess.image.Image;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

import java.nio.FloatBuffer;
import java.util.Objects;

import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowFarneback;

/**
 * Dense optical flow between two frames through OpenCV. The result is a {@code (2, H, W)} tensor:
 * channel 0 is the horizontal displacement dx (pixels, positive to the right), channel 1 the
 * vertical displacement dy (positive downwards), such that {@code prev(y, x) ≈ next(y + dy, x + dx)}.
 * Colour frames are converted to gray (BT.601 luma, as OpenCV) first.
 */
public sealed interface OpticalFlow permits OpticalFlow.Farneback, OpticalFlow.Dis {

    /** The flow from {@code prev} to {@code next}; both must have the same size. */
    default Tensor compute(Image prev, Image next) {
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(next, "next");
        if (prev.width() != next.width() || prev.height() != next.height()) {
            throw new IllegalArgumentException("flow needs frames of one size, got " + prev.width() + "x" + prev.height()
                    + " and " + next.width() + "x" + next.height());
        }
        Image a = prev.toGray().toDepth(Image.Depth.U8);
        Image b = next.toGray().toDepth(Image.Depth.U8);
        try (Mat ga = a.toMat(); Mat gb = b.toMat(); Mat flow = new Mat()) {
            computeGray(ga, gb, flow);
            return toTensor(flow);
        }
    }

    /** Writes the CV_32FC2 flow between two 8-bit gray Mats into {@code flow}. */
    void computeGray(Mat prevGray, Mat nextGray, Mat flow);

    /** Name and parameters, for logs and output metadata. */
    String describe();

    /** Gunnar Farnebäck's polynomial-expansion flow with OpenCV's defaults as used in its tutorials. */
    static Farneback farneback() {
        return new Farneback(0.5, 3, 15, 3, 5, 1.2);
    }

    /** DIS (dense inverse search, Kroeger et al. 2016) at the given quality preset. */
    static Dis dis(Dis.Preset preset) {
        return new Dis(preset);
    }

    /**
     * {@code cv::calcOpticalFlowFarneback} with these parameters (flags 0).
     *
     * @param pyrScale   image scale between pyramid levels, in (0, 1)
     * @param levels     pyramid levels, at least 1
     * @param winSize    averaging window, at least 1
     * @param iterations iterations per level, at least 1
     * @param polyN      neighbourhood of the polynomial expansion: 5 or 7
     * @param polySigma  Gaussian sigma of the expansion, positive (1.1 for polyN 5, 1.5 for 7)
     */
    record Farneback(double pyrScale, int levels, int winSize, int iterations, int polyN, double polySigma)
            implements OpticalFlow {
        public Farneback {
            if (!(pyrScale > 0 && pyrScale < 1)) throw new IllegalArgumentException("pyrScale must be in (0, 1), got " + pyrScale);
            if (levels < 1) throw new IllegalArgumentException("levels must be >= 1, got " + levels);
            if (winSize < 1) throw new IllegalArgumentException("winSize must be >= 1, got " + winSize);
            if (iterations < 1) throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
            if (polyN != 5 && polyN != 7) throw new IllegalArgumentException("polyN must be 5 or 7, got " + polyN);
            if (!(polySigma > 0)) throw new IllegalArgumentException("polySigma must be positive, got " + polySigma);
        }

        @Override
        public void computeGray(Mat prevGray, Mat nextGray, Mat flow) {
            calcOpticalFlowFarneback(prevGray, nextGray, flow, pyrScale, levels, winSize, iterations, polyN, polySigma, 0);
        }

        @Override
        public String describe() {
            return "farneback(pyrScale=" + pyrScale + ", levels=" + levels + ", winSize=" + winSize + ", iterations="
                    + iterations + ", polyN=" + polyN + ", polySigma=" + polySigma + ")";
        }
    }

    /** {@code cv::DISOpticalFlow} at a preset. */
    record Dis(Preset preset) implements OpticalFlow {
        /** DIS quality presets, fastest first. */
        public enum Preset {
            ULTRAFAST(DISOpticalFlow.PRESET_ULTRAFAST), FAST(DISOpticalFlow.PRESET_FAST), MEDIUM(DISOpticalFlow.PRESET_MEDIUM);

            private final int cv;

            Preset(int cv) {
                this.cv = cv;
            }
        }

        public Dis {
            Objects.requireNonNull(preset, "preset");
        }

        @Override
        public void computeGray(Mat prevGray, Mat nextGray, Mat flow) {
            try (DISOpticalFlow dis = DISOpticalFlow.create(preset.cv)) {
                dis.calc(prevGray, nextGray, flow);
            }
        }

        @Override
        public String describe() {
            return "dis(preset=" + preset.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /** Splits an interleaved CV_32FC2 flow Mat into a (2, H, W) tensor. */
    static Tensor toTensor(Mat flow) {
        int h = flow.rows();
        int w = flow.cols();
        float[] xy = new float[h * w * 2];
        Mat dense = flow.isContinuous() ? flow : flow.clone();
        try {
            ((FloatBuffer) dense.createBuffer()).get(xy);
        } finally {
            if (dense != flow) dense.close();
        }
        float[] out = new float[h * w * 2];
        int plane = h * w;
        for (int i = 0; i < plane; i++) {
            out[i] = xy[2 * i];
            out[plane + i] = xy[2 * i + 1];
        }
        return Tensor.of(out, 2, h, w);
    }
}
