package dev.cauce.cli.audio;

import dev.cauce.cli.Main;
import dev.cauce.cli.OutputChecks;
import dev.cauce.cli.Progress;
import dev.cauce.cli.StagedFolder;
import dev.cauce.core.ErrorReport;
import dev.cauce.core.io.AtomicFiles;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npy;
import dev.cauce.core.io.Npz;
import dev.cauce.preprocess.audio.AudioFeatures;
import dev.cauce.preprocess.audio.AudioReader;
import dev.cauce.preprocess.audio.Spectrogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code cauce audio convert}: every audio file under {@code --in}'s class folders becomes one
 * feature matrix; all of them go into one NPZ file (or a folder of NPY files) with their labels.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a folder of labelled audio into feature tensors (NumPy NPZ or NPY).",
                "Each sub-folder of --in is a class; its files are decoded (WAV natively, MP3/OGG/FLAC/AAC via FFmpeg), "
                        + "mixed to mono, resampled to --rate and turned into a (freq, time) spectrogram, mel or MFCC matrix.",
                "Outputs: x float32 (N, F, T) zero-padded to the longest (or --frames), lengths int64 (N) = valid "
                        + "frames, y int64 (N) = class index, and classes.txt (class names, line = index)."},
        footer = {"", "Examples:",
                "  cauce audio convert --in data/digits --out digits.npz",
                "  cauce audio convert --in data/digits --out feats/ --format npy --feature mfcc --n-mfcc 20",
                "", "Exit codes: 0 all converted, 1 some files failed (report printed), 2 usage error."})
