package dev.cauce.bench.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cauce.augment.audio.FrequencyMask;
import dev.cauce.augment.audio.TimeMask;
import dev.cauce.core.Rng;
import dev.cauce.preprocess.audio.Audio;
import dev.cauce.preprocess.audio.Decibels;
import dev.cauce.preprocess.audio.MelSpectrogram;
import dev.cauce.preprocess.audio.Resampler;
import dev.cauce.preprocess.audio.Spectrogram;
import dev.cauce.preprocess.audio.Stft;
import dev.cauce.preprocess.audio.Wav;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seconds of audio processed per wall-clock second for the spectrogram chain, measured the way
 * {@code shared/peers/torchaudio_spec.py} measures torchaudio, with the same parameters: every
 * speech WAV under {@code audio/digits/<lang>/} and {@code audio/phrases/<lang>/} (8 kHz), resampled
 * to 16 kHz outside the timing; Spectrogram(n_fft 512, hop 128), MelSpectrogram(16 kHz, 64 mels,
 * HTK, no norm), AmplitudeToDB(power, top_db None), FrequencyMasking(15), TimeMasking(30); files one
 * at a time, whole passes for at least {@code --min-time} seconds, 3 rounds, median reported.
 * {@code chain_resample} adds the 8 to 16 kHz resampling inside the timing (the full chain).
 *
 * <p>Usage: {@code AudioPipelineBench [--data DIR] [--min-time S] [--peer /usr/bin/python3 peers/torchaudio_spec.py]}.
 * With {@code --peer} the torchaudio script runs right after, in the same invocation, and the
 * ratios are printed side by side.
 */
public final class AudioPipelineBench {
    private static final int SR = 16000;

