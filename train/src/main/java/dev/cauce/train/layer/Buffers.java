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
 * <p>Only when the context allows it ({@link Context#reuseOutputs()}: training, and the trainer's
 * own evaluation, which reads each output before the next forward): an ordinary inference output
 * goes to a caller that may keep it (predictions, ensembles), so it always gets a fresh array. A
 * reused array has stale contents; the layer must overwrite (or clear) every element.
 *
 * <p>Each slot is sized exactly (a {@code Tensor} needs that) and keeps the arrays of the two
 * latest sizes: an epoch alternates full batches with one smaller last batch, and with one array
 * per slot that last batch and the next epoch's first reallocated every buffer, twice per epoch
 * (~100 MB on the MNIST CNN, promoted to the old generation and never collected there).
 */
final class Buffers {
    private final float[][] slots;
    /** The array of the other (less recently used) size per slot, or null. */
    private final float[][] spare;

    Buffers(int count) {
        slots = new float[count][];
        spare = new float[count][];
    }

    /** An array of {@code size} floats for {@code slot}: reused when the context allows, fresh (zeroed) otherwise. */
    float[] get(int slot, int size, Context ctx) {
        if (!ctx.reuseOutputs()) return new float[size];
        float[] b = slots[slot];
        if (b != null && b.length == size) return b;
        float[] s = spare[slot];
        spare[slot] = b;
        slots[slot] = s != null && s.length == size ? s : new float[size];
        return slots[slot];
    }

    /** Whether arrays from {@link #get} may hold stale values (so accumulating code must clear them first). */
    static boolean stale(Context ctx) {
        return ctx.reuseOutputs();
    }
}
