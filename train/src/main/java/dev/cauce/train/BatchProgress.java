package dev.cauce.train;

/**
 * Progress after one training batch, for progress bars and batch-level callbacks.
 *
 * @param epoch            0-based epoch
 * @param batch            0-based batch index within the epoch
 * @param batchesPerEpoch  batches in an epoch when known (given, or counted in an earlier epoch), else -1
 * @param batchSize        samples in this batch
 * @param loss             mean loss of this batch
 * @param step             0-based global update count of this batch
 * @param learningRate     rate used for this update
 */
public record BatchProgress(int epoch, int batch, int batchesPerEpoch, int batchSize, double loss, long step,
                            double learningRate) { }