public final class AudioConvertCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "Input folder with one sub-folder per class.")
    Path in;

    @Option(names = "--out", required = true,
            description = "Output: a .npz file (with <name>.classes.txt beside it), or a folder for --format npy.")
    Path out;

    @Option(names = "--format", defaultValue = "npz", description = "npz (one file) or npy (x.npy, y.npy, lengths.npy in a folder; default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--frames", defaultValue = "0",
            description = "Crop or zero-pad every item to this many frames; 0 = pad to the longest (default: ${DEFAULT-VALUE}).")
    int frames;

    @picocli.CommandLine.Mixin
    dev.cauce.cli.OnErrorOption onError = new dev.cauce.cli.OnErrorOption();

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads; 0 = one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--quiet", description = "No progress bar. Default: a progress bar on standard error when it is a terminal.")
    boolean quiet;

    @Mixin
    FeatureOptions featureOptions = new FeatureOptions();

    private final PrintStream err;

    public AudioConvertCommand() {
        this(System.err);
    }

    AudioConvertCommand(PrintStream err) {
        this.err = err;
    }

    private record Item(Path file, int label) { }

    @Override
    public Integer call() throws IOException {
        if (!format.equals("npz") && !format.equals("npy")) throw new IllegalArgumentException("--format must be npz or npy, got '" + format + "'");
        if (frames < 0) throw new IllegalArgumentException("--frames must be >= 0, got " + frames);
        AudioFeatures features = featureOptions.features();
        // before any decoding: a bad --out would otherwise surface only after the whole batch
        checkOutNameMatchesFormat();
        if (format.equals("npz")) OutputChecks.file("--out", out, "--format npy writes a folder");
        else OutputChecks.folder("--out", out);
        List<String> classes = new ArrayList<>();
        List<Item> items = scan(classes);
        // npy writes several files: staged and renamed as one folder, so a kill never mixes two runs
        try (StagedFolder staged = format.equals("npy") ? StagedFolder.create("--out", out) : null) {
            return convert(items, classes, features, staged);
        }
    }

    private int convert(List<Item> items, List<String> classes, AudioFeatures features, StagedFolder staged) throws IOException {
        boolean failFast = onError.failFast();
        Spectrogram[] results = new Spectrogram[items.size()];
        ErrorReport report = new ErrorReport();
        // --on-error fail: files after the earliest failure so far are skipped, files before it still run,
        // so the failure reported is always the first in input order, whatever the threads' timing
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        // Progress draws only on an interactive terminal, so logs and pipes get no carriage-return frames
        try (Progress bar = Progress.start("audio convert", items.size(), "files", quiet);
             var pool = new java.util.concurrent.ForkJoinPool(workers)) {
            pool.submit(() -> IntStream.range(0, items.size()).parallel().forEach(i -> {
                if (failFast && i > firstFailure.get()) return;
                Path f = items.get(i).file();
                try {
                    results[i] = features.apply(AudioReader.read(f));
                } catch (IOException | RuntimeException e) {
                    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
                    report.add(f.toString(), msg.startsWith(f.toString()) ? msg.substring(f.toString().length()).replaceFirst("^: ", "") : msg);
                    firstFailure.accumulateAndGet(i, Math::min);
                }
                bar.step(1);
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("conversion failed: " + e.getCause(), e.getCause());
        }

        if (!report.isEmpty()) {
            if (failFast) {
                String first = items.get(firstFailure.get()).file().toString();
                report.failures().stream().filter(fl -> fl.source().equals(first)).forEach(fl -> err.println(line(fl)));
                err.println("stopped at the first failure (--on-error fail); nothing written");
                return 1;
            }
            for (String line : failureLines(report)) err.println(line);
            if (report.count() == items.size()) {
                // an archive of zero items is no result, and would stand in the way of the next run
                err.printf("none of the %d files could be converted; nothing written to %s%n", items.size(), out);
                return 1;
            }
        }
        int ok = write(items, results, classes, features, staged);
        err.printf("%d of %d files converted to %s (%s, %d x T)%s%n", ok, items.size(), out, features.kind().name().toLowerCase(),
                features.bins(), report.isEmpty() ? "" : "; " + report.count() + " failed (listed above)");
        return report.isEmpty() ? 0 : 1;
    }

    /**
     * An NPZ archive named {@code x.npy} (or a folder named {@code x.npz}) would be written without a
     * word and then fail to load as what its name says, so a name that contradicts --format is refused.
     */
    private void checkOutNameMatchesFormat() {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (format.equals("npz") && name.endsWith(".npy")) {
            throw new Main.UsageException("--out " + out + " ends in .npy but --format npz writes one .npz archive; "
                    + "name it .npz, or use --format npy with a folder");
        }
        if (format.equals("npy") && name.endsWith(".npz")) {
            throw new Main.UsageException("--out " + out + " ends in .npz but --format npy writes a folder of .npy files; "
                    + "drop --format npy, or give a folder name");
        }
    }

    /** One line per failed file, sorted by input path (workers finish in any order). */
    static List<String> failureLines(ErrorReport report) {
        return report.failures().stream().sorted(Comparator.comparing(ErrorReport.Failure::source))
                .map(AudioConvertCommand::line).toList();
    }

    private static String line(ErrorReport.Failure fl) {
        return "error: " + fl.source() + ": " + fl.problem();
    }

    private List<Item> scan(List<String> classes) throws IOException {
        dev.cauce.cli.OptionChecks.inputFolder("--in", in, "a folder of class sub-folders");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(in)) {
            dirs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (dirs.isEmpty()) throw new IOException(in + ": no class sub-folders (expected " + in + "/<class>/<file>)");
        List<Item> items = new ArrayList<>();
        for (Path d : dirs) {
            classes.add(d.getFileName().toString());
            try (Stream<Path> s = Files.list(d)) {
                for (Path f : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                    items.add(new Item(f, classes.size() - 1));
                }
            }
        }
        if (items.isEmpty()) throw new IOException(in + ": the class folders hold no files");
        return items;
    }

    private int write(List<Item> items, Spectrogram[] results, List<String> classes, AudioFeatures features, StagedFolder staged)
            throws IOException {
        List<Integer> done = IntStream.range(0, results.length).filter(i -> results[i] != null).boxed().toList();
        int bins = features.bins();
        int t = frames;
        if (t == 0) for (int i : done) t = Math.max(t, results[i].frames());
        if (t == 0) t = 1;
        float[] x = new float[Math.multiplyExact(Math.multiplyExact(done.size(), bins), t)];
        long[] y = new long[done.size()];
        long[] lengths = new long[done.size()];
        for (int k = 0; k < done.size(); k++) {
            Spectrogram s = results[done.get(k)];
            int keep = Math.min(t, s.frames());
            for (int f = 0; f < bins; f++) System.arraycopy(s.data(), f * s.frames(), x, (k * bins + f) * t, keep);
            y[k] = items.get(done.get(k)).label();
            lengths[k] = keep;
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NdArray.ofFloats(x, done.size(), bins, t));
        arrays.put("y", NdArray.ofLongs(y, done.size()));
        arrays.put("lengths", NdArray.ofLongs(lengths, done.size()));
        byte[] classText = (String.join("\n", classes) + "\n").getBytes(StandardCharsets.UTF_8);
        if (format.equals("npz")) {
            Npz.write(out, arrays);
            String name = out.getFileName().toString().replaceFirst("\\.npz$", "");
            AtomicFiles.write(out.resolveSibling(name + ".classes.txt"), o -> o.write(classText));
        } else {
            for (var e : arrays.entrySet()) Npy.write(staged.path().resolve(e.getKey() + ".npy"), e.getValue());
            Files.write(staged.path().resolve("classes.txt"), classText);
            staged.commit();
        }
        return done.size();
    }
}
