package dev.cauce.train.average;

import dev.cauce.train.Param;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SWA is the mean of the snapshots, EMA follows its closed form, swap/restore round-trips. */
class WeightAverageTest {
    /** Snapshot k of element i: a fixed, non-trivial sequence. */
    private static float snapshot(int k, int i) {
        return (float) (Math.sin(0.7 * k + i) * (1 + 0.1 * k) + 0.25 * i);
    }

    private static void setValues(Param p, int k) {
        for (int i = 0; i < p.size(); i++) p.value[i] = snapshot(k, i);
    }

    @Test
    void swaIsTheArithmeticMeanOfTheSnapshots() {
        Param p = new Param("w", true, 7);
        Swa swa = new Swa();
        int n = 25;
        for (int k = 0; k < n; k++) {
            setValues(p, k);
            swa.update(List.of(p));
        }
        assertEquals(n, swa.count());
        float[] avg = swa.averaged(p);
        for (int i = 0; i < 7; i++) {
            double mean = 0;
            for (int k = 0; k < n; k++) mean += snapshot(k, i);
            assertEquals(mean / n, avg[i], 1e-6, "element " + i);
        }
    }

    @Test
    void swaOnStepSnapshotsEveryKUpdatesFromStart() {
        Param p = new Param("w", false, 3);
        Swa swa = new Swa(10, 4);
        double[] mean = new double[3];
        int taken = 0;
        for (int t = 0; t < 30; t++) {
            setValues(p, t);
            boolean took = swa.onStep(List.of(p), t);
            assertEquals(t >= 10 && (t - 10) % 4 == 0, took, "t=" + t);
            if (took) {
                taken++;
                for (int i = 0; i < 3; i++) mean[i] += snapshot(t, i);
            }
        }
        assertEquals(5, taken); // t = 10, 14, 18, 22, 26
        float[] avg = swa.averaged(p);
        for (int i = 0; i < 3; i++) assertEquals(mean[i] / taken, avg[i], 1e-6);
    }

    @Test
    void emaFollowsItsClosedForm() {
        double beta = 0.8;
        Param p = new Param("w", true, 5);
        Ema ema = new Ema(beta);
        int n = 30;
        for (int k = 0; k < n; k++) {
            setValues(p, k);
            ema.update(List.of(p));
        }
        float[] avg = ema.averaged(p);
        for (int i = 0; i < 5; i++) {
            // θ̄_n = β^(n−1)·θ_1 + Σ_{k=2..n} (1−β)·β^(n−k)·θ_k  (snapshots 1-based here, 0-based in snapshot())
            double expected = Math.pow(beta, n - 1) * snapshot(0, i);
            for (int k = 1; k < n; k++) expected += (1 - beta) * Math.pow(beta, n - 1 - k) * snapshot(k, i);
            assertEquals(expected, avg[i], 1e-6, "element " + i);
        }
    }

    @Test
    void adamCorrectedEmaIsTheRenormalisedExponentialAverage() {
        double beta = 0.9;
        Param p = new Param("w", true, 5);
        Ema ema = new Ema(beta, Ema.Correction.ADAM);
        int n = 12;
        for (int k = 0; k < n; k++) {
            setValues(p, k);
            ema.update(List.of(p));
            float[] avg = ema.averaged(p);
            int m = k + 1; // snapshots held
            for (int i = 0; i < 5; i++) {
                // Adam: m_n = β·m_(n−1) + (1−β)·θ_n from m_0 = 0, then θ̂_n = m_n / (1 − β^n)
                double biased = 0;
                for (int j = 0; j < m; j++) biased = beta * biased + (1 - beta) * snapshot(j, i);
                // the same in closed form: Σ_j (1−β)·β^(m−1−j)·θ_j / (1 − β^m)
                double closed = 0;
                for (int j = 0; j < m; j++) closed += (1 - beta) * Math.pow(beta, m - 1 - j) * snapshot(j, i);
                closed /= 1 - Math.pow(beta, m);
                assertEquals(biased / (1 - Math.pow(beta, m)), closed, 1e-12);
                assertEquals(closed, avg[i], 1e-6, "snapshot " + m + ", element " + i);
            }
        }
    }

