package dev.cauce.preprocess.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Points of one image in continuous pixel coordinates. Mapped points are kept in order even when
 * they leave the frame (so index i still names the same body joint); {@link #visible} tells which
 * are inside.
 */
public record Keypoints(List<Point> points) implements Target {

    /** A point (x, y); the centre of the top-left pixel is (0.5, 0.5). */
    public record Point(double x, double y) {
    }

    public Keypoints {
        points = List.copyOf(points);
    }

    @Override
    public String kind() {
        return "keypoints";
    }

    /** The points mapped by {@code m}. */
    public Keypoints map(Affine m) {
        List<Point> out = new ArrayList<>(points.size());
        for (Point p : points) out.add(new Point(m.mapX(p.x(), p.y()), m.mapY(p.x(), p.y())));
        return new Keypoints(out);
    }

    /** For each point, whether it lies inside a {@code width x height} frame. */
    public boolean[] visible(int width, int height) {
        boolean[] v = new boolean[points.size()];
        for (int i = 0; i < v.length; i++) {
            Point p = points.get(i);
            v[i] = p.x() >= 0 && p.x() <= width && p.y() >= 0 && p.y() <= height;
        }
        return v;
    }
}