    private AudioPipelineBench() { }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("/work/shared/data");
        double minTime = 0.7;
        List<String> peer = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--min-time" -> minTime = Double.parseDouble(args[++i]);
                case "--peer" -> peer = new ArrayList<>(Arrays.asList(args).subList(i + 1, args.length));
                default -> { }
            }
            if (peer != null) break;
        }
        List<Path> files = speechFiles(data.resolve("audio"));
        List<float[]> waves8 = new ArrayList<>();
        List<Integer> rates = new ArrayList<>();
        for (Path f : files) {
            Audio a = Wav.read(f).toMono();
            waves8.add(a.channel(0));
            rates.add(a.sampleRate());
        }
        List<float[]> waves = new ArrayList<>();
        for (int i = 0; i < waves8.size(); i++) waves.add(new Resampler(rates.get(i), SR).apply(waves8.get(i)));
        double total = waves.stream().mapToDouble(w -> w.length / (double) SR).sum();
        System.out.printf("%d speech files (orig rates %s), %.2f s of audio at 16 kHz%n", files.size(),
                rates.stream().distinct().sorted().toList(), total);

        Stft stft = new Stft(512, 128);
        MelSpectrogram mel = MelSpectrogram.htk(SR, 512, 128, 64);
        FrequencyMask fmask = new FrequencyMask(15);
        TimeMask tmask = new TimeMask(30);
        Resampler up = new Resampler(8000, SR);
        Spectrogram[] mels = waves.stream().map(mel::apply).toArray(Spectrogram[]::new);
        Spectrogram[] dbs = Arrays.stream(mels).map(Decibels::powerToDb).toArray(Spectrogram[]::new);
        long[] sink = new long[1];
        int n = waves.size();
        Map<String, IntConsumer> ops = new LinkedHashMap<>();
        ops.put("spectrogram", i -> sink[0] += stft.power(waves.get(i)).frames());
        ops.put("melspectrogram", i -> sink[0] += mel.apply(waves.get(i)).frames());
        ops.put("amplitude_to_db", i -> sink[0] += Decibels.powerToDb(mels[i]).frames());
        ops.put("freq_masking", i -> sink[0] += fmask.apply(dbs[i], Rng.of(0, sink[0], i, 0)).frames());
        ops.put("time_masking", i -> sink[0] += tmask.apply(dbs[i], Rng.of(0, sink[0], i, 1)).frames());
        IntConsumer chain = i -> {
            Rng r = Rng.of(0, 0, i, 0);
            sink[0] += tmask.apply(fmask.apply(Decibels.powerToDb(mel.apply(waves.get(i))), r.child(0)), r.child(1)).frames();
        };
        ops.put("chain", chain);
        ops.put("chain_resample", i -> {
            Rng r = Rng.of(0, 0, i, 0);
            float[] w = rates.get(i) == 8000 ? up.apply(waves8.get(i)) : new Resampler(rates.get(i), SR).apply(waves8.get(i));
            sink[0] += tmask.apply(fmask.apply(Decibels.powerToDb(mel.apply(w)), r.child(0)), r.child(1)).frames();
        });

        Map<String, Double> ours = new LinkedHashMap<>();
        for (var e : ops.entrySet()) ours.put(e.getKey() + "_t1", measure(e.getValue(), n, total, minTime, 1, e.getKey() + "_t1"));
        // two threads: files split between two workers (torch's t2 parallelises inside each op)
        IntConsumer chainLocal = i -> {
            Rng r = Rng.of(0, 0, i, 0);
            tmask.apply(fmask.apply(Decibels.powerToDb(mel.apply(waves.get(i))), r.child(0)), r.child(1));
        };
        ours.put("chain_t2", measure(chainLocal, n, total, minTime, 2, "chain_t2"));
        if (sink[0] == 42) System.out.println();

        if (peer != null && !peer.isEmpty()) compareWithPeer(peer, ours);
    }

    private static List<Path> speechFiles(Path audio) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String set : new String[] {"digits", "phrases"}) {
            Path dir = audio.resolve(set);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                // same order as Python's sorted(glob(set/*/*.wav))
                List<Path> langs = s.filter(Files::isDirectory).sorted().toList();
                List<Path> wavs = new ArrayList<>();
                for (Path l : langs) {
                    try (Stream<Path> w = Files.list(l)) {
                        w.filter(p -> p.toString().endsWith(".wav")).forEach(wavs::add);
                    }
                }
                wavs.sort(java.util.Comparator.comparing(Path::toString));
                out.addAll(wavs);
            }
        }
        if (out.isEmpty()) throw new IOException(audio + ": no speech WAVs under digits/ or phrases/");
        return out;
    }

    /** Median over 3 rounds of audio seconds per wall second; each round = whole passes until minTime. */
    private static double measure(IntConsumer op, int n, double totalSeconds, double minTime, int threads, String name)
            throws Exception {
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        Runnable pass = pool == null ? () -> { for (int i = 0; i < n; i++) op.accept(i); }
                : () -> pool.submit(() -> IntStream.range(0, n).parallel().forEach(op::accept)).join();
        for (int w = 0; w < 3; w++) pass.run(); // warm-up: let C2 compile the loops
        double[] rates = new double[3];
        for (int r = 0; r < 3; r++) {
            int passes = 0;
            long t0 = System.nanoTime();
            double el;
            do {
                pass.run();
                passes++;
                el = (System.nanoTime() - t0) / 1e9;
            } while (el < minTime);
            rates[r] = passes * totalSeconds / el;
        }
        if (pool != null) pool.close();
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("%-22s %10.1f s-audio/s median (rounds %.0f %.0f %.0f)%n", name, sorted[1], rates[0], rates[1], rates[2]);
        return sorted[1];
    }

    private static void compareWithPeer(List<String> command, Map<String, Double> ours) throws IOException, InterruptedException {
        System.out.println("running peer: " + String.join(" ", command));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("  peer| " + line);
                if (line.startsWith("{")) last = line;
            }
        }
        if (p.waitFor() != 0 || last == null) {
            System.out.println("peer failed (exit " + p.exitValue() + ")");
            return;
        }
        JsonNode res = new ObjectMapper().readTree(last);
        JsonNode results = res.has("results") ? res.get("results") : res.path("result").path("results");
        if (results.isMissingNode()) results = findResults(res);
        System.out.printf("%n%-22s %12s %12s %8s%n", "op", "cauce", "torchaudio", "ratio");
        for (var e : ours.entrySet()) {
            String key = e.getKey().equals("chain_resample_t1") ? "chain_t1" : e.getKey();
            JsonNode v = results == null ? null : results.get(key);
            if (v == null || !v.has("audio_s_per_s")) continue;
            double theirs = v.get("audio_s_per_s").asDouble();
            System.out.printf("%-22s %12.1f %12.1f %7.2fx%s%n", e.getKey(), e.getValue(), theirs, e.getValue() / theirs,
                    key.equals(e.getKey()) ? "" : "  (vs torchaudio chain without resampling)");
        }
    }

    private static JsonNode findResults(JsonNode n) {
        if (n == null) return null;
        if (n.has("results")) return n.get("results");
        for (JsonNode c : n) {
            JsonNode r = findResults(c);
            if (r != null) return r;
        }
        return null;
    }
}
