package dev.cauce.cli.run;

import dev.cauce.cli.Progress;
import dev.cauce.core.SampleException;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformRegistry;
import dev.cauce.pipeline.LocalRunner;
import dev.cauce.pipeline.Pipeline;
import dev.cauce.pipeline.RunListener;
import dev.cauce.pipeline.RunSummary;
import dev.cauce.pipeline.ShardResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cauce run SPEC}: runs a pipeline spec (YAML or JSON) on this machine and writes its shards,
 * resuming an interrupted run of the same spec.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a pipeline spec: read the inputs, apply the transforms, fit the scalers, write shards.",
                "Shard k holds inputs [k*shardSize, (k+1)*shardSize) of the inputs sorted by name, so the output is the same "
                        + "byte for byte whatever --threads is, and the same as the Spark engine's (SparkRun).",
                "Every shard is written under a temporary name and renamed when complete, then recorded in the output "
                        + "folder's journal: after a crash or Ctrl-C, run the same command again and it continues where it "
                        + "stopped, without writing any input twice.",
                "The spec (paths relative to the spec file):",
                "  source:     {folder: DIR | glob: PATTERN | tars: [FILE...],",
                "               labels: folders | none | {csv: FILE}, extensions: [png]}",
                "  transforms: [read_image, {name: resize, params: {width: 32, height: 32}}, to_tensor]",
                "               (names: see --list)",
                "  fit:        [{name: standard_scaler, params: {withMean: true, withStd: true}}]",
                "               or [{name: min_max_scaler, params: {featureRange: [0, 1]}}]",
                "  output:     {dir: DIR, format: npz | npy | wds | parquet, shardSize: 1000,",
                "               compress: false (npz), compression: snappy | zstd | none (parquet)}",
                "  seed: 0, epoch: 0, onError: skip | fail"},
        footer = {"", "Example (digits.yaml):",
                "  source: {folder: digits, labels: folders}",
                "  transforms: [read_image, to_gray, {name: to_tensor, params: {scale: UNIT}}]",
                "  fit: [standard_scaler]",
                "  output: {dir: digits-shards, format: npz, shardSize: 1000}",
                "  seed: 42",
                "", "  cauce run digits.yaml",
                "  cauce run --list",
                "", "Example (mails.yaml): mails with words replaced by WordNet synonyms and word2vec neighbours:",
                "  source: {folder: mail, labels: folders}",
                "  transforms:",
                "    - {name: text.read, params: {decoding: latin1}}",
                "    - name: text.word_replace",
                "      params: {source: wordnet, wordnet: wordnet-extract.tsv, fraction: 0.2}",
                "    - name: text.word_replace",
                "      params: {source: word2vec, vectors: mail.bin, k: 5, minSimilarity: 0.5, fraction: 0.1}",
                "    - text.tokenize.simple",
                "    - {name: text.hashing, params: {nFeatures: 4096, alternateSign: false, l2: true}}",
                "    - text.to_tensor",
                "  output: {dir: mail-shards, format: parquet, compression: zstd}",
                "Files named by transform parameters are relative to the spec file's folder too: text.word_replace takes "
                        + "source misspellings (bundled), wordnet (wordnet: a WordNet 3.0 database folder or a word<TAB>alt,alt "
                        + "table) or word2vec (vectors: a word2vec text file, or binary when it ends in .bin; k: 5, "
                        + "minSimilarity: 0.5).",
                "", "Writes into output.dir: shard-NNNNN.npz (x float32 (N, ...), y int64 labels) or .x.npy/.y.npy or .tar "
                        + "(WebDataset: KEY.npy, KEY.cls) or .parquet, and _fitted.json, _manifest.json (classes, inputs per shard, "
                        + "failures), _run.json.",
                "Parquet shards hold a row per sample: key string (the input's path relative to the source), label int32 "
                        + "(class index, only when the run has labels), x list<float> (the tensor, row-major), x_shape list<int32>. "
                        + "The bookkeeping files start with '_', so pandas.read_parquet(DIR) and spark.read.parquet(DIR) read the "
                        + "shards only; np.stack(df.x).reshape(-1, *df.x_shape[0]) gives the batch.",
                "Exit codes: 0 every input written, 1 some inputs skipped (listed) or failed, 2 bad spec."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "The pipeline spec file (.yaml, .yml or .json).")
    Path spec;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads; 0 = one per core (default: ${DEFAULT-VALUE}). The output does not depend on it.")
    int threads;

    @Option(names = "--list", description = "List every registered transform (name, input -> output, summary) and exit.")
    boolean list;

    private final PrintStream out;
    private final PrintStream err;

    public RunCommand() {
        this(System.out, System.err);
    }

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code cauce run} on its own (the main {@code cauce} command registers it as a subcommand). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new RunCommand()).setUsageHelpWidth(100).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            TransformRegistry registry = TransformRegistry.load();
            for (String name : registry.names()) {
                TransformFactory f = registry.factory(name, "list");
                out.printf(Locale.ROOT, "%-28s %s -> %s: %s%n", name, f.input().getSimpleName(), f.output().getSimpleName(), f.summary());
            }
            return 0;
        }
        if (spec == null) {
            err.println("error: missing SPEC (a .yaml or .json pipeline spec); see cauce run --help");
            return 2;
        }
        if (threads < 0) {
            err.println("error: --threads must be >= 0, got " + threads);
            return 2;
        }
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        Pipeline pipeline;
        try {
            pipeline = Pipeline.load(spec);
        } catch (SpecException e) {
            err.println("error: " + spec + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            // the spec file itself is missing, a folder, or not YAML/JSON: a bad spec like any other (exit 2)
            err.println("error: " + e.getMessage());
            return 2;
        }
        Thread interrupted = new Thread(() -> err.println("\ninterrupted: finished shards are kept; run the same command again to resume"));
        Runtime.getRuntime().addShutdownHook(interrupted);
        long t0 = System.nanoTime();
        RunSummary s;
        try (ProgressListener progress = new ProgressListener()) {
            s = new LocalRunner(pipeline, n, progress).run();
        } catch (SpecException e) {
            err.println("error: " + spec + ": " + e.getMessage());
            return 2;
        } catch (SampleException e) {
            err.println("error: " + e.getMessage() + " (onError: fail; fix the input and run again to resume, or set onError: skip)");
            return 1;
        } finally {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (s.written() == 0 && s.inputs() > 0) {
            // no shard file exists then; only the run's bookkeeping (_run.json, _manifest.json) is in the folder
            out.printf(Locale.ROOT, "%d inputs, none written: every input was skipped (%s holds only the run's bookkeeping), %.1f s%n",
                    s.inputs(), s.dir(), seconds);
        } else {
            out.printf(Locale.ROOT, "%d inputs, %d written to %d shards in %s%s, %.1f s (%.0f files/s)%n", s.inputs(), s.written(),
                    s.shards(), s.dir(), s.resumed() > 0 ? " (" + s.resumed() + " shards resumed)" : "", seconds, s.inputs() / seconds);
        }
        if (!s.failures().isEmpty()) {
            err.println(s.failures().size() + " inputs skipped (also listed in _manifest.json):");
            for (ShardResult.Failure f : s.failures()) err.println("  " + f.input() + ": " + f.problem());
            return 1;
        }
        return 0;
    }

    /** The run's phases as progress bars on standard error. */
    private static final class ProgressListener implements RunListener, AutoCloseable {
        private Progress bar;

        @Override
        public synchronized void phase(String name, long total) {
            if (bar != null) bar.close();
            bar = Progress.start(name, total, "files");
        }

        @Override
        public synchronized void advance(long n) {
            if (bar != null) bar.step(n);
        }

        @Override
        public synchronized void close() {
            if (bar != null) bar.close();
        }
    }
}