    @Test
    void numUpdatesEmaFollowsTensorFlowsDecayRamp() {
        double beta = 0.5;
        Param p = new Param("w", true, 3);
        Ema ema = new Ema(beta, Ema.Correction.NUM_UPDATES);
        // TF ExponentialMovingAverage: decay_n = min(β, (1 + n) / (10 + n)); with n = 1, 2, 3, ... held
        // snapshots that is 2/11, 3/12, 4/13, 5/14, 6/15, 7/16, 8/17, 0.5 (8/17 < 0.5 <= 9/18), 0.5, ...
        double[] decays = {2 / 11.0, 3 / 12.0, 4 / 13.0, 5 / 14.0, 6 / 15.0, 7 / 16.0, 8 / 17.0, 0.5, 0.5, 0.5};
        int n = decays.length + 1;
        for (int k = 0; k < n; k++) {
            setValues(p, k);
            ema.update(List.of(p));
        }
        float[] avg = ema.averaged(p);
        for (int i = 0; i < 3; i++) {
            // weight of snapshot j: (1 − d_j)·Π_{l>j} d_l, the first snapshot entering with weight 1 (shadow = value)
            double expected = 0;
            for (int j = 0; j < n; j++) {
                double w = j == 0 ? 1 : 1 - decays[j - 1];
                for (int l = j; l < decays.length; l++) w *= decays[l];
                expected += w * snapshot(j, i);
            }
            assertEquals(expected, avg[i], 1e-6, "element " + i);
        }
    }

    @Test
    void correctionsParseByName() {
        assertEquals(Ema.Correction.ADAM, Ema.Correction.parse("Adam"));
        assertEquals(Ema.Correction.NUM_UPDATES, Ema.Correction.parse("num-updates"));
        assertEquals(Ema.Correction.NONE, Ema.Correction.parse("none"));
        var e = assertThrows(IllegalArgumentException.class, () -> Ema.Correction.parse("bias"));
        assertTrue(e.getMessage().contains("'bias'"), e.getMessage());
    }

    @Test
    void emaOfAConstantIsThatConstant() {
        for (Ema.Correction c : Ema.Correction.values()) {
            Param p = new Param("w", true, 4);
            java.util.Arrays.fill(p.value, 3.5f);
            Ema ema = new Ema(0.99, c);
            for (int k = 0; k < 100; k++) ema.update(List.of(p));
            assertArrayEquals(p.value, ema.averaged(p), c.name());
        }
    }

    @Test
    void swapInThenRestoreRoundTripsAndCopyToOverwrites() {
        Param w = new Param("w", true, 6);
        Param b = new Param("b", false, 2);
        List<Param> params = List.of(w, b);
        Swa swa = new Swa();
        for (int k = 0; k < 4; k++) {
            setValues(w, k);
            setValues(b, k + 10);
            swa.update(params);
        }
        float[] rawW = w.value.clone();
        float[] rawB = b.value.clone();
        swa.swapIn(params);
        assertArrayEquals(swa.averaged(w), w.value);
        assertArrayEquals(swa.averaged(b), b.value);
        assertFalse(java.util.Arrays.equals(rawW, w.value));
        assertThrows(IllegalStateException.class, () -> swa.update(params));
        swa.restore(params);
        assertArrayEquals(rawW, w.value);
        assertArrayEquals(rawB, b.value);
        swa.copyTo(params);
        assertArrayEquals(swa.averaged(w), w.value);
    }

    @Test
    void misuseIsReported() {
        Param w = new Param("w", true, 2);
        Param other = new Param("other", true, 2);
        Ema ema = new Ema(0.5);
        var e = assertThrows(IllegalArgumentException.class, () -> ema.averaged(w));
        assertTrue(e.getMessage().startsWith("w:"), e.getMessage());
        ema.update(List.of(w));
        assertThrows(IllegalArgumentException.class, () -> ema.update(List.of(w, other)));
        assertThrows(IllegalStateException.class, () -> ema.restore(List.of(w)));
        assertThrows(IllegalArgumentException.class, () -> new Ema(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Swa(0, 0));
    }
}
