package dev.cauce.preprocess.video;

import dev.cauce.core.Tensor;
import dev.cauce.preprocess.image.Image;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.cartToPolar;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HSV2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Pictures of a flow field on the usual colour wheel: hue is the direction of motion (red to the
 * right, then through yellow-green downwards, as OpenCV measures angles with y pointing down), full
 * saturation, and brightness is the speed, black for still pixels.
 */
public final class FlowPreview {
    private FlowPreview() { }

    /** Statistics of a flow field's magnitudes. */
    public record Magnitude(double mean, double max) { }

    /** Mean and maximum displacement length over a (2, H, W) flow. */
    public static Magnitude magnitude(Tensor flow) {
        float[] d = checkFlow(flow).data();
        int plane = d.length / 2;
        double sum = 0;
        double max = 0;
        for (int i = 0; i < plane; i++) {
            double m = Math.hypot(d[i], d[plane + i]);
            sum += m;
            max = Math.max(max, m);
        }
        return new Magnitude(plane == 0 ? 0 : sum / plane, max);
    }

    /** The colour wheel picture, brightness scaled so the fastest pixel is fully bright. */
    public static Image colourWheel(Tensor flow) {
        return colourWheel(flow, magnitude(flow).max());
    }

    /**
     * The colour wheel picture with brightness {@code min(1, |flow| / maxMagnitude)}; a fixed
     * {@code maxMagnitude} makes pictures of different frame pairs comparable.
     */
    public static Image colourWheel(Tensor flow, double maxMagnitude) {
        checkFlow(flow);
        if (!(maxMagnitude >= 0) || Double.isInfinite(maxMagnitude)) {
            throw new IllegalArgumentException("maxMagnitude must be finite and >= 0, got " + maxMagnitude);
        }
        int h = flow.dim(1);
        int w = flow.dim(2);
        int plane = h * w;
        float[] d = flow.data();
        float[] mag = new float[plane];
        float[] ang = new float[plane];
        try (FloatPointer px = new FloatPointer(plane); FloatPointer py = new FloatPointer(plane);
             Mat dx = new Mat(h, w, CV_32F, px); Mat dy = new Mat(h, w, CV_32F, py);
             Mat m = new Mat(); Mat a = new Mat()) {
            px.put(d, 0, plane);
            py.put(d, plane, plane);
            cartToPolar(dx, dy, m, a, true);
            ((FloatBuffer) m.createBuffer()).get(mag);
            ((FloatBuffer) a.createBuffer()).get(ang);
        }
        double scale = maxMagnitude > 0 ? 255.0 / maxMagnitude : 0;
        byte[] hsv = new byte[plane * 3];
        for (int i = 0; i < plane; i++) {
            hsv[3 * i] = (byte) ((int) (ang[i] / 2) % 180); // OpenCV 8-bit hue runs 0..179 (degrees / 2)
            hsv[3 * i + 1] = (byte) 255;
            hsv[3 * i + 2] = (byte) Math.min(255, (int) Math.round(mag[i] * scale));
        }
        Image hsvImage = Image.ofBytes(w, h, 3, hsv);
        try (Mat src = hsvImage.toMat(); Mat dst = new Mat()) {
            cvtColor(src, dst, COLOR_HSV2RGB);
            return Image.fromMat(dst);
        }
    }

    private static Tensor checkFlow(Tensor flow) {
        if (flow.rank() != 3 || flow.dim(0) != 2) {
            throw new IllegalArgumentException("flow must have shape (2, H, W), got " + java.util.Arrays.toString(flow.shape()));
        }
        return flow;
    }
}
