package dev.cauce.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void sameKeyGivesSameStream() {
        Rng a = Rng.of(42, 3, 1234, 2);
        Rng b = Rng.of(42, 3, 1234, 2);
        for (int i = 0; i < 100; i++) assertEquals(a.nextLong(), b.nextLong());
    }

    @Test
    void everyKeyComponentChangesTheStream() {
        long base = Rng.of(42, 3, 1234, 2).nextLong();
        assertNotEquals(base, Rng.of(43, 3, 1234, 2).nextLong());
        assertNotEquals(base, Rng.of(42, 4, 1234, 2).nextLong());
        assertNotEquals(base, Rng.of(42, 3, 1235, 2).nextLong());
        assertNotEquals(base, Rng.of(42, 3, 1234, 3).nextLong());
        // swapped components are different cells too
        assertNotEquals(Rng.of(1, 2, 3, 4).nextLong(), Rng.of(1, 3, 2, 4).nextLong());
    }

    @Test
    void childDoesNotDependOnDrawsMadeBefore() {
        Rng a = Rng.seeded(7);
        Rng b = Rng.seeded(7);
        for (int i = 0; i < 10; i++) b.nextLong();
        assertEquals(a.child(5).nextLong(), b.child(5).nextLong());
    }

    @Test
    void uniformAndGaussianMomentsAreRight() {
        Rng r = Rng.seeded(1);
        int n = 200_000;
        double sum = 0, sumSq = 0, gsum = 0, gsq = 0;
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            assertTrue(u >= 0 && u < 1);
            sum += u;
            sumSq += u * u;
            double g = r.nextGaussian();
            gsum += g;
            gsq += g * g;
        }
        double mean = sum / n, var = sumSq / n - mean * mean;
        assertEquals(0.5, mean, 0.005);
        assertEquals(1.0 / 12, var, 0.002);
        assertEquals(0.0, gsum / n, 0.01);
        assertEquals(1.0, gsq / n - Math.pow(gsum / n, 2), 0.01);
    }

    @Test
    void nextIntIsUnbiasedAndInRange() {
        Rng r = Rng.seeded(3);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[r.nextInt(7)]++;
        for (int c : counts) assertEquals(10_000, c, 400);
        for (int i = 0; i < 1000; i++) {
            int v = r.nextInt(-3, 3);
            assertTrue(v >= -3 && v <= 3);
        }
        assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
    }

    @Test
    void shuffleIsAPermutation() {
        int[] a = new int[1000];
        for (int i = 0; i < a.length; i++) a[i] = i;
        Rng.seeded(9).shuffle(a);
        Set<Integer> seen = new HashSet<>();
        int moved = 0;
        for (int i = 0; i < a.length; i++) {
            seen.add(a[i]);
            if (a[i] != i) moved++;
        }
        assertEquals(1000, seen.size());
        assertTrue(moved > 900, "a shuffle moves almost every element, moved " + moved);
    }
}
