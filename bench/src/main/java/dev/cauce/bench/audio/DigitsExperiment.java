package dev.cauce.bench.audio;

import dev.cauce.augment.audio.AddNoise;
import dev.cauce.augment.audio.FrequencyMask;
import dev.cauce.augment.audio.PitchPerturb;
import dev.cauce.augment.audio.RandomGain;
import dev.cauce.augment.audio.SpeedPerturb;
import dev.cauce.augment.audio.TimeMask;
import dev.cauce.augment.audio.TimeShift;
import dev.cauce.core.Batch;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.preprocess.audio.Audio;
import dev.cauce.preprocess.audio.Decibels;
import dev.cauce.preprocess.audio.MelFilterbank;
import dev.cauce.preprocess.audio.MelScale;
import dev.cauce.preprocess.audio.MelSpectrogram;
import dev.cauce.preprocess.audio.Mfcc;
import dev.cauce.preprocess.audio.Spectrogram;
import dev.cauce.preprocess.audio.Stft;
import dev.cauce.preprocess.audio.Wav;
import dev.cauce.train.Evaluation;
import dev.cauce.train.Initializer;
import dev.cauce.train.Trainer;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.optim.Adam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spoken-digit classification with leave-one-language-out evaluation on
 * {@code shared/data/audio/digits/<lang>/<d>.wav} (10 digits x 5 languages, one speaker each):
 * train on four languages (40 recordings), test on the fifth (10), for each language, with and
 * without augmentation.
 *
 * <p>Features: 8 kHz log-mel (n_fft 256, hop 64, 40 HTK bands, dB with top_db 80), each band's
 * mean removed (per-utterance CMN), the time axis stretched to 32 frames by linear interpolation,
 * flattened to 1,280 inputs (or, with {@code --mfcc}, 13 MFCCs of that log-mel: 416 inputs). Model: MLP 1280-256-10 (ReLU), He init, Adam lr 1e-3, batch 8, 60 epochs.
 * Augmentation (training only, a fresh draw every epoch): speed 0.9-1.1, pitch +-2 semitones,
 * pink noise at 10-30 dB SNR, gain +-6 dB, shift +-50 ms, then two frequency masks (up to 6 bands)
 * and two time masks (up to 8 frames) on the log-mel.
 *
 * <p>Usage: {@code DigitsExperiment [--data DIR] [--epochs N] [--seeds S1,S2,...] [--mfcc]}.
 */
public final class DigitsExperiment {
    private static final String[] LANGS = {"en", "es", "fr", "it", "ru"};
    private static final int SR = 8000;
    private static final int FRAMES = 32;
    private static final int MELS = 40;
    private static final int N_MFCC = 13;

