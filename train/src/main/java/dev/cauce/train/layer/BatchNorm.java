package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import dev.cauce.train.Param;
import java.util.Arrays;
import java.util.List;

/**
 * Batch normalization (Ioffe and Szegedy, 2015) over dense inputs (N, C) or conv inputs
 * (N, C, H, W), with PyTorch's conventions:
 * <ul>
 *   <li>training: per channel c, mean μ and <b>biased</b> variance σ² over the m = N (dense) or
 *       N·H·W (conv) values; {@code y = γ·(x − μ)/sqrt(σ² + ε) + β};</li>
 *   <li>running statistics: {@code running = (1 − momentum)·running + momentum·batch}, with the
 *       <b>unbiased</b> variance σ²·m/(m − 1) in running_var (momentum 0.1 = weight of the new
 *       value; start: mean 0, var 1);</li>
 *   <li>inference: the running statistics replace the batch ones.</li>
 * </ul>
 * Backward (training): with x̂ the normalized input,
 * {@code dγ = Σ dy·x̂}, {@code dβ = Σ dy},
 * {@code dx = γ/(m·sqrt(σ² + ε))·(m·dy − dβ − x̂·dγ)}. Sums run in double in a fixed order.
 */
public final class BatchNorm implements Layer {
    private final String name;
    private final int channels;
    private final int plane;
    private final double eps;
    private final double momentum;
    private final Param gamma;
    private final Param beta;
    private final Param runningMean;
    private final Param runningVar;
    private float[] xhat;
    private double[] invStd;
    private boolean lastTraining;
    private int[] lastShape;
    /** Batches averaged so far in cumulative mode, or -1 for the usual exponential (momentum) average. */
    private long cumulative = -1;

    /** With ε = 1e-5 and momentum 0.1 (PyTorch's defaults). */
    public BatchNorm(String name, int[] inputShape) {
        this(name, inputShape, 1e-5, 0.1);
    }

    /**
     * @param inputShape (C) for dense inputs or (C, H, W) for conv inputs
     * @param momentum   weight of the new batch statistic in the running average, in (0, 1]
     */
    public BatchNorm(String name, int[] inputShape, double eps, double momentum) {
        if (inputShape.length != 1 && inputShape.length != 3) {
            throw new IllegalArgumentException(name + ": needs an input of shape (C) or (C, H, W), got " + Arrays.toString(inputShape));
        }
        if (!(eps > 0)) throw new IllegalArgumentException(name + ": eps must be > 0, got " + eps);
        if (!(momentum > 0 && momentum <= 1)) throw new IllegalArgumentException(name + ": momentum must be in (0, 1], got " + momentum);
        this.name = name;
        this.channels = inputShape[0];
        this.plane = inputShape.length == 3 ? inputShape[1] * inputShape[2] : 1;
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = new Param(name + ".weight", false, channels);
        this.beta = new Param(name + ".bias", false, channels);
        this.runningMean = new Param(name + ".running_mean", false, channels);
        this.runningVar = new Param(name + ".running_var", false, channels);
        Arrays.fill(gamma.value, 1f);
        Arrays.fill(runningVar.value, 1f);
    }

    public Param gamma() {
        return gamma;
    }

    public Param beta() {
        return beta;
    }

    public Param runningMean() {
        return runningMean;
    }

    public Param runningVar() {
        return runningVar;
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
    public List<Param> buffers() {
        return List.of(runningMean, runningVar);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length == 0 || inputShape[0] != channels || Shapes.size(inputShape) != (long) channels * plane) {
            throw new IllegalArgumentException(name + ": expects " + channels + " channels of " + plane + " values, got "
                    + Arrays.toString(inputShape));
        }
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        int n = Shapes.batch(name, x, new int[] {channels, plane});
        lastShape = x.shape();
        lastTraining = ctx.training();
        float[] in = x.data();
        float[] y = new float[in.length];
        if (xhat == null || xhat.length != in.length) xhat = new float[in.length];
        if (invStd == null) invStd = new double[channels];
        long m = (long) n * plane;
        for (int c = 0; c < channels; c++) {
            double mean;
            double var;
            if (ctx.training()) {
                double s = 0;
                for (int i = 0; i < n; i++) for (int p = 0; p < plane; p++) s += in[(i * channels + c) * plane + p];
                mean = s / m;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    for (int p = 0; p < plane; p++) {
                        double d = in[(i * channels + c) * plane + p] - mean;
                        ss += d * d;
                    }
                }
                var = ss / m;
                double unbiased = m > 1 ? var * m / (m - 1) : var;
                // cumulative mode: equal weight 1/(k+1) for batch k (PyTorch's momentum=None)
                double w = cumulative >= 0 ? 1.0 / (cumulative + 1) : momentum;
                runningMean.value[c] = (float) ((1 - w) * runningMean.value[c] + w * mean);
                runningVar.value[c] = (float) ((1 - w) * runningVar.value[c] + w * unbiased);
            } else {
                mean = runningMean.value[c];
                var = runningVar.value[c];
            }
            double inv = 1 / Math.sqrt(var + eps);
            invStd[c] = inv;
            double g = gamma.value[c];
            double b = beta.value[c];
            for (int i = 0; i < n; i++) {
                int base = (i * channels + c) * plane;
                for (int p = 0; p < plane; p++) {
                    double h = (in[base + p] - mean) * inv;
                    xhat[base + p] = (float) h;
                    y[base + p] = (float) (g * h + b);
                }
            }
        }
        if (ctx.training() && cumulative >= 0) cumulative++;
        return Tensor.of(y, lastShape);
    }

    /**
     * Resets the running statistics and switches to a cumulative (equal-weight) average of the
     * batches that follow, as {@code torch.optim.swa_utils.update_bn} does after weight averaging;
     * {@link #endCumulativeAverage()} returns to the momentum average.
     */
    public void startCumulativeAverage() {
        java.util.Arrays.fill(runningMean.value, 0f);
        java.util.Arrays.fill(runningVar.value, 1f);
        cumulative = 0;
    }

    public void endCumulativeAverage() {
        cumulative = -1;
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (lastShape == null) throw new IllegalStateException(name + ": backward called before forward");
        float[] dy = gradOutput.data();
        int n = lastShape[0];
        long m = (long) n * plane;
        float[] dx = needInputGrad ? new float[dy.length] : null;
        for (int c = 0; c < channels; c++) {
            double dg = 0;
            double db = 0;
            for (int i = 0; i < n; i++) {
                int base = (i * channels + c) * plane;
                for (int p = 0; p < plane; p++) {
                    dg += (double) dy[base + p] * xhat[base + p];
                    db += dy[base + p];
                }
            }
            gamma.grad[c] += (float) dg;
            beta.grad[c] += (float) db;
            if (dx == null) continue;
            double g = gamma.value[c] * invStd[c];
            for (int i = 0; i < n; i++) {
                int base = (i * channels + c) * plane;
                for (int p = 0; p < plane; p++) {
                    // in inference mode the statistics are constants: dx = γ·dy/sqrt(var + ε)
                    dx[base + p] = (float) (lastTraining ? g / m * (m * dy[base + p] - db - xhat[base + p] * dg) : g * dy[base + p]);
                }
            }
        }
        return dx == null ? null : Tensor.of(dx, lastShape);
    }
}
