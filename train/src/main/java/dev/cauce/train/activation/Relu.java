package dev.cauce.train.activation;

/** Rectified linear unit, max(0, x); derivative 1 for x &gt; 0, else 0 (0 at x = 0, as PyTorch). */
public record Relu() implements Activation {
    @Override
    public double value(double x) {
        return x > 0 ? x : 0;
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : 0;
    }

    @Override
    public String spec() {
        return "relu";
    }

    // Branch-free float loops so C2 vectorizes them.
    @Override
    public void forward(float[] in, float[] out) {
        if (in.length != out.length) Activation.super.forward(in, out);
        for (int i = 0; i < in.length; i++) out[i] = Math.max(in[i], 0f);
    }

    @Override
    public void backward(float[] in, float[] gradOut, float[] gradIn) {
        if (in.length != gradOut.length || in.length != gradIn.length) Activation.super.backward(in, gradOut, gradIn);
        for (int i = 0; i < in.length; i++) gradIn[i] = in[i] > 0 ? gradOut[i] : 0f;
    }
}
