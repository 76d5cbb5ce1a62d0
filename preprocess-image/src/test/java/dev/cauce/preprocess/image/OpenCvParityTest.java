package dev.cauce.preprocess.image;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The operations that work on the pixel arrays themselves (Java flips and crops, OpenCV's HAL
 * called on the arrays) give exactly what the ordinary OpenCV functions give on a Mat, for every
 * channel count, depth and awkward width (vector loops with scalar tails, 1-pixel images).
 */
class OpenCvParityTest {

    /** Crops of a real photo in gray, RGB and RGBA, 8-bit, 16-bit and float, odd and tiny sizes. */
    static List<Image> variants() {
        Image photo = ImageCodec.decode(ImageTest.resource("fruits.jpg"), "fruits.jpg");
        List<Image> out = new ArrayList<>();
        int[][] rects = {{0, 0, 256, 256}, {3, 5, 37, 23}, {100, 40, 1, 1}, {7, 9, 6, 4}, {11, 2, 17, 3}};
        for (int[] r : rects) {
            Image rgb = ImageOps.crop(photo, r[0], r[1], r[2], r[3]);
            Image rgba = viaOpenCv(rgb, m -> cvt(m, opencv_imgproc.COLOR_RGB2RGBA));
            for (Image img : List.of(rgb.toGray(), rgb, rgba)) {
                for (Image.Depth d : Image.Depth.values()) out.add(img.toDepth(d));
            }
        }
        return out;
    }

    static Mat cvt(Mat m, int code) {
        Mat out = new Mat();
        opencv_imgproc.cvtColor(m, out, code);
        return out;
    }

    /** {@code op} applied by OpenCV to a Mat copy of {@code img}. */
    static Image viaOpenCv(Image img, UnaryOperator<Mat> op) {
        try (Mat src = img.toMat(); Mat dst = op.apply(src)) {
            return Image.fromMat(dst);
        }
    }

    @Test
    void flipsEqualCvFlip() {
        for (Image img : variants()) {
            assertEquals(viaOpenCv(img, m -> flip(m, 1)), ImageOps.horizontalFlip(img), "horizontal " + img);
            assertEquals(viaOpenCv(img, m -> flip(m, 0)), ImageOps.verticalFlip(img), "vertical " + img);
        }
    }

    static Mat flip(Mat m, int code) {
        Mat out = new Mat();
        opencv_core.flip(m, out, code);
        return out;
    }

    @Test
    void resizedCropEqualsCvResizeOfRoi() {
        for (Image img : variants()) {
            if (img.width() < 4) continue;
            int x = 1, y = img.height() / 3, w = img.width() - 2, h = Math.max(1, img.height() - y - 1);
            for (Interpolation ip : Interpolation.values()) {
                for (int[] size : new int[][] {{224, 224}, {w / 2 + 1, h + 3}, {w, h}}) {
                    Image expected = viaOpenCv(img, m -> {
                        Mat out = new Mat();
                        try (Rect r = new Rect(x, y, w, h); Mat roi = new Mat(m, r); Size s = new Size(size[0], size[1])) {
                            opencv_imgproc.resize(roi, out, s, 0, 0, ip.cvFlag());
                        }
                        return out;
                    });
                    assertEquals(expected, ImageOps.resizedCrop(img, x, y, w, h, size[0], size[1], ip), ip + " " + img);
                }
            }
        }
    }

    @Test
    void warpEqualsCvWarpAffine() {
        for (Image img : variants()) {
            Affine m = ImageOps.rotationAboutCentre(img.width(), img.height(), 17.5)
                    .then(Affine.shear(0.2, 0)).then(Affine.translation(1.5, -2));
            double[] g = m.toIntegerGrid().toArray();
            for (Interpolation ip : List.of(Interpolation.NEAREST, Interpolation.BILINEAR, Interpolation.BICUBIC)) {
                for (BorderMode border : BorderMode.values()) {
                    Image expected = viaOpenCv(img, src -> {
                        Mat out = new Mat();
                        try (DoublePointer gp = new DoublePointer(g); Mat matrix = new Mat(2, 3, opencv_core.CV_64F, gp); Size s = new Size(img.width() + 3, img.height());
                             Scalar fill = Scalar.all(7)) {
                            opencv_imgproc.warpAffine(src, out, matrix, s, ip.cvFlag(), border.cvFlag(), fill);
                        }
                        return out;
                    });
                    assertEquals(expected, ImageOps.warpAffine(img, m, img.width() + 3, img.height(), ip, border, 7),
                            ip + " " + border + " " + img);
                }
            }
        }
    }

    @Test
    void bgrConversionsEqualCvtColor() {
        for (Image img : variants()) {
            if (img.channels() == 1) continue;
            int toBgr = img.channels() == 3 ? opencv_imgproc.COLOR_RGB2BGR : opencv_imgproc.COLOR_RGBA2BGRA;
            try (Mat bgr = img.toBgrMat(); Mat expected = viaOpenCvMat(img, toBgr)) {
                assertEquals(Image.fromMat(expected), Image.fromMat(bgr), "to BGR " + img);
                assertEquals(img, Image.fromBgrMat(bgr), "from BGR " + img);
            }
            assertEquals(viaOpenCv(img, m -> cvt(m, img.channels() == 3 ? opencv_imgproc.COLOR_RGB2GRAY : opencv_imgproc.COLOR_RGBA2RGB)),
                    img.channels() == 3 ? img.toGray() : img.toRgb(), "channel conversion " + img);
        }
    }

    static Mat viaOpenCvMat(Image img, int code) {
        try (Mat src = img.toMat()) {
            return cvt(src, code);
        }
    }
}
