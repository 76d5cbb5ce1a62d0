package dev.cauce.core.scale;

import static org.junit.jupiter.api.Assertions.*;

import dev.cauce.core.DataStream;
import dev.cauce.core.ErrorPolicy;
import dev.cauce.core.ErrorReport;
import dev.cauce.core.Rng;
import dev.cauce.core.Sample;
import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.io.Idx;
import dev.cauce.core.io.LabelledData;
import dev.cauce.core.io.TestResources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mergeable states, edge cases (constant features, zero norms, NaN), determinism and save/load. */
class ScalerTest {
    private static LabelledData mnist;
    private static List<Tensor> rows;

    @BeforeAll
    static void load() throws IOException {
        mnist = Idx.readLabelled(TestResources.path("mnist/train-images-idx3-ubyte.gz"),
                TestResources.path("mnist/train-labels-idx1-ubyte.gz"));
        rows = new ArrayList<>();
        for (int i = 0; i < mnist.size(); i++) rows.add(mnist.inputs().slice(i).reshape(784));
    }

    private static <S extends FeatureState<S>> S stateOf(List<Tensor> part, S empty) {
        for (int i = 0; i < part.size(); i++) empty.add(part.get(i).data(), "row " + i);
        return empty;
    }

    @Test
    void mergedPartialStatesEqualOnePassFit() {
        StandardScaler.State all = stateOf(rows, new StandardScaler.State(784));
        // Halves, and three uneven parts merged in two different orders.
        StandardScaler.State a = stateOf(rows.subList(0, 4000), new StandardScaler.State(784));
        StandardScaler.State b = stateOf(rows.subList(4000, 8000), new StandardScaler.State(784));
        StandardScaler.State p = stateOf(rows.subList(0, 123), new StandardScaler.State(784));
        StandardScaler.State q = stateOf(rows.subList(123, 5001), new StandardScaler.State(784));
        StandardScaler.State r = stateOf(rows.subList(5001, 8000), new StandardScaler.State(784));
        for (StandardScaler.State merged : List.of(a.merge(b), b.merge(a), p.merge(q).merge(r), r.merge(p.merge(q)),
                a.merge(new StandardScaler.State(784)).merge(b))) {
            assertEquals(8000, merged.count());
            assertClose(all.mean(), merged.mean(), 1e-12);
            assertClose(all.variance(), merged.variance(), 1e-12);
        }
        StandardScaler whole = StandardScaler.fit(rows);
        StandardScaler fromHalves = StandardScaler.fromState(a.merge(b), true, true);
        assertClose(whole.scale(), fromHalves.scale(), 1e-12);

        MinMaxScaler.State mAll = stateOf(rows, new MinMaxScaler.State(784));
        MinMaxScaler.State mMerged = stateOf(rows.subList(0, 4000), new MinMaxScaler.State(784))
                .merge(stateOf(rows.subList(4000, 8000), new MinMaxScaler.State(784)));
        assertArrayEquals(mAll.min(), mMerged.min());
        assertArrayEquals(mAll.max(), mMerged.max());
        assertEquals(8000, mMerged.count());
    }

    @Test
    void welfordAgreesWithCommonsMath() {
        StandardScaler s = StandardScaler.fit(rows);
        for (int j : new int[] {152, 350, 406, 600, 783}) {
            double[] column = rows.stream().mapToDouble(t -> t.data()[j]).toArray();
            assertEquals(new Mean().evaluate(column), s.mean()[j], 1e-12 * Math.max(1, Math.abs(s.mean()[j])));
            assertEquals(new Variance(false).evaluate(column), s.variance()[j], 1e-12 * Math.max(1, s.variance()[j]));
        }
    }

    @Test
    void constantFeaturesGiveZeroNeverNaN() {
        // Feature 0 constant 7, feature 1 spans [2, 6], feature 2 constant 0.
        List<Tensor> data = List.of(t(7, 2, 0), t(7, 6, 0), t(7, 4, 0));
        MinMaxScaler mm = MinMaxScaler.fit(data, -1, 1);
        assertArrayEquals(new float[] {0f, -1f, 0f}, mm.apply(t(7, 2, 0), null).data());
        assertArrayEquals(new float[] {0f, 1f, 0f}, mm.apply(t(7, 6, 0), null).data());
        assertArrayEquals(new float[] {0f, 0f, 0f}, mm.apply(t(7, 4, 0), null).data());
        // Off the constant, values move by (hi - lo) per unit, as scikit-learn's range-1 rule.
        assertArrayEquals(new float[] {2f, 0f, -3f}, mm.apply(t(8, 4, -1.5f), null).data());

        StandardScaler st = StandardScaler.fit(data);
        float[] y = st.apply(t(7, 6, 0), null).data();
        assertEquals(0f, y[0]);
        assertEquals(0f, y[2]);
        assertEquals((float) (2 / Math.sqrt(8.0 / 3)), y[1], 1e-6f);
        assertArrayEquals(new double[] {1, Math.sqrt(8.0 / 3), 1}, st.scale(), 1e-15);

        // A constant that is not exactly representable stays a zero-variance feature.
        StandardScaler tenth = StandardScaler.fit(List.of(t(0.1f), t(0.1f), t(0.1f)));
        assertEquals(0f, tenth.apply(t(0.1f), null).data()[0]);
    }

