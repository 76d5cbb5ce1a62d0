package dev.cauce.train.layer;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.train.Initializer;
import dev.cauce.train.Param;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Layers applied one after another; backward runs them in reverse. A {@code Sequential} is itself a layer. */
public final class Sequential implements Layer {
    private final String name;
    private final List<Layer> layers;

    public Sequential(String name, List<Layer> layers) {
        if (layers.isEmpty()) throw new IllegalArgumentException(name + ": needs at least one layer");
        Set<String> names = new HashSet<>();
        for (Layer l : layers) {
            if (!names.add(l.name())) throw new IllegalArgumentException(name + ": two layers are named '" + l.name() + "'");
        }
        this.name = name;
        this.layers = List.copyOf(layers);
    }

    public static Sequential of(Layer... layers) {
        return new Sequential("model", List.of(layers));
    }

    /**
     * A multi-layer perceptron: Dense layers of the given sizes with ReLU between them and none
     * after the last (it outputs logits for a softmax cross-entropy loss). Layer i's weights are
     * drawn from {@code Rng.seeded(seed).child(i)}.
     *
     * @param sizes input size, hidden sizes..., output size, e.g. {@code {784, 256, 128, 10}}
     */
    public static Sequential mlp(int[] sizes, Initializer init, long seed) {
        if (sizes.length < 2) throw new IllegalArgumentException("mlp needs at least an input and an output size, got " + sizes.length + " size(s)");
        Rng root = Rng.seeded(seed);
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(new Dense("dense" + (i + 1), sizes[i], sizes[i + 1], init, root.child(i)));
            if (i + 2 < sizes.length) layers.add(new ReLU("relu" + (i + 1)));
        }
        return new Sequential("mlp", layers);
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public List<Layer> children() {
        return layers;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Param> params() {
        List<Param> all = new ArrayList<>();
        for (Layer l : layers) all.addAll(l.params());
        return all;
    }

    @Override
    public List<Param> buffers() {
        List<Param> all = new ArrayList<>();
        for (Layer l : layers) all.addAll(l.buffers());
        return all;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int[] s = inputShape;
        for (Layer l : layers) s = l.outputShape(s);
        return s;
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        Tensor h = x;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            h = l.forward(h, ctx.child(i));
        }
        return h;
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            boolean need = i > 0 || needInputGrad;
            g = layers.get(i).backward(g, ctx, need);
            if (!need) break;
        }
        return g;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < layers.size(); i++) sb.append(i == 0 ? "" : ", ").append(layers.get(i).name());
        return sb.append(')').toString();
    }
}
