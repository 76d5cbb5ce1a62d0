package dev.cauce.preprocess.image;

/**
 * A 2-D affine map as the 3x3 homogeneous matrix {@code [[m00, m01, m02], [m10, m11, m12], [0, 0, 1]]},
 * mapping a source point {@code (x, y, 1)} to a destination point.
 *
 * <p>Coordinates are continuous pixel coordinates: x to the right, y DOWN, the image covering
 * {@code [0, width] x [0, height]} and the centre of the top-left pixel at (0.5, 0.5). OpenCV's
 * {@code warpAffine} uses the integer grid instead (centre of the top-left pixel at (0, 0));
 * {@link #toIntegerGrid()} converts, so boxes (continuous) and pixels (OpenCV) agree exactly.
 *
 * <p>The factories are the course's matrices. Composition reads left to right in time:
 * {@code a.then(b)} applies {@code a} first, i.e. the matrix product {@code B * A}.
 */
public record Affine(double m00, double m01, double m02, double m10, double m11, double m12) {

    public static final Affine IDENTITY = new Affine(1, 0, 0, 0, 1, 0);

    public Affine {
        for (double v : new double[] {m00, m01, m02, m10, m11, m12}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("affine matrix entries must be finite, got "
                        + java.util.Arrays.toString(new double[] {m00, m01, m02, m10, m11, m12}));
            }
        }
    }

    /** Translation {@code [[1, 0, tx], [0, 1, ty], [0, 0, 1]]}. */
    public static Affine translation(double tx, double ty) {
        return new Affine(1, 0, tx, 0, 1, ty);
    }

    /** Scaling about the origin {@code [[sx, 0, 0], [0, sy, 0], [0, 0, 1]]}. */
    public static Affine scaling(double sx, double sy) {
        return new Affine(sx, 0, 0, 0, sy, 0);
    }

    /**
     * Rotation about the origin by {@code radians}, the textbook matrix
     * {@code [[cos, -sin, 0], [sin, cos, 0], [0, 0, 1]]}. Because y points down, a positive angle
     * turns the picture CLOCKWISE on screen; {@link ImageOps#rotate} takes counter-clockwise degrees.
     */
    public static Affine rotation(double radians) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        // exact zeros at multiples of 90 degrees so quarter turns map boxes to exact rectangles
        if (Math.abs(c) < 1e-15) c = 0;
        if (Math.abs(s) < 1e-15) s = 0;
        return new Affine(c, -s, 0, s, c, 0);
    }

    /** Shear {@code [[1, kx, 0], [ky, 1, 0], [0, 0, 1]]}: x += kx * y, y += ky * x (k = tan of the shear angle). */
    public static Affine shear(double kx, double ky) {
        return new Affine(1, kx, 0, ky, 1, 0);
    }

    /** Horizontal flip of an image {@code width} wide: {@code [[-1, 0, width], [0, 1, 0], [0, 0, 1]]}. */
    public static Affine horizontalFlip(double width) {
        return new Affine(-1, 0, width, 0, 1, 0);
    }

    /** Vertical flip of an image {@code height} tall: {@code [[1, 0, 0], [0, -1, height], [0, 0, 1]]}. */
    public static Affine verticalFlip(double height) {
        return new Affine(1, 0, 0, 0, -1, height);
    }

    /** This map performed about the point (cx, cy) instead of the origin: {@code T(c) * M * T(-c)}. */
    public Affine about(double cx, double cy) {
        return translation(-cx, -cy).then(this).then(translation(cx, cy));
    }

    /** This map, then {@code next}: the matrix product {@code next * this}. */
    public Affine then(Affine next) {
        return new Affine(
                next.m00 * m00 + next.m01 * m10, next.m00 * m01 + next.m01 * m11, next.m00 * m02 + next.m01 * m12 + next.m02,
                next.m10 * m00 + next.m11 * m10, next.m10 * m01 + next.m11 * m11, next.m10 * m02 + next.m11 * m12 + next.m12);
    }

    /** The inverse map. */
    public Affine inverse() {
        double det = m00 * m11 - m01 * m10;
        if (Math.abs(det) < 1e-12) throw new IllegalArgumentException("affine matrix is singular (determinant " + det + ")");
        double i00 = m11 / det, i01 = -m01 / det, i10 = -m10 / det, i11 = m00 / det;
        return new Affine(i00, i01, -(i00 * m02 + i01 * m12), i10, i11, -(i10 * m02 + i11 * m12));
    }

    /** x of the image of (x, y). */
    public double mapX(double x, double y) {
        return m00 * x + m01 * y + m02;
    }

    /** y of the image of (x, y). */
    public double mapY(double x, double y) {
        return m10 * x + m11 * y + m12;
    }

    /** The same map on OpenCV's integer pixel grid: {@code T(-0.5) * M * T(0.5)}. */
    public Affine toIntegerGrid() {
        return translation(0.5, 0.5).then(this).then(translation(-0.5, -0.5));
    }

    /** Whether this is the identity map. */
    public boolean isIdentity() {
        return equals(IDENTITY);
    }

    /** Row-major 2x3 entries. */
    public double[] toArray() {
        return new double[] {m00, m01, m02, m10, m11, m12};
    }
}