    @Test
    void zeroNormSampleStaysZeroAndNormsFollowSklearn() {
        for (UnitNormScaler.Norm n : UnitNormScaler.Norm.values()) {
            assertArrayEquals(new float[] {0, 0, 0}, new UnitNormScaler(n).apply(t(0, 0, 0), null).data(), n.name());
        }
        assertArrayEquals(new float[] {0.6f, -0.8f}, new UnitNormScaler().apply(t(3, -4), null).data());
        assertArrayEquals(new float[] {3 / 7f, -4 / 7f}, new UnitNormScaler(UnitNormScaler.Norm.L1).apply(t(3, -4), null).data());
        assertArrayEquals(new float[] {0.75f, -1f}, new UnitNormScaler(UnitNormScaler.Norm.MAX).apply(t(3, -4), null).data());
        Tensor image = Tensor.of(new float[] {1, 2, 2, 4}, 2, 2);
        Tensor unit = new UnitNormScaler().apply(image, null);
        assertArrayEquals(new int[] {2, 2}, unit.shape(), "shape kept");
        assertEquals(0.2f, unit.get(0, 0), 1e-7f);
    }

    @Test
    void nanOrInfiniteInputNamesTheSampleAndFeature() {
        List<Sample<Tensor>> samples = new ArrayList<>();
        for (int i = 0; i < 6; i++) samples.add(new Sample<>(i, "digits.npy#" + i, t(i, 1, 2, 3), 0));
        samples.set(4, new Sample<>(4, "digits.npy#4", t(4, 1, 2, Float.NaN), 0));
        DataStream<Sample<Tensor>> stream = DataStream.of(samples);
        SampleException e = assertThrows(SampleException.class, () -> StandardScaler.fit(stream));
        assertEquals("digits.npy#4: feature 3 is NaN", e.getMessage());
        e = assertThrows(SampleException.class, () -> MinMaxScaler.fit(stream));
        assertEquals("digits.npy#4", e.source());

        e = assertThrows(SampleException.class, () -> MinMaxScaler.fit(List.of(t(1, 2), t(Float.POSITIVE_INFINITY, 2))));
        assertEquals("sample #1: feature 0 is infinite (Infinity)", e.getMessage());
        e = assertThrows(SampleException.class, () -> StandardScaler.fit(List.of(t(1, 2), t(1, 2, 3))));
        assertEquals("sample #1: has 3 features, expected 2", e.getMessage());

        // At transform time inside a stream the sample is named by the stream; SKIP reports it.
        StandardScaler s = StandardScaler.fit(List.of(t(0, 1, 2, 3), t(1, 2, 3, 4)));
        e = assertThrows(SampleException.class, () -> stream.map(s).toList(0, 0));
        assertEquals("digits.npy#4: standard_scaler: feature 3 is NaN", e.getMessage());
        ErrorReport report = new ErrorReport();
        int kept = 0;
        try (var c = stream.map(s).open(0, 0, ErrorPolicy.SKIP, report)) {
            while (c.hasNext()) { c.next(); kept++; }
        }
        assertEquals(5, kept);
        assertEquals("digits.npy#4", report.failures().getFirst().source());
        assertThrows(IllegalArgumentException.class, () -> new UnitNormScaler().apply(t(1, Float.NaN), null));
        assertThrows(IllegalArgumentException.class, () -> StandardScaler.fit(List.of()));
    }

    @Test
    void fitIsDeterministicWhateverThePath() {
        StandardScaler viaList = StandardScaler.fit(rows);
        StandardScaler again = StandardScaler.fit(rows);
        // The stream path (parallel map of 2 threads keeps the order) gives the same bits.
        DataStream<Sample<Tensor>> parallel = mnist.stream()
                .map(dev.cauce.core.Transform.<Tensor, Tensor>of("flatten", java.util.Map.of(), x -> x.reshape(784))).parallel(2);
        StandardScaler viaStream = StandardScaler.fit(parallel);
        assertEquals(viaList.spec(), again.spec());
        assertEquals(viaList.spec(), viaStream.spec());
        assertEquals(MinMaxScaler.fit(rows).spec(), MinMaxScaler.fit(parallel).spec());
    }

    @Test
    void saveLoadAndSpecRebuildExactly(@TempDir Path tmp) throws IOException {
        List<Scaler> scalers = List.of(MinMaxScaler.fit(rows, -1, 1), StandardScaler.fit(rows),
                StandardScaler.fit(rows, false, true), new UnitNormScaler(UnitNormScaler.Norm.MAX));
        for (Scaler s : scalers) {
            Path file = tmp.resolve(s.spec().name() + ".json");
            s.save(file);
            Scaler back = Scaler.load(file);
            assertEquals(s.getClass(), back.getClass());
            assertEquals(s.spec(), back.spec(), "statistics restored bit for bit");
            assertEquals(s.spec(), Scaler.fromSpec(s.spec()).spec());
            for (int i = 0; i < 8000; i += 1999) {
                assertEquals(s.apply(rows.get(i), null), back.apply(rows.get(i), null));
            }
        }
        TransformSpec mm = scalers.getFirst().spec();
        assertEquals(List.of(-1.0, 1.0), mm.params().get("featureRange"));
        assertEquals(8000L, mm.params().get("count"));
        assertEquals(784, ((List<?>) mm.params().get("dataMax")).size());

        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"robust_scaler\", \"params\": {}}");
        IOException e = assertThrows(IOException.class, () -> Scaler.load(bad));
        assertTrue(e.getMessage().startsWith(bad + ": unknown scaler 'robust_scaler'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(rows, 1, 1));
    }

    private static Tensor t(float... v) {
        return Tensor.of(v, v.length);
    }

    private static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], rel * Math.abs(expected[j]), "feature " + j);
        }
    }
}
