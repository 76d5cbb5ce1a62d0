package dev.cauce.preprocess.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounding boxes of one image. Under a geometric map each box becomes the axis-aligned hull of
 * its four mapped corners, clipped to the output frame; a box whose clipped area is below
 * {@code minVisibility} times its unclipped mapped area (or is zero) is dropped, never kept with
 * coordinates outside the frame.
 *
 * @param boxes         the boxes
 * @param minVisibility fraction in [0, 1] of a mapped box that must stay inside the frame
 */
public record Boxes(List<Box> boxes, double minVisibility) implements Target {
    public Boxes {
        boxes = List.copyOf(boxes);
        if (!(minVisibility >= 0 && minVisibility <= 1)) {
            throw new IllegalArgumentException("minVisibility must be in [0, 1], got " + minVisibility);
        }
    }

    /** Boxes that are dropped only when entirely outside the frame. */
    public Boxes(List<Box> boxes) {
        this(boxes, 0.0);
    }

    @Override
    public String kind() {
        return "boxes";
    }

    /** The boxes mapped by {@code m} into a {@code width x height} frame, clipped, invisible ones dropped. */
    public Boxes map(Affine m, int width, int height) {
        List<Box> out = new ArrayList<>(boxes.size());
        for (Box b : boxes) {
            double[] xs = {m.mapX(b.x1(), b.y1()), m.mapX(b.x2(), b.y1()), m.mapX(b.x1(), b.y2()), m.mapX(b.x2(), b.y2())};
            double[] ys = {m.mapY(b.x1(), b.y1()), m.mapY(b.x2(), b.y1()), m.mapY(b.x1(), b.y2()), m.mapY(b.x2(), b.y2())};
            double x1 = Math.min(Math.min(xs[0], xs[1]), Math.min(xs[2], xs[3]));
            double x2 = Math.max(Math.max(xs[0], xs[1]), Math.max(xs[2], xs[3]));
            double y1 = Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3]));
            double y2 = Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3]));
            double area = (x2 - x1) * (y2 - y1);
            double cx1 = Math.max(0, x1), cy1 = Math.max(0, y1), cx2 = Math.min(width, x2), cy2 = Math.min(height, y2);
            if (cx2 <= cx1 || cy2 <= cy1) continue;
            double clipped = (cx2 - cx1) * (cy2 - cy1);
            if (area > 0 && clipped < minVisibility * area) continue;
            out.add(new Box(cx1, cy1, cx2, cy2, b.label()));
        }
        return new Boxes(out, minVisibility);
    }
}
