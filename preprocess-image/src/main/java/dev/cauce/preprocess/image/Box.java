package dev.cauce.preprocess.image;

/**
 * An axis-aligned box in xyxy form and continuous pixel coordinates (the image covers
 * [0, W] x [0, H]; pixel (i, j) is the unit square [i, i+1] x [j, j+1]), with a class label.
 */
public record Box(double x1, double y1, double x2, double y2, int label) {
    public Box {
        if (!(x2 >= x1) || !(y2 >= y1)) {
            throw new IllegalArgumentException("box needs x1 <= x2 and y1 <= y2 (finite), got [" + x1 + ", " + y1 + ", " + x2 + ", " + y2 + "]");
        }
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }
}
