package dev.cauce.train.activation;

/**
 * Leaky ReLU: x for x &gt; 0, slope·x otherwise; derivative 1 or slope (slope at x = 0, as
 * PyTorch). A small slope (PyTorch's default 0.01) keeps a gradient flowing through negative units.
 */
public record LeakyRelu(double slope) implements Activation {
    public LeakyRelu {
        if (!(slope >= 0 && slope < 1)) throw new IllegalArgumentException("slope must be in [0, 1), got " + slope);
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : slope * x;
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : slope;
    }

    @Override
    public String spec() {
        return "leakyrelu(" + slope + ")";
    }

    @Override
    public void forward(float[] in, float[] out) {
        if (in.length != out.length) Activation.super.forward(in, out);
        float s = (float) slope;
        for (int i = 0; i < in.length; i++) out[i] = in[i] > 0 ? in[i] : s * in[i];
    }

    @Override
    public void backward(float[] in, float[] gradOut, float[] gradIn) {
        if (in.length != gradOut.length || in.length != gradIn.length) Activation.super.backward(in, gradOut, gradIn);
        float s = (float) slope;
        for (int i = 0; i < in.length; i++) gradIn[i] = in[i] > 0 ? gradOut[i] : s * gradOut[i];
    }
}
