package dev.cauce.core.io;

/** Byte-level reordering shared by the readers: endianness swaps and Fortran-to-C order. */
final class Layouts {
    private Layouts() { }

    /** Reverses the bytes of every {@code elementSize}-byte element, in place. */
    static void swapBytes(byte[] data, int elementSize) {
        if (elementSize == 1) return;
        for (int off = 0; off < data.length; off += elementSize) {
            for (int i = 0, j = elementSize - 1; i < j; i++, j--) {
                byte t = data[off + i];
                data[off + i] = data[off + j];
                data[off + j] = t;
            }
        }
    }

    /**
     * Reorders column-major (Fortran) element bytes to row-major (C) order. Walks the C order with
     * an odometer over the indices and keeps the matching Fortran offset up to date incrementally.
     */
    static byte[] fortranToC(byte[] data, int[] shape, int elementSize) {
        int rank = shape.length;
        if (rank < 2 || data.length == 0) return data;
        long[] fStride = new long[rank];
        long s = elementSize;
        for (int d = 0; d < rank; d++) {
            fStride[d] = s;
            s *= shape[d];
        }
        byte[] out = new byte[data.length];
        int[] index = new int[rank];
        long src = 0;
        for (int dst = 0; dst < out.length; dst += elementSize) {
            System.arraycopy(data, (int) src, out, dst, elementSize);
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    src += fStride[d];
                    break;
                }
                index[d] = 0;
                src -= (shape[d] - 1) * fStride[d];
            }
        }
        return out;
    }
}
