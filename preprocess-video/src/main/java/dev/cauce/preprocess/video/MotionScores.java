package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.io.IOException;
import java.util.Objects;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;

/**
 * How much each frame moves, for motion-based sampling ({@link KeyframeSelector}). Frame i's score
 * measures the change from frame i−1 to frame i on gray frames; frame 0, which has no predecessor,
 * shares frame 1's score (the motion between them belongs to both).
 */
public final class MotionScores {
    private MotionScores() { }

    /** What a score measures. */
    public enum Method {
        /** Mean absolute gray-level difference (0..255): cheap, and also reacts to lighting changes. */
        FRAME_DIFFERENCE,
        /** Mean Farneback flow magnitude in pixels of the analysed size: slower, measures real motion. */
        FLOW_MAGNITUDE
    }

    /**
     * One score per decodable frame of the reader's video (decodes it once).
     *
     * @param analysisWidth frames are shrunk to this width (aspect kept, area averaging) before
     *                      scoring, which makes scoring fast and less sensitive to noise; 0 keeps
     *                      the full size
     */
    public static double[] compute(VideoReader reader, Method method, int analysisWidth) throws IOException {
        Objects.requireNonNull(method, "method");
        if (analysisWidth < 0) throw new IllegalArgumentException("analysisWidth must be >= 0 (0 = full size), got " + analysisWidth);
        int count = reader.frameCount();
        double[] scores = new double[count];
        OpticalFlow flow = OpticalFlow.farneback();
        Image[] previous = new Image[1];
        reader.forEach((index, ts, frame) -> {
            Image gray = Frames.shrinkToWidth(frame.toGray(), analysisWidth);
            if (index > 0 && index < count) {
                scores[index] = method == Method.FRAME_DIFFERENCE
                        ? meanAbsDifference(previous[0], gray)
                        : FlowPreview.magnitude(flow.compute(previous[0], gray)).mean();
            }
            previous[0] = gray;
            return true;
        });
        if (count > 1) scores[0] = scores[1];
        return scores;
    }

    /** Mean absolute difference of two same-size 8-bit images, over all samples. */
    public static double meanAbsDifference(Image a, Image b) {
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
            throw new IllegalArgumentException("images differ in size: " + a + " and " + b);
        }
        try (Mat ma = a.toMat(); Mat mb = b.toMat(); Mat diff = new Mat(); Scalar m = mean(diffOf(ma, mb, diff))) {
            double sum = 0;
            for (int c = 0; c < a.channels(); c++) sum += m.get(c);
            return sum / a.channels();
        }
    }

    private static Mat diffOf(Mat a, Mat b, Mat out) {
        absdiff(a, b, out);
        return out;
    }
}
