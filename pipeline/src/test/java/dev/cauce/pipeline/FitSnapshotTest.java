package dev.cauce.pipeline;

import dev.cauce.core.Rng;
import dev.cauce.core.scale.MinMaxScaler;
import dev.cauce.core.scale.StandardScaler;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Snapshots merge exactly as core's states do, so shipping them to a driver changes no bit. */
class FitSnapshotTest {

    private static List<float[]> samples(int n, long seed) {
        Rng rng = Rng.seeded(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[5];
            for (int j = 0; j < x.length; j++) x[j] = (float) (rng.nextGaussian() * (j + 1) + 100 * j);
            out.add(x);
        }
        return out;
    }

    @Test
    void momentsMergeBitForBitLikeCoresStandardState() {
        List<float[]> all = samples(300, 3);
        int[] cuts = {0, 70, 71, 200, 300};
        StandardScaler.State coreMerged = null;
        FitSnapshot snapMerged = null;
        for (int c = 0; c + 1 < cuts.length; c++) {
            StandardScaler.State s = new StandardScaler.State(5);
            for (int i = cuts[c]; i < cuts[c + 1]; i++) s.add(all.get(i), "#" + i);
            FitSnapshot snap = new FitSnapshot.Moments(s.count(), s.mean(), s.m2());
            coreMerged = coreMerged == null ? s : coreMerged.merge(s);
            snapMerged = snapMerged == null ? snap : snapMerged.merge(snap);
        }
        FitSnapshot.Moments m = (FitSnapshot.Moments) snapMerged;
        assertEquals(coreMerged.count(), m.count());
        assertArrayEquals(coreMerged.mean(), m.mean());
        assertArrayEquals(coreMerged.m2(), m.m2());

        // And the scaler built from the snapshot equals core's scaler of the merged state.
        PipelineSpec.Fit fit = new PipelineSpec.Fit(StandardScaler.NAME, java.util.Map.of());
        StandardScaler fromSnap = (StandardScaler) FittedSteps.finishMerged(fit, 0, List.of(m));
        StandardScaler fromCore = StandardScaler.fromState(coreMerged, true, true);
        assertEquals(fromCore.spec(), fromSnap.spec());
    }

    @Test
    void rangesMergeLikeCoresMinMaxState() {
        List<float[]> all = samples(100, 4);
        MinMaxScaler.State a = new MinMaxScaler.State(5);
        MinMaxScaler.State b = new MinMaxScaler.State(5);
        for (int i = 0; i < 100; i++) (i < 37 ? a : b).add(all.get(i), "#" + i);
        MinMaxScaler.State core = a.merge(b);
        FitSnapshot.Range r = (FitSnapshot.Range) new FitSnapshot.Range(a.count(), a.min(), a.max())
                .merge(new FitSnapshot.Range(b.count(), b.min(), b.max()));
        assertArrayEquals(core.min(), r.min());
        assertArrayEquals(core.max(), r.max());
        PipelineSpec.Fit fit = new PipelineSpec.Fit(MinMaxScaler.NAME, java.util.Map.of("featureRange", List.of(-1, 1)));
        assertEquals(MinMaxScaler.fromState(core, -1, 1).spec(), FittedSteps.finishMerged(fit, 0, List.of(r)).spec());
    }
}
