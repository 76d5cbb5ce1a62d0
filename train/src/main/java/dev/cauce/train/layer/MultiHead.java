package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import dev.cauce.train.Param;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A shared trunk feeding several heads; the output is the heads' outputs side by side, (N, k₁ + k₂
 * + ...), in head order, so a {@link dev.cauce.train.loss.MultiTaskLoss} can split it again. In
 * backward the trunk receives the sum of the heads' input gradients (summed in head order).
 */
public final class MultiHead implements Layer {
    private final String name;
    private final Layer trunk;
    private final List<Layer> heads;
    private int[] widths;
    private int lastN;

    public MultiHead(String name, Layer trunk, List<Layer> heads) {
        if (heads.isEmpty()) throw new IllegalArgumentException(name + ": needs at least one head");
        this.name = name;
        this.trunk = trunk;
        this.heads = List.copyOf(heads);
    }

    public Layer trunk() {
        return trunk;
    }

    public List<Layer> heads() {
        return heads;
    }

    @Override
    public List<Layer> children() {
        List<Layer> all = new ArrayList<>();
        all.add(trunk);
        all.addAll(heads);
        return all;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Param> params() {
        List<Param> all = new ArrayList<>(trunk.params());
        for (Layer h : heads) all.addAll(h.params());
        return all;
    }

    @Override
    public List<Param> buffers() {
        List<Param> all = new ArrayList<>(trunk.buffers());
        for (Layer h : heads) all.addAll(h.buffers());
        return all;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int[] t = trunk.outputShape(inputShape);
        int total = 0;
        for (Layer h : heads) {
            int[] o = h.outputShape(t);
            if (o.length != 1) throw new IllegalArgumentException(name + ": head " + h.name() + " must output a vector, got " + Arrays.toString(o));
            total += o[0];
        }
        return new int[] {total};
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        Tensor h = trunk.forward(x, ctx.child(0));
        int n = x.dim(0);
        List<Tensor> outs = new ArrayList<>();
        widths = new int[heads.size()];
        int total = 0;
        for (int i = 0; i < heads.size(); i++) {
            Tensor o = heads.get(i).forward(h, ctx.child(i + 1));
            outs.add(o);
            widths[i] = o.size() / n;
            total += widths[i];
        }
        float[] y = new float[n * total];
        int col = 0;
        for (int i = 0; i < outs.size(); i++) {
            float[] o = outs.get(i).data();
            for (int r = 0; r < n; r++) System.arraycopy(o, r * widths[i], y, r * total + col, widths[i]);
            col += widths[i];
        }
        lastN = n;
        return Tensor.of(y, n, total);
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (widths == null) throw new IllegalStateException(name + ": backward called before forward");
        int n = lastN;
        int total = gradOutput.size() / n;
        float[] g = gradOutput.data();
        float[] trunkGrad = null;
        int col = 0;
        for (int i = 0; i < heads.size(); i++) {
            float[] gi = new float[n * widths[i]];
            for (int r = 0; r < n; r++) System.arraycopy(g, r * total + col, gi, r * widths[i], widths[i]);
            col += widths[i];
            Tensor dh = heads.get(i).backward(Tensor.of(gi, n, widths[i]), ctx, true);
            if (trunkGrad == null) trunkGrad = dh.data().clone();
            else for (int j = 0; j < trunkGrad.length; j++) trunkGrad[j] += dh.data()[j];
        }
        return trunk.backward(Tensor.of(trunkGrad, n, trunkGrad.length / n), ctx, needInputGrad);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('(').append(trunk).append(" -> ");
        for (int i = 0; i < heads.size(); i++) sb.append(i == 0 ? "" : " | ").append(heads.get(i).name());
        return sb.append(')').toString();
    }
}