    private DigitsExperiment() { }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("/work/shared/data");
        int epochs = 60;
        long[] seeds = {42};
        boolean mfcc = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--seed", "--seeds" -> seeds = java.util.Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
                case "--mfcc" -> mfcc = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Map<String, List<Sample<Audio>>> byLang = new java.util.LinkedHashMap<>();
        long index = 0;
        for (String lang : LANGS) {
            List<Sample<Audio>> list = new ArrayList<>();
            for (int d = 0; d < 10; d++) {
                Path f = data.resolve("audio/digits/" + lang + "/" + d + ".wav");
                list.add(new Sample<>(index++, f.toString(), Wav.read(f).toMono(), d));
            }
            byLang.put(lang, list);
        }
        int rows = mfcc ? N_MFCC : MELS;
        System.out.printf("leave-one-language-out, %d epochs, seeds %s; MLP %d-256-10 on %dx%d %s%n", epochs,
                java.util.Arrays.toString(seeds), rows * FRAMES, rows, FRAMES, mfcc ? "MFCC" : "log-mel");
        System.out.printf("%-6s %12s %12s   (accuracy on the held-out language, mean over seeds)%n", "test", "plain", "augmented");
        double sumPlain = 0, sumAug = 0;
        for (String held : LANGS) {
            List<Sample<Audio>> train = new ArrayList<>(), test = byLang.get(held);
            for (String l : LANGS) if (!l.equals(held)) train.addAll(byLang.get(l));
            double plain = 0, aug = 0;
            for (long seed : seeds) {
                plain += run(train, test, false, epochs, seed, mfcc) / seeds.length;
                aug += run(train, test, true, epochs, seed, mfcc) / seeds.length;
            }
            sumPlain += plain;
            sumAug += aug;
            System.out.printf("%-6s %11.0f%% %11.0f%%%n", held, 100 * plain, 100 * aug);
        }
        System.out.printf("%-6s %11.1f%% %11.1f%%  (chance 10%%)%n", "mean", 20 * sumPlain, 20 * sumAug);
    }

    private static double run(List<Sample<Audio>> train, List<Sample<Audio>> test, boolean augment, int epochs, long seed,
                              boolean mfcc) {
        int rows = mfcc ? N_MFCC : MELS;
        Transform<Audio, Tensor> plain = logMel().then(cepstrum(mfcc)).then(fixedFrames());
        Transform<Audio, Tensor> trainPipe = augment
                ? new SpeedPerturb(0.9, 1.1).then(new PitchPerturb(2)).then(AddNoise.pink(10, 30)).then(new RandomGain(-6, 6))
                        .then(new TimeShift(0.05)).then(logMel()).then(new FrequencyMask(6, 2, 0f)).then(new TimeMask(8, 2, 0f))
                        .then(cepstrum(mfcc))
                        .then(fixedFrames())
                : plain;
        DataStream<Batch> trainStream = DataStream.of(train).map(trainPipe).shuffle(train.size()).batch(8, Batch::collate);
        DataStream<Batch> testStream = DataStream.of(test).map(plain).batch(10, Batch::collate);
        Sequential model = Sequential.mlp(new int[] {rows * FRAMES, 256, 10}, Initializer.HE_NORMAL, seed);
        Trainer trainer = Trainer.builder(model, new Adam()).learningRate(1e-3).seed(seed).build();
        trainer.fit(trainStream, epochs);
        Evaluation e = trainer.evaluate(testStream);
        return e.accuracy();
    }

    /** MFCCs (DCT-II ortho of the mean-removed log-mel) when asked, otherwise the log-mel itself. */
    private static Transform<Spectrogram, Spectrogram> cepstrum(boolean mfcc) {
        Mfcc dct = new Mfcc(new MelSpectrogram(new Stft(256, 64),
                new MelFilterbank(129, SR, MELS, 0, SR / 2.0, MelScale.HTK, MelFilterbank.Norm.NONE, false), 2), N_MFCC);
        return Transform.of("digits.cepstrum", Map.of("mfcc", mfcc), (Spectrogram s) -> mfcc ? dct.fromMelDb(s) : s);
    }

    /** 8 kHz log-mel with per-band mean removed. */
    private static Transform<Audio, Spectrogram> logMel() {
        MelSpectrogram mel = new MelSpectrogram(new Stft(256, 64),
                new MelFilterbank(129, SR, MELS, 0, SR / 2.0, MelScale.HTK, MelFilterbank.Norm.NONE, false), 2);
        return Transform.of("digits.logmel_cmn", Map.of("nFft", 256, "hop", 64, "nMels", MELS), (Audio a) -> {
            Spectrogram db = Decibels.powerToDb(mel.apply(a), 80);
            float[] d = db.data().clone();
            int t = db.frames();
            for (int f = 0; f < db.bins(); f++) {
                double mean = 0;
                for (int j = 0; j < t; j++) mean += d[f * t + j];
                mean /= t;
                for (int j = 0; j < t; j++) d[f * t + j] -= (float) mean;
            }
            return new Spectrogram(d, db.bins(), t);
        });
    }

    /** Linear interpolation of the time axis to FRAMES frames, flattened (bands x frames). */
    private static Transform<Spectrogram, Tensor> fixedFrames() {
        return Transform.of("digits.fixed_frames", Map.of("frames", FRAMES), (Spectrogram s) -> {
            int t = s.frames();
            float[] out = new float[s.bins() * FRAMES];
            for (int j = 0; j < FRAMES; j++) {
                double src = FRAMES == 1 ? 0 : j * (t - 1) / (double) (FRAMES - 1);
                int i0 = (int) Math.floor(src), i1 = Math.min(t - 1, i0 + 1);
                float w = (float) (src - i0);
                for (int f = 0; f < s.bins(); f++) out[f * FRAMES + j] = s.get(f, i0) * (1 - w) + s.get(f, i1) * w;
            }
            return Tensor.of(out, s.bins() * FRAMES);
        });
    }
}
