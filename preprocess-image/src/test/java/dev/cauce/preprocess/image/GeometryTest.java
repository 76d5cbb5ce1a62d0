package dev.cauce.preprocess.image;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeometryTest {

    private static final Image FRUITS = ImageCodec.decode(ImageTest.resource("fruits.jpg"), "fruits.jpg");

    @Test
    void matricesAreTheCourseFormulas() {
        double t = Math.toRadians(30);
        assertArrayEquals(new double[] {1, 0, 4, 0, 1, -2}, Affine.translation(4, -2).toArray());
        assertArrayEquals(new double[] {2, 0, 0, 0, 0.5, 0}, Affine.scaling(2, 0.5).toArray());
        assertArrayEquals(new double[] {Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0}, Affine.rotation(t).toArray());
        assertArrayEquals(new double[] {1, 0.3, 0, -0.2, 1, 0}, Affine.shear(0.3, -0.2).toArray());
        assertArrayEquals(new double[] {-1, 0, 7, 0, 1, 0}, Affine.horizontalFlip(7).toArray());
        assertArrayEquals(new double[] {1, 0, 0, 0, -1, 5}, Affine.verticalFlip(5).toArray());
        // composition is the matrix product, later map on the left
        Affine composed = Affine.scaling(2, 3).then(Affine.translation(1, 1));
        assertArrayEquals(new double[] {2, 0, 1, 0, 3, 1}, composed.toArray());
        Affine a = Affine.rotation(0.4).then(Affine.shear(0.1, 0.2)).then(Affine.translation(3, -7));
        Affine id = a.then(a.inverse());
        double[] g = id.toArray();
        double[] e = Affine.IDENTITY.toArray();
        for (int i = 0; i < 6; i++) assertEquals(e[i], g[i], 1e-12);
    }

    @Test
    void flipTwiceIsExactlyTheIdentity() {
        assertEquals(FRUITS, ImageOps.horizontalFlip(ImageOps.horizontalFlip(FRUITS)));
        assertEquals(FRUITS, ImageOps.verticalFlip(ImageOps.verticalFlip(FRUITS)));
        Affine twice = Affine.horizontalFlip(FRUITS.width()).then(Affine.horizontalFlip(FRUITS.width()));
        assertTrue(twice.isIdentity());
        assertEquals(FRUITS, ImageOps.warpAffine(FRUITS, twice, FRUITS.width(), FRUITS.height(),
                Interpolation.BILINEAR, BorderMode.CONSTANT, 0));
    }

    @Test
    void rotateThenBackRestoresTheInteriorWithinTwoLevels() {
        // Two resamplings cannot keep detail near the Nyquist limit (JPEG edges), so the photo is
        // first band-limited (AREA down by 4, BICUBIC back up): a real but smooth image.
        Image smooth = ImageOps.resize(ImageOps.resize(FRUITS, 128, 120, Interpolation.AREA), 512, 480, Interpolation.BICUBIC);
        double[] st = roundTripStats(smooth);
        assertTrue(st[0] < 0.5, "mean abs diff " + st[0]);
        assertTrue(st[1] < 0.001, "fraction of interior samples off by more than 2 levels: " + st[1]);
        // on the raw photo the mean error is still below one level
        assertTrue(roundTripStats(FRUITS)[0] < 1.0);
        // a square image turned by a quarter and back with bilinear is exact
        Image square = ImageOps.centerCrop(FRUITS, 480, 480);
        Image sq = ImageOps.rotate(ImageOps.rotate(square, 90, Interpolation.BILINEAR, BorderMode.CONSTANT, 0),
                -90, Interpolation.BILINEAR, BorderMode.CONSTANT, 0);
        assertEquals(square, sq);
    }

    /** {mean abs diff, fraction > 2 levels} over a centred disc after rotating by 17 degrees and back (bicubic). */
    private static double[] roundTripStats(Image src) {
        Image back = ImageOps.rotate(ImageOps.rotate(src, 17, Interpolation.BICUBIC, BorderMode.REFLECT, 0),
                -17, Interpolation.BICUBIC, BorderMode.REFLECT, 0);
        double cx = src.width() / 2.0, cy = src.height() / 2.0, r = 0.3 * Math.min(src.width(), src.height());
        long sum = 0, n = 0, over = 0;
        for (int y = 0; y < src.height(); y++) {
            for (int x = 0; x < src.width(); x++) {
                if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > r) continue;
                for (int c = 0; c < src.channels(); c++) {
                    int d = (int) Math.abs(src.get(y, x, c) - back.get(y, x, c));
                    sum += d;
                    n++;
                    if (d > 2) over++;
                }
            }
        }
        return new double[] {(double) sum / n, (double) over / n};
    }

    @Test
    void outputSizesArePureFunctionsOfInputSizeAndParameters() {
        Image small = ImageOps.resize(FRUITS, 101, 67, Interpolation.AREA);
        assertEquals(List.of(101, 67), List.of(small.width(), small.height()));
        Image s = ImageOps.resizeShortestSide(FRUITS, 100, Interpolation.BILINEAR);
        assertArrayEquals(ImageOps.shortestSideSize(512, 480, 100), new int[] {s.width(), s.height()});
        assertArrayEquals(new int[] {107, 100}, new int[] {s.width(), s.height()});
        Image l = ImageOps.resizeLongestSide(FRUITS, 100, Interpolation.BILINEAR);
        assertArrayEquals(new int[] {100, 94}, new int[] {l.width(), l.height()});
        Image cc = ImageOps.resizeAndCenterCrop(FRUITS, 64, 32, Interpolation.AREA);
        assertArrayEquals(new int[] {64, 32}, new int[] {cc.width(), cc.height()});
        Image lb = ImageOps.letterbox(FRUITS, 64, 32, Interpolation.AREA, 114);
        assertArrayEquals(new int[] {64, 32}, new int[] {lb.width(), lb.height()});
        // letterbox: the fruits (512x480) shrink to 34x32 and sit centred; columns 0..14 are fill
        assertEquals(114.0, lb.get(16, 0, 0));
        assertEquals(114.0, lb.get(16, 63, 2));
        Image p = ImageOps.pad(FRUITS, 1, 2, 3, 4, BorderMode.REPLICATE, 0);
        assertArrayEquals(new int[] {519, 483}, new int[] {p.width(), p.height()});
        Image r = ImageOps.rotate90(FRUITS, 1);
        assertArrayEquals(new int[] {480, 512}, new int[] {r.width(), r.height()});
        Image rc = ImageOps.resizedCrop(FRUITS, 10, 20, 100, 50, 32, 16, Interpolation.BILINEAR);
        assertArrayEquals(new int[] {32, 16}, new int[] {rc.width(), rc.height()});
    }

    @Test
    void horizontalFlipOfBoxOnThreePixelWideImage() {
        Boxes boxes = new Boxes(List.of(new Box(0, 0, 2, 2, 1)));
        Boxes flipped = boxes.map(Affine.horizontalFlip(3), 3, 3);
        assertEquals(List.of(new Box(1, 0, 3, 2, 1)), flipped.boxes());
        // and the pixels agree: a 2x2 white block at the top-left moves to columns 1..2
        byte[] px = new byte[9];
        px[0] = px[1] = px[3] = px[4] = (byte) 255;
        Image img = Image.ofBytes(3, 3, 1, px);
        Image warped = ImageOps.warpAffine(img, Affine.horizontalFlip(3), 3, 3, Interpolation.BILINEAR, BorderMode.CONSTANT, 0);
        assertArrayEquals(new byte[] {0, (byte) 255, (byte) 255, 0, (byte) 255, (byte) 255, 0, 0, 0}, warped.toBytes());
    }

    @Test
    void quarterTurnOnNonSquareImageMapsBoxesToExactlyRotatedRectangles() {
        int w = 8, h = 5;
        Box b = new Box(1, 1, 4, 3, 7);
        // exact quarter turn with swapped canvas (CCW): (x, y) -> (y, W - x)
        Boxes out = new Boxes(List.of(b)).map(ImageOps.rotate90Affine(w, h, 1), h, w);
        assertEquals(List.of(new Box(1, 4, 3, 7, 7)), out.boxes());
        // pixels agree with the box: paint the box, rotate the pixels, read the rectangle back
        Image img = paint(w, h, b);
        Image rotated = ImageOps.rotate90(img, 1);
        assertEquals(painted(rotated), out.boxes().getFirst());
        // the same through the general warp (rotation about the centre in a same-size canvas)
        Affine m = ImageOps.rotationAboutCentre(w, h, 90);
        Boxes viaWarp = new Boxes(List.of(b)).map(m, w, h);
        // centre (4, 2.5); a CCW quarter turn maps (x, y) -> (4 + (y - 2.5), 2.5 + (4 - x)):
        // x in [1, 4] -> y in [2.5, 5.5], clipped to the frame's 5
        assertEquals(List.of(new Box(2.5, 2.5, 4.5, 5, 7)), viaWarp.boxes());
        Image warped = ImageOps.warpAffine(paint(8, 6, new Box(2, 2, 5, 4, 7)), ImageOps.rotationAboutCentre(8, 6, 90), 8, 6,
                Interpolation.NEAREST, BorderMode.CONSTANT, 0);
        assertEquals(new Boxes(List.of(new Box(2, 2, 5, 4, 7))).map(ImageOps.rotationAboutCentre(8, 6, 90), 8, 6).boxes().getFirst(),
                painted(warped));
    }

    @Test
    void boxPushedOutOfFrameIsDropped() {
        Boxes boxes = new Boxes(List.of(new Box(0, 0, 10, 10, 0), new Box(50, 50, 60, 60, 1)));
        Boxes moved = boxes.map(Affine.translation(-20, 0), 100, 100);
        assertEquals(List.of(new Box(30, 50, 40, 60, 1)), moved.boxes());
        // partly out: clipped, never negative
        Boxes partly = boxes.map(Affine.translation(-5, 0), 100, 100);
        assertEquals(new Box(0, 0, 5, 10, 0), partly.boxes().getFirst());
        // visibility threshold: half visible is dropped at 0.6, kept at 0.4
        assertEquals(1, new Boxes(boxes.boxes(), 0.6).map(Affine.translation(-5, 0), 100, 100).boxes().size());
        assertEquals(2, new Boxes(boxes.boxes(), 0.4).map(Affine.translation(-5, 0), 100, 100).boxes().size());
    }

    @Test
    void masksMoveWithNearestAndUnknownTargetsAreRefused() {
        Image labels = paint(8, 6, new Box(2, 2, 5, 4, 3));
        AnnotatedImage a = new AnnotatedImage(Image.ofBytes(8, 6, 1, new byte[48]), List.of(new Mask(labels),
                new Keypoints(List.of(new Keypoints.Point(2.5, 2.5)))));
        AnnotatedImage f = a.warp(Affine.horizontalFlip(8), 8, 6, Interpolation.BILINEAR, BorderMode.CONSTANT, 0);
        assertEquals(ImageOps.horizontalFlip(labels), f.target(Mask.class).labels());
        assertEquals(new Keypoints.Point(5.5, 2.5), f.target(Keypoints.class).points().getFirst());
        Target polygon = () -> "polygon";
        AnnotatedImage withPolygon = new AnnotatedImage(a.image(), List.of(polygon));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withPolygon.warp(Affine.IDENTITY, 8, 6, Interpolation.BILINEAR, BorderMode.CONSTANT, 0));
        assertTrue(e.getMessage().contains("polygon"), e.getMessage());
    }

    /** A 1-channel image with 255 inside the box (box corners on integer coordinates). */
    static Image paint(int w, int h, Box b) {
        byte[] px = new byte[w * h];
        for (int y = (int) b.y1(); y < (int) b.y2(); y++) {
            for (int x = (int) b.x1(); x < (int) b.x2(); x++) px[y * w + x] = (byte) b.label();
        }
        return Image.ofBytes(w, h, 1, px);
    }

    /** The box covering the non-zero pixels, labelled with their value. */
    static Box painted(Image img) {
        int x1 = Integer.MAX_VALUE, y1 = Integer.MAX_VALUE, x2 = -1, y2 = -1, label = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int v = (int) img.get(y, x, 0);
                if (v == 0) continue;
                label = v;
                x1 = Math.min(x1, x);
                y1 = Math.min(y1, y);
                x2 = Math.max(x2, x + 1);
                y2 = Math.max(y2, y + 1);
            }
        }
        return new Box(x1, y1, x2, y2, label);
    }
}
