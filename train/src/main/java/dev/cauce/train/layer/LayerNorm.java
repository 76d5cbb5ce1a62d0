package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import dev.cauce.train.Param;
import java.util.Arrays;
import java.util.List;

/**
 * Layer normalization (Ba et al., 2016) over the last D features of each sample, identical in
 * training and inference: per row, {@code μ = mean(x)}, {@code σ² = mean((x − μ)²)} (biased),
 * {@code y = γ·(x − μ)/sqrt(σ² + ε) + β} (PyTorch's {@code nn.LayerNorm(D)}, ε = 1e-5). A
 * constant row has σ² = 0 and gives y = β.
 *
 * <p>Backward per row: {@code dx = (1/(D·sqrt(σ² + ε)))·(D·ĝ − Σĝ − x̂·Σ(ĝ·x̂))} with
 * {@code ĝ = γ·dy}; {@code dγ += Σ_rows dy·x̂}, {@code dβ += Σ_rows dy}.
 */
public final class LayerNorm implements Layer {
    private final String name;
    private final int d;
    private final double eps;
    private final Param gamma;
    private final Param beta;
    private float[] xhat;
    private double[] invStd;
    private int[] lastShape;

    /** @param features D, the size of the normalized (last) axis */
    public LayerNorm(String name, int features) {
        this(name, features, 1e-5);
    }

    public LayerNorm(String name, int features, double eps) {
        if (features < 1) throw new IllegalArgumentException(name + ": features must be >= 1, got " + features);
        if (!(eps > 0)) throw new IllegalArgumentException(name + ": eps must be > 0, got " + eps);
        this.name = name;
        this.d = features;
        this.eps = eps;
        this.gamma = new Param(name + ".weight", false, features);
        this.beta = new Param(name + ".bias", false, features);
        Arrays.fill(gamma.value, 1f);
    }

    public Param gamma() {
        return gamma;
    }

    public Param beta() {
        return beta;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length == 0 || inputShape[inputShape.length - 1] != d) {
            throw new IllegalArgumentException(name + ": expects a last axis of " + d + " features, got " + Arrays.toString(inputShape));
        }
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        if (x.size() % d != 0 || x.dim(-1) != d) {
            throw new IllegalArgumentException(name + ": expects a last axis of " + d + " features, got " + Arrays.toString(x.shape()));
        }
        lastShape = x.shape();
        int rows = x.size() / d;
        float[] in = x.data();
        float[] y = new float[in.length];
        if (xhat == null || xhat.length != in.length) xhat = new float[in.length];
        if (invStd == null || invStd.length != rows) invStd = new double[rows];
        for (int r = 0; r < rows; r++) {
            int base = r * d;
            double s = 0;
            for (int j = 0; j < d; j++) s += in[base + j];
            double mean = s / d;
            double ss = 0;
            for (int j = 0; j < d; j++) {
                double dv = in[base + j] - mean;
                ss += dv * dv;
            }
            double inv = 1 / Math.sqrt(ss / d + eps);
            invStd[r] = inv;
            for (int j = 0; j < d; j++) {
                double h = (in[base + j] - mean) * inv;
                xhat[base + j] = (float) h;
                y[base + j] = (float) (gamma.value[j] * h + beta.value[j]);
            }
        }
        return Tensor.of(y, lastShape);
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (lastShape == null) throw new IllegalStateException(name + ": backward called before forward");
        float[] dy = gradOutput.data();
        int rows = dy.length / d;
        float[] dx = needInputGrad ? new float[dy.length] : null;
        double[] dg = new double[d];
        double[] db = new double[d];
        for (int r = 0; r < rows; r++) {
            int base = r * d;
            double sumG = 0;
            double sumGx = 0;
            for (int j = 0; j < d; j++) {
                double gy = dy[base + j];
                dg[j] += gy * xhat[base + j];
                db[j] += gy;
                double ghat = gamma.value[j] * gy;
                sumG += ghat;
                sumGx += ghat * xhat[base + j];
            }
            if (dx == null) continue;
            double k = invStd[r] / d;
            for (int j = 0; j < d; j++) {
                double ghat = gamma.value[j] * dy[base + j];
                dx[base + j] = (float) (k * (d * ghat - sumG - xhat[base + j] * sumGx));
            }
        }
        for (int j = 0; j < d; j++) {
            gamma.grad[j] += (float) dg[j];
            beta.grad[j] += (float) db[j];
        }
        return dx == null ? null : Tensor.of(dx, lastShape);
    }
}
