package dev.cauce.train;

/**
 * What one training epoch did.
 *
 * @param epoch            0-based epoch index
 * @param loss             mean training loss per sample (over the epoch, with the weights as they changed)
 * @param accuracy         training accuracy over the epoch
 * @param samples          samples trained on
 * @param batches          batches trained on
 * @param seconds          wall time of the epoch
 * @param dataWaitSeconds  time blocked waiting for the next batch from the stream
 * @param validation       evaluation on the validation stream after the epoch, or null without one
 */
public record EpochStats(int epoch, double loss, double accuracy, long samples, int batches, double seconds,
                         double dataWaitSeconds, Evaluation validation) {
    /** Training throughput. */
    public double samplesPerSecond() {
        return seconds > 0 ? samples / seconds : 0;
    }

    /** Share of the epoch spent waiting for data (0..1): high values mean the pipeline is the bottleneck. */
    public double dataWaitShare() {
        return seconds > 0 ? dataWaitSeconds / seconds : 0;
    }

    /**
     * A metric by name: {@code loss}, {@code accuracy}, {@code val_loss}, {@code val_accuracy}
     * (the latter two need a validation stream).
     */
    public double metric(String name) {
        return switch (name) {
            case "loss" -> loss;
            case "accuracy" -> accuracy;
            case "val_loss", "val_accuracy" -> {
                if (validation == null) throw new IllegalArgumentException("metric " + name + " needs a validation stream (Trainer.Builder.validation)");
                yield name.equals("val_loss") ? validation.loss() : validation.accuracy();
            }
            default -> throw new IllegalArgumentException("unknown metric '" + name + "'; known: loss, accuracy, val_loss, val_accuracy");
        };
    }

    /** One line for logs, e.g. {@code epoch 3: loss 0.1234, acc 0.9650, 25,000 samples/s, data wait 2%}. */
    public String summary() {
        String s = String.format("epoch %d: loss %.4f, acc %.4f, %,.0f samples/s, data wait %.0f%%",
                epoch + 1, loss, accuracy, samplesPerSecond(), 100 * dataWaitShare());
        if (validation != null) s += String.format(", val loss %.4f, val acc %.4f", validation.loss(), validation.accuracy());
        return s;
    }
}
