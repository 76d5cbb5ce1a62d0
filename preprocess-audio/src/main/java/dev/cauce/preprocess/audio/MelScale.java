package dev.cauce.preprocess.audio;

/** The Hz to mel mappings torchaudio and librosa offer. */
public enum MelScale {
    /** HTK: {@code 2595 log10(1 + f/700)} (torchaudio's default). */
    HTK {
        @Override public double toMel(double hz) { return 2595.0 * Math.log10(1.0 + hz / 700.0); }
        @Override public double toHz(double mel) { return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0); }
    },
    /** Slaney (Auditory Toolbox; librosa's default): linear below 1 kHz, logarithmic above. */
    SLANEY {
        private static final double F_SP = 200.0 / 3;
        private static final double MIN_LOG_HZ = 1000.0;
        private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
        private static final double LOGSTEP = 0.06875177742094912; // ln(6.4) / 27

        @Override public double toMel(double hz) {
            return hz < MIN_LOG_HZ ? hz / F_SP : MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP;
        }

        @Override public double toHz(double mel) {
            return mel < MIN_LOG_MEL ? mel * F_SP : MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL));
        }
    };

    public abstract double toMel(double hz);

    public abstract double toHz(double mel);
}
