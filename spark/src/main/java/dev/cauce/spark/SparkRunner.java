package dev.cauce.spark;

import dev.cauce.core.SampleException;
import dev.cauce.core.scale.Scaler;
import dev.cauce.pipeline.FitSnapshot;
import dev.cauce.pipeline.FittedSteps;
import dev.cauce.pipeline.InputList;
import dev.cauce.pipeline.InputRef;
import dev.cauce.pipeline.Pipeline;
import dev.cauce.pipeline.PipelineSpec;
import dev.cauce.pipeline.RunDirectory;
import dev.cauce.pipeline.RunSummary;
import dev.cauce.pipeline.ShardResult;
import dev.cauce.pipeline.ShardTask;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import scala.Tuple2;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a pipeline spec as a Spark job and writes exactly what {@link dev.cauce.pipeline.LocalRunner}
 * writes: the driver lists and numbers the inputs (sorted, as locally), the executors read them
 * (files directly, tar shards through {@code binaryFiles}), a partitioner puts each shard's inputs into one partition sorted by index,
 * and each partition runs the same {@link ShardTask} code as a local thread. The fit is distributed
 * the same way: one {@link FitSnapshot} per shard-sized chunk, merged on the driver in chunk order,
 * so local and Spark statistics agree bit for bit.
 *
 * <p>The output folder must be on a file system every executor and the driver can write (local
 * disk in local mode, NFS or similar on a cluster); the driver lists the source with java.nio, so
 * the source must be visible to it too.
 */
public final class SparkRunner {
    private final JavaSparkContext sc;
    private final Pipeline pipeline;

    public SparkRunner(JavaSparkContext sc, Pipeline pipeline) {
        this.sc = sc;
        this.pipeline = pipeline;
    }

    /** What an executor needs to rebuild the pipeline; everything here is serializable. */
    private record Job(String specJson, String base, String fittedJson, int shardSize, Set<Integer> finished, String outDir)
            implements Serializable {
        /**
         * The pipeline last built in this JVM. Every shard task would otherwise rebuild it, and
         * building reads the files transforms name (a word2vec model can be gigabytes): now an
         * executor reads them once per job. Pipelines are thread-safe, as local threads share one.
         */
        private static final AtomicReference<Map.Entry<String, Pipeline>> LAST = new AtomicReference<>();

        Pipeline pipeline() {
            String key = base + "\n" + specJson;
            Map.Entry<String, Pipeline> last = LAST.get();
            if (last != null && last.getKey().equals(key)) return last.getValue();
            Pipeline p = Pipeline.fromJson(specJson, base);
            LAST.set(Map.entry(key, p));
            return p;
        }

        List<Scaler> fitted() {
            return RunDirectory.fittedFromJson(fittedJson);
        }
    }

    /** Lists, fits (unless an earlier run did), writes every unfinished shard, then the manifest. */
    public RunSummary run() throws IOException {
        PipelineSpec spec = pipeline.spec();
        InputList inputs = InputList.scan(spec.source(), spec.output().dir());
        RunDirectory dir = RunDirectory.open(pipeline, inputs);
        int shards = pipeline.shards(inputs.size());
        Broadcast<List<InputRef>> refs = sc.broadcast(inputs.inputs());
        Map<String, Long> ids = new HashMap<>();
        for (InputRef r : inputs.inputs()) ids.put(r.id(), r.index());
        Broadcast<Map<String, Long>> index = sc.broadcast(ids);
        try {
            List<Scaler> fitted = dir.fitted().orElse(null);
            if (fitted == null) {
                fitted = fit(inputs, index, refs, shards);
                dir.saveFitted(fitted);
            }
            Map<Integer, ShardResult> done = dir.done();
            int resumed = done.size();
            Set<Integer> finished = Set.copyOf(done.keySet());
            Job job = new Job(pipeline.json(), pipeline.base(), RunDirectory.fittedJson(fitted), spec.output().shardSize(), finished,
                    spec.output().dir().toString());
            if (finished.size() < shards) {
                List<ShardResult> results = partitioned(index, shards, finished)
                        .mapPartitionsWithIndex((k, it) -> writeShard(job, k, it, refs.value()), true)
                        .collect();
                for (ShardResult r : results) done.put(r.shard(), r);
            }
            dir.finish(inputs, done.values());
            List<ShardResult.Failure> failures = done.values().stream().flatMap(r -> r.failed().stream()).toList();
            long written = done.values().stream().mapToLong(r -> r.inputs().size()).sum();
            return new RunSummary(dir.dir(), shards, resumed, inputs.size(), written, failures, fitted);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // Spark (Scala) throws SparkException without declaring it.
            throw unwrap(e);
        } finally {
            refs.destroy();
            index.destroy();
        }
    }

