package dev.cauce.core.io;

import dev.cauce.core.Tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A typed n-dimensional array as stored in an interchange file: element type, shape and the raw
 * element bytes, <b>little-endian and in C (row-major) order</b> whatever the file used.
 *
 * <p>Keeping the bytes (rather than converting to float at once) keeps float64 and int64 values
 * exact: read them with {@link #toDoubles()} or {@link #toLongs()}; {@link #toTensor()} gives the
 * float32 view most of Cauce works with. The arrays given to and returned by the factories and
 * views are copies, so an {@code NdArray} is effectively immutable ({@link #data()} returns a copy).
 */
public final class NdArray {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private final DType dtype;
    private final int[] shape;
    private final byte[] data;
    private final int size;

    /** Takes ownership of {@code data} (little-endian, C order); callers inside the package pass fresh arrays. */
    NdArray(DType dtype, int[] shape, byte[] data) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.shape = shape.clone();
        long n = elementCount(this.shape);
        if (n * dtype.size() != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + dtype + " needs "
                    + n * dtype.size() + " bytes, got " + data.length);
        }
        this.data = data;
        this.size = (int) n;
    }

    /** Number of elements of a shape; rejects negative dimensions and shapes beyond one Java array. */
    static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large for one Java array");
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ factories

    /** An array from little-endian, C-order element bytes (copied). */
    public static NdArray ofBytes(DType dtype, byte[] littleEndianData, int... shape) {
        return new NdArray(dtype, shape, littleEndianData.clone());
    }

    /** A float32 array with the tensor's shape and values. */
    public static NdArray of(Tensor t) {
        return ofFloats(t.data(), t.shape());
    }

    public static NdArray ofFloats(float[] values, int... shape) {
        return filled(DType.FLOAT32, values.length, shape, b -> b.asFloatBuffer().put(values));
    }

    public static NdArray ofDoubles(double[] values, int... shape) {
        return filled(DType.FLOAT64, values.length, shape, b -> b.asDoubleBuffer().put(values));
    }

    /** An int64 array (the usual dtype of label files written by NumPy). */
    public static NdArray ofLongs(long[] values, int... shape) {
        return filled(DType.INT64, values.length, shape, b -> b.asLongBuffer().put(values));
    }

    public static NdArray ofInts(int[] values, int... shape) {
        return filled(DType.INT32, values.length, shape, b -> b.asIntBuffer().put(values));
    }

    /** A uint8 array; Java's signed bytes are read as 0..255. */
    public static NdArray ofUnsignedBytes(byte[] values, int... shape) {
        return new NdArray(DType.UINT8, shape, values.clone());
    }

    /** An array of {@code count} elements whose little-endian bytes {@code fill} writes through a buffer view. */
    private static NdArray filled(DType dtype, int count, int[] shape, Consumer<ByteBuffer> fill) {
        long n = elementCount(shape);
        if (n != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values but " + count + " were given");
        }
        byte[] b = new byte[count * dtype.size()];
        fill.accept(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
        return new NdArray(dtype, shape, b);
    }

    // ------------------------------------------------------------------ accessors

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements (1 for a 0-d scalar, 0 for an empty array). */
    public int size() {
        return size;
    }

    /** A copy of the element bytes, little-endian, C order. */
    public byte[] data() {
        return data.clone();
    }

    /** The element bytes without a copy, for the writers in this package. */
    byte[] rawData() {
        return data;
    }

    /**
     * Element {@code i} (flat C-order index) as a double: exact for every type except 64-bit
     * integers beyond 2^53, which round to the nearest double. uint64 is read as unsigned.
     */
    public double getDouble(int i) {
        Objects.checkIndex(i, size);
        return switch (dtype) {
            case UINT64 -> unsignedToDouble((long) I64.get(data, 8 * i));
            case FLOAT16 -> Float.float16ToFloat((short) I16.get(data, 2 * i));
            case BFLOAT16 -> Float.intBitsToFloat(((short) I16.get(data, 2 * i) & 0xFFFF) << 16);
            case FLOAT32 -> (float) F32.get(data, 4 * i);
            case FLOAT64 -> (double) F64.get(data, 8 * i);
            default -> getLong(i);
        };
    }

    /**
     * Element {@code i} of an integer or bool array as a long, exact. uint64 values above
     * {@link Long#MAX_VALUE} come back as their two's-complement bit pattern (negative), as
     * {@link Long#toUnsignedString(long)} expects.
     *
     * @throws IllegalStateException for floating-point arrays
     */
    public long getLong(int i) {
        Objects.checkIndex(i, size);
        return switch (dtype) {
            case BOOL, UINT8 -> data[i] & 0xFF;
            case INT8 -> data[i];
            case INT16 -> (short) I16.get(data, 2 * i);
            case UINT16 -> (short) I16.get(data, 2 * i) & 0xFFFF;
            case INT32 -> (int) I32.get(data, 4 * i);
            case UINT32 -> (int) I32.get(data, 4 * i) & 0xFFFF_FFFFL;
            case INT64, UINT64 -> (long) I64.get(data, 8 * i);
            case FLOAT16, BFLOAT16, FLOAT32, FLOAT64 ->
                    throw new IllegalStateException("getLong on a " + dtype + " array; use getDouble or toDoubles");
        };
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** All elements as doubles, C order (see {@link #getDouble(int)} for exactness). */
    public double[] toDoubles() {
        double[] out = new double[size];
        switch (dtype) {
            case FLOAT64 -> ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
            default -> {
                for (int i = 0; i < size; i++) out[i] = getDouble(i);
            }
        }
        return out;
    }

    /**
     * All elements of an integer or bool array as longs, exact.
     *
     * @throws IllegalStateException for floating-point arrays
     */
    public long[] toLongs() {
        long[] out = new long[size];
        if (dtype == DType.INT64 || dtype == DType.UINT64) {
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        } else {
            for (int i = 0; i < size; i++) out[i] = getLong(i);
        }
        return out;
    }

    /**
     * All elements of an integer or bool array as ints (e.g. class labels).
     *
     * @throws IllegalStateException for floating-point arrays, or when a value does not fit an int
     */
    public int[] toInts() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            long v = getLong(i);
            if (v != (int) v || (dtype == DType.UINT64 && v < 0)) {
                throw new IllegalStateException("element " + i + " = " + (dtype == DType.UINT64 ? Long.toUnsignedString(v) : v)
                        + " does not fit an int");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** All elements converted to float32 (rounded to nearest for float64 and large integers). */
    public float[] toFloats() {
        float[] out = new float[size];
        switch (dtype) {
            case FLOAT32 -> ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            case UINT8 -> {
                for (int i = 0; i < size; i++) out[i] = data[i] & 0xFF;
            }
            default -> {
                for (int i = 0; i < size; i++) out[i] = (float) getDouble(i);
            }
        }
        return out;
    }

    /** A float32 {@link Tensor} of the same shape (values converted as by {@link #toFloats()}). */
    public Tensor toTensor() {
        return Tensor.of(toFloats(), shape);
    }

    /** The same elements with another shape of equal size. */
    public NdArray reshape(int... newShape) {
        if (elementCount(newShape) != size) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(newShape));
        }
        return new NdArray(dtype, newShape, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray a && dtype == a.dtype && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return (31 * dtype.hashCode() + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NdArray[").append(dtype).append(' ').append(Arrays.toString(shape)).append("] [");
        int n = Math.min(size, 8);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ");
            if (dtype.isFloat()) sb.append(getDouble(i)); else sb.append(getLong(i));
        }
        return sb.append(size > n ? ", ...]" : "]").toString();
    }
}
