package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import dev.cauce.core.simd.VectorOps;
import dev.cauce.train.Param;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A residual block {@code y = body(x) + shortcut(x)} (He et al., 2016). The shortcut is the
 * identity when the body keeps the shape, or a projection layer (a Dense or a 1x1 Conv2D) that
 * maps x to the body's output shape. Backward: {@code dx = body'(dy) + shortcut'(dy)}.
 */
public final class Residual implements Layer {
    private final String name;
    private final Layer body;
    private final Layer projection;

    /** Identity shortcut. */
    public static Residual identity(String name, Layer body) {
        return new Residual(name, body, null);
    }

    /** Projection shortcut (the projection must map the input to the body's output shape). */
    public static Residual projection(String name, Layer body, Layer projection) {
        return new Residual(name, body, projection);
    }

    private Residual(String name, Layer body, Layer projection) {
        this.name = name;
        this.body = body;
        this.projection = projection;
    }

    public Layer body() {
        return body;
    }

    @Override
    public List<Layer> children() {
        return projection == null ? List.of(body) : List.of(body, projection);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Param> params() {
        List<Param> all = new ArrayList<>(body.params());
        if (projection != null) all.addAll(projection.params());
        return all;
    }

    @Override
    public List<Param> buffers() {
        List<Param> all = new ArrayList<>(body.buffers());
        if (projection != null) all.addAll(projection.buffers());
        return all;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int[] out = body.outputShape(inputShape);
        int[] side = projection == null ? inputShape : projection.outputShape(inputShape);
        if (Shapes.size(out) != Shapes.size(side)) {
            throw new IllegalArgumentException(name + ": the body outputs " + Arrays.toString(out) + " but the "
                    + (projection == null ? "identity shortcut carries " : "projection outputs ") + Arrays.toString(side)
                    + (projection == null ? "; use a projection shortcut" : ""));
        }
        return out;
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        Tensor y = body.forward(x, ctx.child(0));
        Tensor s = projection == null ? x : projection.forward(x, ctx.child(1));
        if (s.size() != y.size()) throw new IllegalArgumentException(name + ": shortcut has " + s.size() + " values, body " + y.size());
        float[] out = new float[y.size()];
        VectorOps.add(out.length, y.data(), s.data(), out);
        return Tensor.of(out, y.shape());
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        Tensor db = body.backward(gradOutput, ctx, needInputGrad);
        Tensor ds = projection == null ? gradOutput : projection.backward(gradOutput, ctx, needInputGrad);
        if (!needInputGrad) return null;
        float[] dx = new float[db.size()];
        VectorOps.add(dx.length, db.data(), ds.data(), dx);
        return Tensor.of(dx, db.shape());
    }
}