    private List<Scaler> fit(InputList inputs, Broadcast<Map<String, Long>> index, Broadcast<List<InputRef>> refs, int shards) {
        List<Scaler> fitted = new ArrayList<>();
        List<PipelineSpec.Fit> steps = pipeline.spec().fit();
        for (int step = 0; step < steps.size(); step++) {
            Job job = new Job(pipeline.json(), pipeline.base(), RunDirectory.fittedJson(fitted), pipeline.spec().output().shardSize(),
                    Set.of(), pipeline.spec().output().dir().toString());
            int s = step;
            List<Tuple2<Integer, FitSnapshot>> chunks = partitioned(index, shards, Set.of())
                    .mapPartitionsWithIndex((k, it) -> {
                        Pipeline p = job.pipeline();
                        FitSnapshot snap = ShardTask.fit(p, job.fitted(), s, pending(job, k, it, refs.value()));
                        return List.of(new Tuple2<>((int) k, snap)).iterator();
                    }, true)
                    .collect();
            // Merge in chunk order, as the local run does: the same additions in the same order.
            TreeMap<Integer, FitSnapshot> ordered = new TreeMap<>();
            for (Tuple2<Integer, FitSnapshot> c : chunks) ordered.put(c._1(), c._2());
            List<FitSnapshot> inOrder = new ArrayList<>();
            for (int k = 0; k < shards; k++) inOrder.add(ordered.get(k));
            fitted.add(FittedSteps.finishMerged(steps.get(step), step, inOrder));
        }
        return fitted;
    }

    /** The inputs of the shards not in {@code skip} as (index, bytes), one shard per partition, sorted by index. */
    private JavaPairRDD<Long, byte[]> partitioned(Broadcast<Map<String, Long>> index, int shards, Set<Integer> skip) {
        PipelineSpec.Source src = pipeline.spec().source();
        int shardSize = pipeline.spec().output().shardSize();
        JavaPairRDD<Long, byte[]> read;
        if (!src.tars().isEmpty()) {
            String paths = String.join(",", src.tars().stream().map(Path::toString).toList());
            read = sc.binaryFiles(paths, Math.max(sc.defaultParallelism(), src.tars().size()))
                    .flatMapToPair(f -> tarEntries(f._1(), f._2(), index.value()));
        } else {
            // Files: the driver's sorted list, read in the tasks. Not binaryFiles: each of its records
            // deserializes its partition's whole path list, so thousands of small files cost time
            // quadratic in their number (10,000 MNIST PNGs took over 8 minutes on local[2]).
            String root = (src.folder() != null ? src.folder() : src.base()).toAbsolutePath().toString();
            List<Tuple2<Long, String>> files = new ArrayList<>();
            for (Map.Entry<String, Long> e : index.value().entrySet()) files.add(new Tuple2<>(e.getValue(), e.getKey()));
            files.sort(java.util.Comparator.comparingLong(Tuple2::_1));
            read = sc.parallelizePairs(files, readPartitions(files.size())).flatMapToPair(t -> {
                try {
                    return List.of(new Tuple2<>(t._1(), java.nio.file.Files.readAllBytes(Path.of(root, t._2())))).iterator();
                } catch (IOException e) {
                    return java.util.Collections.<Tuple2<Long, byte[]>>emptyIterator(); // reported by name in its shard
                }
            });
        }
        return read.filter(t -> !skip.contains((int) (t._1() / shardSize)))
                .repartitionAndSortWithinPartitions(new ShardPartitioner(shardSize, Math.max(1, shards)));
    }

