/**
 * Regularization: {@link dev.cauce.train.regularize.L1Penalty} and
 * {@link dev.cauce.train.regularize.L2Penalty} (value and gradient, decayed params only),
 * {@link dev.cauce.train.regularize.DecoupledWeightDecay} around any optimizer (SGDW; AdamW),
 * {@link dev.cauce.train.regularize.GradientClipping} by global norm or by value as
 * {@code torch.nn.utils}, noise injection on weights ({@link dev.cauce.train.regularize.WeightNoise}),
 * on inputs ({@link dev.cauce.train.regularize.GaussianInputNoise}) and on targets
 * ({@link dev.cauce.train.regularize.LabelSmoothing}).
 *
 * <p>Order within one training step: forward, backward, {@code penalty.apply}, clipping, optimizer
 * step (which a {@code DecoupledWeightDecay} wraps). Weight noise brackets forward and backward.
 */
package dev.cauce.train.regularize;
