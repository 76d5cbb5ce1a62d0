package dev.cauce.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataStreamTest {

    static List<Sample<Double>> samples(int n) {
        List<Sample<Double>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Sample<>(i, "item-" + i, (double) i, i % 3));
        return out;
    }

    /** x + uniform draw, slowed down unevenly so that parallel workers finish out of order. */
    static final Transform<Double, Double> JITTER = new Transform<>() {
        @Override public Double apply(Double x, Rng rng) {
            double u = rng.nextDouble();
            if (x.intValue() % 7 == 0) {
                try { Thread.sleep(1); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            return x + u;
        }
        @Override public TransformSpec spec() { return TransformSpec.of("jitter", Map.of()); }
    };

    @Test
    void parallelMapGivesTheSameOrderedOutputAsSequential() {
        DataStream<Sample<Double>> seq = DataStream.of(samples(500)).map(JITTER);
        DataStream<Sample<Double>> par = DataStream.of(samples(500)).map(JITTER).parallel(4);
        List<Double> a = seq.toList(11, 2).stream().map(Sample::value).toList();
        List<Double> b = par.toList(11, 2).stream().map(Sample::value).toList();
        assertEquals(a, b);
        List<Double> otherEpoch = seq.toList(11, 3).stream().map(Sample::value).toList();
        assertNotEquals(a, otherEpoch, "each epoch draws new random parameters");
    }

    @Test
    void shuffleIsSeededPermutationThatChangesPerEpoch() {
        DataStream<Sample<Double>> s = DataStream.of(samples(300)).shuffle(300);
        List<Long> e0 = s.toList(5, 0).stream().map(Sample::index).toList();
        assertEquals(e0, s.toList(5, 0).stream().map(Sample::index).toList());
        assertNotEquals(e0, s.toList(5, 1).stream().map(Sample::index).toList());
        assertEquals(300, new HashSet<>(e0).size());
    }

    @Test
    void smallShuffleBufferStillEmitsEverythingOnce() {
        List<Long> out = DataStream.of(samples(1000)).shuffle(16).toList(1, 0).stream().map(Sample::index).toList();
        assertEquals(1000, out.size());
        assertEquals(1000, new HashSet<>(out).size());
    }

    @Test
    void batchAndPrefetchKeepEverySampleOnce() {
        DataStream<Batch> batches = DataStream.of(samples(1000))
                .map(Transform.<Double, Tensor>of("to_tensor", Map.of(), x -> Tensor.of(new float[] {x.floatValue(), 1f}, 2)))
                .parallel(2)
                .shuffle(128)
                .batch(64, Batch::collate)
                .prefetch(3);
        Set<Float> seen = new HashSet<>();
        int total = 0;
        try (Cursor<Batch> c = batches.open(3, 0)) {
            while (c.hasNext()) {
                Batch b = c.next();
                assertArrayEquals(new int[] {b.size(), 2}, b.x().shape());
                for (int i = 0; i < b.size(); i++) {
                    float v = b.x().get(i, 0);
                    assertEquals((int) v % 3, b.labels()[i], "label travels with its value");
                    seen.add(v);
                }
                total += b.size();
            }
        }
        assertEquals(1000, total);
        assertEquals(1000, seen.size());
    }

    @Test
    void failingSampleIsNamedOrSkippedAndReported() {
        Transform<Double, Double> failOn13 = Transform.of("fail13", Map.of(), x -> {
            if (x == 13.0) throw new IllegalArgumentException("value 13 is unlucky");
            return x;
        });
        DataStream<Sample<Double>> s = DataStream.of(samples(50)).map(failOn13).parallel(2).prefetch(2);
        SampleException e = assertThrows(SampleException.class, () -> s.toList(0, 0));
        assertEquals("item-13: value 13 is unlucky", e.getMessage());

        ErrorReport report = new ErrorReport();
        List<Sample<Double>> kept = new ArrayList<>();
        try (Cursor<Sample<Double>> c = s.open(0, 0, ErrorPolicy.SKIP, report)) {
            c.forEachRemaining(kept::add);
        }
        assertEquals(49, kept.size());
        assertEquals(List.of(new ErrorReport.Failure("item-13", "value 13 is unlucky")), report.failures());
    }

    @Test
    void skippedSamplesAreReportedInInputOrderWhateverTheThreads() {
        // in each group of ten, the first failure is slow and the second fast: in flight together,
        // the workers finish them in the reverse order
        Transform<Double, Double> failSome = Transform.of("fail_some", Map.of(), x -> {
            int i = x.intValue();
            if (i % 10 != 1 && i % 10 != 2) return x;
            if (i % 10 == 1) {
                try { Thread.sleep(40); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
            throw new IllegalArgumentException("value " + i + " is unlucky");
        });
        List<String> expected = List.of("item-1", "item-2", "item-11", "item-12", "item-21", "item-22", "item-31", "item-32", "item-41", "item-42");
        for (int threads : new int[] {1, 4}) {
            DataStream<Sample<Double>> s = DataStream.of(samples(50)).map(failSome);
            if (threads > 1) s = s.parallel(threads);
            ErrorReport report = new ErrorReport();
            try (Cursor<Sample<Double>> c = s.open(0, 0, ErrorPolicy.SKIP, report)) {
                int n = 0;
                while (c.hasNext()) { c.next(); n++; }
                assertEquals(40, n);
            }
            assertEquals(expected, report.failures().stream().map(ErrorReport.Failure::source).toList(), threads + " threads");
        }
    }

    @Test
    void anErrorInThePrefetchThreadReachesTheConsumerInsteadOfHangingIt() {
        // A real OutOfMemoryError: no JVM gives out an array of Integer.MAX_VALUE floats. Before
        // the fix the prefetch thread died of it and the consumer waited on the queue forever.
        Transform<Double, Tensor> huge = Transform.of("huge", Map.of(), x -> {
            if (x == 5.0) return Tensor.of(new float[Integer.MAX_VALUE], Integer.MAX_VALUE);
            return Tensor.of(new float[] {x.floatValue()}, 1);
        });
        DataStream<Batch> s = DataStream.of(samples(20)).map(huge).batch(4, Batch::collate).prefetch(2);
        OutOfMemoryError e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> assertThrows(OutOfMemoryError.class, () -> {
            try (Cursor<Batch> c = s.open(0, 0)) {
                while (c.hasNext()) c.next();
            }
        }));
        assertNotNull(e.getMessage());
    }

    @Test
    void shardsPartitionTheStream() {
        Set<Long> all = new HashSet<>();
        int total = 0;
        for (int i = 0; i < 3; i++) {
            List<Sample<Double>> part = DataStream.of(samples(100)).shard(i, 3).toList(0, 0);
            total += part.size();
            part.forEach(p -> all.add(p.index()));
        }
        assertEquals(100, total);
        assertEquals(100, all.size());
    }

    @Test
    void parallelWithoutMapIsAUsageError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataStream.of(samples(3)).parallel(2));
        assertTrue(e.getMessage().contains("map"));
    }
}