    /**
     * How many partitions to read {@code files} files in: about {@link #FILES_PER_READ_PARTITION} each.
     */
    static int readPartitions(int files) {
        return Math.max(1, (files + FILES_PER_READ_PARTITION - 1) / FILES_PER_READ_PARTITION);
    }

    /** Target number of files per read partition. */
    static final int FILES_PER_READ_PARTITION = 128;

    /**
     * Spark settings for a Cauce job: {@code spark.files.openCostInBytes=0} lets {@code binaryFiles}
     * (used for tar sources) split by the requested partition count.
     */
    public static final java.util.Map<String, String> CONF = java.util.Map.of("spark.files.openCostInBytes", "0");

    private static Iterator<Tuple2<Long, byte[]>> tarEntries(String uri, PortableDataStream stream, Map<String, Long> index) throws IOException {
        String tarName = Path.of(URI.create(uri.replace(" ", "%20")).getPath()).getFileName().toString();
        List<Tuple2<Long, byte[]>> out = new ArrayList<>();
        try (DataInputStream in = stream.open(); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Long i = e.isFile() ? index.get(tarName + "/" + e.getName()) : null;
                if (i != null) out.add(new Tuple2<>(i, tar.readAllBytes()));
            }
        }
        return out.iterator();
    }

    /** One partition = shard {@code k}: the same ShardTask a local thread runs. */
    private static Iterator<ShardResult> writeShard(Job job, int k, Iterator<Tuple2<Long, byte[]>> it, List<InputRef> refs)
            throws IOException {
        if (job.finished().contains(k) || k * (long) job.shardSize() >= refs.size()) return java.util.Collections.emptyIterator();
        Pipeline p = job.pipeline();
        Path out = Path.of(job.outDir());
        ShardResult r = ShardTask.run(p, job.fitted(), k, pending(job, k, it, refs), out);
        RunDirectory.at(out).record(r);
        return List.of(r).iterator();
    }

    /**
     * The shard's inputs in index order, pairing each listed input with the bytes Spark read; an
     * input Spark did not deliver (deleted since the listing) fails by name instead of vanishing.
     */
    private static Iterator<ShardTask.Pending> pending(Job job, int k, Iterator<Tuple2<Long, byte[]>> it, List<InputRef> refs) {
        Map<Long, byte[]> bytes = new HashMap<>();
        it.forEachRemaining(t -> bytes.put(t._1(), t._2()));
        int from = k * job.shardSize();
        int to = Math.min(refs.size(), from + job.shardSize());
        List<ShardTask.Pending> out = new ArrayList<>();
        for (InputRef r : refs.subList(from, to)) {
            byte[] b = bytes.get(r.index());
            out.add(new ShardTask.Pending(r, () -> {
                if (b == null) throw new SampleException(r.id(), "listed by the driver but not read by Spark (deleted or unreadable?)");
                return b;
            }));
        }
        return out.iterator();
    }

    /** A Spark job failure caused by a bad input becomes that input's {@link SampleException}. */
    private static RuntimeException unwrap(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SampleException s) return s;
        }
        if (e instanceof RuntimeException r) return r;
        return new IllegalStateException("Spark job failed: " + e.getMessage(), e);
    }

    /** Input index to shard: partition k holds exactly shard k's inputs. */
    static final class ShardPartitioner extends Partitioner {
        private final int shardSize;
        private final int shards;

        ShardPartitioner(int shardSize, int shards) {
            this.shardSize = shardSize;
            this.shards = shards;
        }

        @Override public int numPartitions() { return shards; }

        @Override public int getPartition(Object key) { return (int) ((Long) key / shardSize); }

        @Override public boolean equals(Object o) {
            return o instanceof ShardPartitioner p && p.shardSize == shardSize && p.shards == shards;
        }

        @Override public int hashCode() { return shardSize * 31 + shards; }
    }
}
