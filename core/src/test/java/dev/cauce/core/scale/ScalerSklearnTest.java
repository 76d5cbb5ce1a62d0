package dev.cauce.core.scale;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.io.Idx;
import dev.cauce.core.io.LabelledData;
import dev.cauce.core.io.TestResources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scalers fitted on the 8,000 MNIST train digits (raw 0..255, 784 features) match
 * scikit-learn 1.2.1 (golden/scalers/*.json from shared/peers/sklearn_scalers.py): fitted
 * statistics of all 784 features, transformed cells, and aggregates over train and test.
 */
class ScalerSklearnTest {
    /** The acceptance tolerance of issue 2 for values Cauce outputs as float32. */
    private static final double REL = 1e-6;
    /** Fitted statistics are double on both sides, so they must agree far more closely. */
    private static final double REL_STATS = 1e-10;

    private static final JsonNode GOLDEN = TestResources.json("golden/scalers/scalers.json");
    private static final JsonNode FULL = TestResources.json("golden/scalers/scalers_full.json");
    private static LabelledData train;
    private static List<Tensor> trainRows;
    private static List<Tensor> testRows;

    @BeforeAll
    static void load() throws IOException {
        train = Idx.readLabelled(TestResources.path("mnist/train-images-idx3-ubyte.gz"),
                TestResources.path("mnist/train-labels-idx1-ubyte.gz"));
        trainRows = rows(train.inputs());
        testRows = rows(Idx.readImages(TestResources.path("mnist/test-images-idx3-ubyte.gz")));
        assertEquals(GOLDEN.at("/data/shape/0").asInt(), trainRows.size());
    }

    private static List<Tensor> rows(Tensor images) {
        List<Tensor> out = new ArrayList<>(images.dim(0));
        for (int i = 0; i < images.dim(0); i++) out.add(images.slice(i).reshape(784));
        return out;
    }

    @Test
    void minMaxMatchesSklearn() {
        MinMaxScaler s = MinMaxScaler.fit(train.stream());
        JsonNode g = GOLDEN.get("MinMaxScaler");
        JsonNode f = FULL.get("MinMaxScaler");
        assertArrays(f.get("data_min_"), s.dataMin(), 0);
        assertArrays(f.get("data_max_"), s.dataMax(), 0);
        assertArrays(f.get("scale_"), s.scale(), REL_STATS);
        // sklearn's min_ equals our offset: the constant features of MNIST are all 0 and the range starts at 0.
        assertArrays(f.get("min_"), s.offset(), REL_STATS);
        assertEquals(g.get("zero_range_features").asInt(), countConstant(s.dataMin(), s.dataMax()));
        checkTransformed(g, s);
        Summary test = summary(testRows, s);
        assertRel(g.get("transformed_test_min").asDouble(), test.min, REL);
        assertRel(g.get("transformed_test_max").asDouble(), test.max, REL);
        assertRel(g.get("transformed_test_mean").asDouble(), test.mean, REL);
    }

    @Test
    void standardMatchesSklearn() {
        StandardScaler s = StandardScaler.fit(trainRows);
        JsonNode g = GOLDEN.get("StandardScaler");
        JsonNode f = FULL.get("StandardScaler");
        assertArrays(f.get("mean_"), s.mean(), REL_STATS);
        assertArrays(f.get("var_"), s.variance(), REL_STATS);
        assertArrays(f.get("scale_"), s.scale(), REL_STATS);
        assertRel(g.get("max_scale").asDouble(), max(s.scale()), REL_STATS);
        checkTransformed(g, s);
        Summary train = summary(trainRows, s);
        assertEquals(g.get("transformed_train_mean").asDouble(), train.mean, 1e-9, "mean of standardized data is ~0");
        assertRel(g.get("transformed_train_std").asDouble(), train.std, REL);
        Summary test = summary(testRows, s);
        assertRel(g.get("transformed_test_min").asDouble(), test.min, REL);
        assertRel(g.get("transformed_test_max").asDouble(), test.max, REL);
        assertRel(g.get("transformed_test_mean").asDouble(), test.mean, REL);
    }

    @Test
    void unitNormMatchesSklearnNormalizer() {
        UnitNormScaler s = new UnitNormScaler(UnitNormScaler.Norm.L2);
        JsonNode g = GOLDEN.get("Normalizer_l2");
        g.get("row_norms").properties().forEach(e ->
                assertRel(e.getValue().asDouble(), s.normOf(trainRows.get(Integer.parseInt(e.getKey())).data()), REL_STATS));
        double meanNorm = trainRows.stream().mapToDouble(r -> s.normOf(r.data())).average().orElseThrow();
        assertRel(g.get("mean_row_norm").asDouble(), meanNorm, REL_STATS);
        checkTransformed(g, s);
        for (int i = 0; i < trainRows.size(); i += 97) {
            assertEquals(1.0, s.normOf(s.apply(trainRows.get(i), Rng.seeded(0)).data()), 1e-6);
        }
    }

    /** Cells at the golden rows and features, and the sum (and mean) of the transformed train set. */
    private static void checkTransformed(JsonNode g, Scaler s) {
        List<Tensor> out = trainRows.stream().map(r -> s.apply(r, Rng.seeded(0))).toList();
        g.get("transformed_train_cells").properties().forEach(row -> row.getValue().properties().forEach(cell -> {
            float v = out.get(Integer.parseInt(row.getKey())).data()[Integer.parseInt(cell.getKey())];
            assertRel(cell.getValue().asDouble(), v, REL);
        }));
        double sum = 0;
        for (Tensor t : out) for (float v : t.data()) sum += v;
        if (g.has("transformed_train_sum")) assertRel(g.get("transformed_train_sum").asDouble(), sum, REL);
        if (g.get("transformed_train_mean").asDouble() > 1e-3) {
            assertRel(g.get("transformed_train_mean").asDouble(), sum / (out.size() * 784.0), REL);
        }
    }

    private record Summary(double min, double max, double mean, double std) { }

    private static Summary summary(List<Tensor> rows, Scaler s) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, sq = 0;
        long n = 0;
        for (Tensor r : rows) {
            for (float v : s.apply(r, Rng.seeded(0)).data()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                sq += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        return new Summary(min, max, mean, Math.sqrt(sq / n - mean * mean));
    }

    private static int countConstant(double[] lo, double[] hi) {
        int c = 0;
        for (int j = 0; j < lo.length; j++) if (lo[j] == hi[j]) c++;
        return c;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) m = Math.max(m, d);
        return m;
    }

    private static void assertArrays(JsonNode expected, double[] actual, double rel) {
        assertEquals(expected.size(), actual.length);
        for (int j = 0; j < actual.length; j++) assertRel(expected.get(j).asDouble(), actual[j], rel, "feature " + j);
    }

    private static void assertRel(double expected, double actual, double rel) {
        assertRel(expected, actual, rel, "");
    }

    private static void assertRel(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }
}
