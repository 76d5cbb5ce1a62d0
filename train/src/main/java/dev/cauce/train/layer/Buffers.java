package dev.cauce.train.layer;

/**
 * Output and gradient arrays a layer reuses from one training batch to the next.
 *
 * <p>Why: a training step is forward then backward over one batch, and the next batch starts only
 * when that step is done, so the previous batch's activations and gradients are dead by then.
 * Allocating them afresh made 10-60 MB of garbage per batch on the MNIST CNN; the young
 * collections copied the live half of it into the old generation, which the serial collector grew
 * (to 1.5 GB after three epochs) instead of collecting it.
 *
 * <p>Only in training mode: an inference output goes to a caller that may keep it (predictions,
 * ensembles), so inference always gets a fresh array. A reused array has stale contents; the layer
 * must overwrite (or clear) every element. Each slot is sized exactly (a {@code Tensor} needs that),
 * so a smaller last batch reallocates it once.
 */
final class Buffers {
    private final float[][] slots;

    Buffers(int count) {
        slots = new float[count][];
    }

    /** An array of {@code size} floats for {@code slot}: reused in training, fresh (zeroed) otherwise. */
    float[] get(int slot, int size, Context ctx) {
        if (!ctx.training()) return new float[size];
        float[] b = slots[slot];
        if (b == null || b.length != size) slots[slot] = b = new float[size];
        return b;
    }

    /** Whether arrays from {@link #get} may hold stale values (so accumulating code must clear them first). */
    static boolean stale(Context ctx) {
        return ctx.training();
    }
}
