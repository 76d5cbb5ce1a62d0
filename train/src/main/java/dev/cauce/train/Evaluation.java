package dev.cauce.train;

/**
 * Loss and accuracy of a model over a whole stream.
 *
 * @param loss     mean loss per sample
 * @param accuracy fraction of samples whose arg-max output equals the label
 * @param samples  number of samples seen
 */
public record Evaluation(double loss, double accuracy, long samples) {
    @Override
    public String toString() {
        return String.format("loss %.4f, accuracy %.4f (%d samples)", loss, accuracy, samples);
    }
}
