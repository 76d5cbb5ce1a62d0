package dev.cauce.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void rowMajorIndexing() {
        Tensor t = Tensor.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);
        assertEquals(5f, t.get(1, 2));
        assertEquals(3, t.offset(1, 0));
        t.set(9f, 0, 1);
        assertEquals(9f, t.data()[1]);
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0));
    }

    @Test
    void shapeMustMatchData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
    }

    @Test
    void reshapeInfersOneDimensionAndSharesData() {
        Tensor t = Tensor.zeros(2, 3, 4);
        Tensor r = t.reshape(-1, 4);
        assertArrayEquals(new int[] {6, 4}, r.shape());
        assertSame(t.data(), r.data());
        assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, 5));
    }

    @Test
    void stackThenSliceRestoresParts() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.of(new float[] {5, 6, 7, 8}, 2, 2);
        Tensor s = Tensor.stack(List.of(a, b));
        assertArrayEquals(new int[] {2, 2, 2}, s.shape());
        assertEquals(a, s.slice(0));
        assertEquals(b, s.slice(1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.stack(List.of(a, Tensor.zeros(4))));
    }
}
