package dev.cauce.spark;

import dev.cauce.core.SampleException;
import dev.cauce.pipeline.Pipeline;
import dev.cauce.pipeline.RunSummary;
import dev.cauce.pipeline.ShardResult;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code spark-submit} entry point: {@code spark-submit --class dev.cauce.spark.SparkRun
 * cauce-spark.jar SPEC}. Writes the same shards, fitted statistics and manifest as {@code cauce run
 * SPEC}; rerunning after a failure resumes. Exit code 0 when every input was written, 1 when some
 * were skipped (listed in the manifest), 2 for a bad spec.
 */
public final class SparkRun {
    private SparkRun() { }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: spark-submit --class dev.cauce.spark.SparkRun cauce-spark.jar SPEC.yaml");
            System.exit(2);
        }
        int code;
        SparkSession.Builder builder = SparkSession.builder().appName("cauce run " + args[0]);
        SparkRunner.CONF.forEach(builder::config);
        try (SparkSession spark = builder.getOrCreate()) {
            code = run(JavaSparkContext.fromSparkContext(spark.sparkContext()), Path.of(args[0]));
        }
        System.exit(code);
    }

    /** Runs a spec on a context; prints a summary and one line per problem; returns the exit code. */
    static int run(JavaSparkContext sc, Path spec) throws IOException {
        Pipeline p;
        try {
            p = Pipeline.load(spec);
        } catch (IllegalArgumentException e) {
            System.err.println(spec + ": " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        RunSummary s;
        try {
            s = new SparkRunner(sc, p).run();
        } catch (SampleException e) {
            System.err.println("failed (onError: fail): " + e.getMessage());
            return 1;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d inputs, %d written to %d shards in %s (%d resumed), %.1f s, %.1f files/s%n",
                s.inputs(), s.written(), s.shards(), s.dir(), s.resumed(), seconds, s.inputs() / seconds);
        for (ShardResult.Failure f : s.failures()) System.err.println("skipped " + f.input() + ": " + f.problem());
        return s.failures().isEmpty() ? 0 : 1;
    }
}
