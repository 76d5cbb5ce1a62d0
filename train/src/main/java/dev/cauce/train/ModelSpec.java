package dev.cauce.train;

import dev.cauce.core.Rng;
import dev.cauce.train.activation.Activation;
import dev.cauce.train.layer.ActivationLayer;
import dev.cauce.train.layer.BatchNorm;
import dev.cauce.train.layer.Conv2D;
import dev.cauce.train.layer.Dense;
import dev.cauce.train.layer.Dropout;
import dev.cauce.train.layer.Embedding;
import dev.cauce.train.layer.Flatten;
import dev.cauce.train.layer.GlobalAvgPool;
import dev.cauce.train.layer.Layer;
import dev.cauce.train.layer.LayerNorm;
import dev.cauce.train.layer.Pool2D;
import dev.cauce.train.layer.ReLU;
import dev.cauce.train.layer.Residual;
import dev.cauce.train.layer.Sequential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link Sequential} model from a one-line spec such as
 * {@code conv(32,5)-relu-maxpool(2)-conv(64,5)-relu-maxpool(2)-dense(128)-relu-dropout(0.5)-dense(10)}.
 *
 * <p>Layers (names case-insensitive, joined by '-'):
 * {@value #ALLOWED}. Pool strides default to the window; conv stride 1 and padding 0.
 * {@code res(w)} is a residual block: on an image input, conv(w,3,1,1)-relu-conv(w,3,1,1) with a
 * 1x1 conv projection shortcut when the channel count changes; on a vector input,
 * dense(w)-relu-dense(w) with a dense projection when the width changes (identity otherwise).
 * {@code embedding(vocab,dim)} maps token ids (N, T) to (N, T, dim). A dense
 * layer reads all features of its input (no explicit flatten needed); a conv or pool layer needs a
 * (C, H, W) input, and an (H, W) input is read as one channel. Layer i's initial weights come from
 * {@code Rng.seeded(seed).child(i)}.
 *
 * <p>Errors name the token, its position, and what was expected: an unknown name lists the allowed
 * ones (and the closest), a layer whose input shape does not fit says which shape it got.
 */
public final class ModelSpec {
    /** The layers a spec may name, with their arguments, as the errors and {@code cauce train --help} list them. */
    public static final String ALLOWED = "dense(units), conv(filters,kernel[,stride[,padding]]), maxpool(window[,stride]), "
            + "avgpool(window[,stride]), gap, flatten, dropout(rate), batchnorm, layernorm, relu, sigmoid, tanh, "
            + "leakyrelu[(slope)], elu[(alpha)], gelu, gelu_tanh, softplus, res(width), embedding(vocab,dim)";
    private static final List<String> NAMES = List.of("dense", "conv", "maxpool", "avgpool", "gap", "flatten", "dropout",
            "batchnorm", "layernorm", "relu", "sigmoid", "tanh", "leakyrelu", "elu", "gelu", "gelu_tanh", "softplus", "res", "embedding");

    private ModelSpec() {
    }

    /** One parsed token: its name, numeric arguments, 1-based index and character offset. */
    record Token(String name, double[] args, int index, int offset, String text) { }

    /**
     * Builds the model.
     *
     * @param spec       the layer list
     * @param inputShape shape of one input sample, e.g. {784}, {28, 28} or {1, 28, 28}
     * @param init       initializer of dense and conv weights
     * @param seed       keys the initial weights
     * @throws IllegalArgumentException naming the offending token when the spec is invalid
     */
    public static Sequential build(String spec, int[] inputShape, Initializer init, long seed) {
        List<Token> tokens = tokenize(spec);
        Rng root = Rng.seeded(seed);
        List<Layer> layers = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        int[] shape = inputShape.clone();
        for (Token t : tokens) {
            String name = t.name() + counts.merge(t.name(), 1, Integer::sum);
            Layer layer;
            try {
                layer = create(t, name, shape, init, root.child(t.index() - 1));
                shape = layer.outputShape(shape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where(spec, t) + ": " + e.getMessage(), e);
            }
            layers.add(layer);
        }
        return new Sequential("model", layers);
    }

    private static String where(String spec, Token t) {
        return "model spec \"" + spec + "\", layer " + t.index() + " '" + t.text() + "' (character " + (t.offset() + 1) + ")";
    }

    static List<Token> tokenize(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("model spec is empty; expected layers like dense(128)-relu-dense(10)");
        List<Token> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= spec.length(); i++) {
            char ch = i < spec.length() ? spec.charAt(i) : '-';
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            if (depth < 0) throw new IllegalArgumentException("model spec \"" + spec + "\": unbalanced ')' at character " + (i + 1));
            if (ch == '-' && depth == 0) {
                out.add(parseToken(spec, spec.substring(start, i), out.size() + 1, start));
                start = i + 1;
            }
        }
        if (depth != 0) throw new IllegalArgumentException("model spec \"" + spec + "\": missing ')'");
        return out;
    }

    private static Token parseToken(String spec, String raw, int index, int offset) {
        String text = raw.strip();
        String where = "model spec \"" + spec + "\", layer " + index + " '" + text + "' (character " + (offset + 1) + ")";
        if (text.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty layer ("
                    + (offset == 0 ? "a '-' at the start?" : offset >= spec.length() ? "a '-' at the end?" : "two '-' in a row?") + ")");
        }
        String name = text.toLowerCase(Locale.ROOT);
        double[] args = new double[0];
        int open = name.indexOf('(');
        if (open >= 0) {
            if (!name.endsWith(")")) throw new IllegalArgumentException(where + ": text after ')'");
            String inner = name.substring(open + 1, name.length() - 1).strip();
            name = name.substring(0, open).strip();
            if (!inner.isEmpty()) {
                String[] parts = inner.split(",");
                args = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        args[i] = Double.parseDouble(parts[i].strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(where + ": argument " + (i + 1) + " '" + parts[i].strip() + "' is not a number");
                    }
                }
            }
        }
        name = switch (name) {
            case "conv2d" -> "conv";
            case "bn" -> "batchnorm";
            case "ln" -> "layernorm";
            case "globalavgpool" -> "gap";
            case "leaky_relu" -> "leakyrelu";
            default -> name;
        };
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(where + ": unknown layer '" + name + "'" + suggestion(name) + "; allowed: " + ALLOWED);
        }
        return new Token(name, args, index, offset, text);
    }

    private static String suggestion(String name) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String n : NAMES) {
            int d = editDistance(name, n);
            if (d < bestD) {
                bestD = d;
                best = n;
            }
        }
        return bestD <= 2 ? " (did you mean '" + best + "'?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Layer create(Token t, String name, int[] shape, Initializer init, Rng rng) {
        double[] a = t.args();
        return switch (t.name()) {
            case "dense" -> {
                arity(t, 1, 1, "units");
                yield new Dense(name, Math.toIntExact(features(shape)), positiveInt(a[0], "units"), init, rng);
            }
            case "conv" -> {
                arity(t, 2, 4, "filters, kernel[, stride[, padding]]");
                yield new Conv2D(name, image(shape, "conv"), positiveInt(a[0], "filters"), positiveInt(a[1], "kernel"),
                        a.length > 2 ? positiveInt(a[2], "stride") : 1, a.length > 3 ? nonNegativeInt(a[3], "padding") : 0, init, rng);
            }
            case "maxpool", "avgpool" -> {
                arity(t, 1, 2, "window[, stride]");
                int window = positiveInt(a[0], "window");
                yield new Pool2D(name, t.name().equals("maxpool") ? Pool2D.Kind.MAX : Pool2D.Kind.AVG, image(shape, t.name()),
                        window, a.length > 1 ? positiveInt(a[1], "stride") : window);
            }
            case "gap" -> {
                arity(t, 0, 0, "");
                yield new GlobalAvgPool(name, image(shape, "gap"));
            }
            case "flatten" -> {
                arity(t, 0, 0, "");
                yield new Flatten(name);
            }
            case "dropout" -> {
                arity(t, 1, 1, "rate");
                yield new Dropout(name, a[0]);
            }
            case "batchnorm" -> {
                arity(t, 0, 0, "");
                yield new BatchNorm(name, shape.length == 1 ? shape : image(shape, "batchnorm"));
            }
            case "layernorm" -> {
                arity(t, 0, 0, "");
                yield new LayerNorm(name, shape[shape.length - 1]);
            }
            case "relu" -> {
                arity(t, 0, 0, "");
                yield new ReLU(name);
            }
            case "res" -> {
                arity(t, 1, 1, "width");
                yield residual(name, shape, positiveInt(a[0], "width"), init, rng);
            }
            case "embedding" -> {
                arity(t, 2, 2, "vocab, dim");
                yield new Embedding(name, positiveInt(a[0], "vocab"), positiveInt(a[1], "dim"), rng);
            }
            default -> {
                arity(t, 0, t.name().equals("leakyrelu") || t.name().equals("elu") ? 1 : 0, "");
                String f = a.length == 0 ? t.name() : t.name() + "(" + a[0] + ")";
                yield new ActivationLayer(name, Activation.of(f));
            }
        };
    }

    private static Layer residual(String name, int[] shape, int width, Initializer init, Rng rng) {
        if (shape.length >= 2) {
            int[] img = image(shape, "res");
            int[] out = {width, img[1], img[2]};
            Layer body = new Sequential(name + ".body", List.of(
                    new Conv2D(name + ".conv1", img, width, 3, 1, 1, init, rng.child(0)),
                    new ReLU(name + ".relu"),
                    new Conv2D(name + ".conv2", out, width, 3, 1, 1, init, rng.child(1))));
            return img[0] == width ? Residual.identity(name, body)
                    : Residual.projection(name, body, new Conv2D(name + ".proj", img, width, 1, 1, 0, init, rng.child(2)));
        }
        int in = Math.toIntExact(features(shape));
        Layer body = new Sequential(name + ".body", List.of(
                new Dense(name + ".dense1", in, width, init, rng.child(0)),
                new ReLU(name + ".relu"),
                new Dense(name + ".dense2", width, width, init, rng.child(1))));
        return in == width ? Residual.identity(name, body)
                : Residual.projection(name, body, new Dense(name + ".proj", in, width, init, rng.child(2)));
    }

    private static void arity(Token t, int min, int max, String expected) {
        int n = t.args().length;
        if (n < min || n > max) {
            String what = max == 0 ? "takes no arguments" : "takes " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + " argument(s) (" + expected + ")";
            throw new IllegalArgumentException(t.name() + " " + what + ", got " + n);
        }
    }

    private static int positiveInt(double v, String what) {
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) throw new IllegalArgumentException(what + " must be a positive integer, got " + number(v));
        return (int) v;
    }

    private static int nonNegativeInt(double v, String what) {
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) throw new IllegalArgumentException(what + " must be an integer >= 0, got " + number(v));
        return (int) v;
    }

    /** A spec argument as the user wrote it: 0 and -3, not 0.0 and -3.0. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static long features(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    /** (C, H, W) from a rank-3 shape, or (1, H, W) from a rank-2 one. */
    private static int[] image(int[] shape, String layer) {
        if (shape.length == 3) return shape;
        if (shape.length == 2) return new int[] {1, shape[0], shape[1]};
        throw new IllegalArgumentException(layer + " needs an image input (C, H, W) or (H, W), got shape " + Arrays.toString(shape)
                + (shape.length == 1 ? " (flat features: put it before any dense layer, and give the data its image shape)" : ""));
    }
}
