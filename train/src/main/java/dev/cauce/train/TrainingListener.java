package dev.cauce.train;

/**
 * Hooks the {@link Trainer} calls around epochs and batches (Keras-style callbacks). Every method
 * has a no-op default; implement only what you need. Listeners run on the training thread, in the
 * order they were added.
 */
public interface TrainingListener {
    /** Before the first batch of {@code epoch} (0-based) of {@code epochs}. */
    default void onEpochStart(int epoch, int epochs) {
    }

    /** Before batch {@code batch} of {@code epoch} is trained on. */
    default void onBatchStart(int epoch, int batch) {
    }

    /** After the optimizer step of a batch. */
    default void onBatchEnd(BatchProgress progress) {
    }

    /** After an epoch (and its validation, if any). */
    default void onEpochEnd(EpochStats stats) {
    }

    /** After the last epoch, or after an early stop (not after an exception). */
    default void onTrainEnd(Trainer.History history) {
    }

    /** Asked after every epoch: true stops training (e.g. early stopping). */
    default boolean stopRequested() {
        return false;
    }
}
