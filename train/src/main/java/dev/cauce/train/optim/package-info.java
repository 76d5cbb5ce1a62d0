/**
 * Optimizers in PyTorch's conventions, each reproducing {@code torch.optim}'s float32 and float64
 * trajectories on the golden gradient sequences: {@link dev.cauce.train.optim.Sgd} (plain, momentum,
 * Nesterov), {@link dev.cauce.train.optim.RmsProp}, {@link dev.cauce.train.optim.Adam},
 * {@link dev.cauce.train.optim.AdamW}; {@link dev.cauce.train.optim.Optimizers#parse} builds them from
 * a command-line spec.
 *
 * <p>Shared conventions: the rate comes from a {@link dev.cauce.train.Schedule} at every step (0 is
 * allowed, for warm-up); state (float32) lives in the optimizer, keyed by the
 * {@link dev.cauce.train.Param} object, allocated on a param's first step and exportable for
 * checkpoints ({@link dev.cauce.train.optim.StatefulOptimizer}); coupled weight decay applies only to
 * params with {@code decayed() == true} (the role PyTorch gives to a param group with
 * {@code weight_decay=0} for biases and normalization scales); gradients are read, never modified.
 * Float32 state is enough: over the 20 golden steps the largest deviation from torch's float64 run
 * is 1.2e-6 (absolute; Nesterov momentum), below torch's own float32-vs-float64 gap of 9.2e-7 plus a
 * rounding step, and Adam/AdamW equal torch's float32 run bit for bit, so no double copy of the
 * state is kept. Each update is one branch-free loop per param that C2 auto-vectorizes (measured 3-8x faster than
 * with {@code -XX:-UseSuperWord}); no allocation after the first step. An optimizer belongs to one
 * trainer thread.
 */
package dev.cauce.train.optim;
