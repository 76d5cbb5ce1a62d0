package dev.cauce.train;

/** Thrown when a batch's loss is NaN or infinite; names the epoch and batch (both 1-based in the message). */
public final class TrainingDivergedException extends RuntimeException {
    private final int epoch;
    private final int batch;

    public TrainingDivergedException(int epoch, int batch, double loss) {
        super("training diverged: loss is " + loss + " at epoch " + (epoch + 1) + ", batch " + (batch + 1)
                + " (try a lower learning rate or gradient clipping)");
        this.epoch = epoch;
        this.batch = batch;
    }

    /** 0-based epoch. */
    public int epoch() {
        return epoch;
    }

    /** 0-based batch within the epoch. */
    public int batch() {
        return batch;
    }
}
