package dev.cauce.core;

import java.util.Arrays;
import java.util.List;

/**
 * A dense float32 array with a shape, stored row-major (C order): the last index varies fastest.
 *
 * <p>Like a NumPy array, a tensor is a thin view over a {@code float[]}: {@link #data()} returns the
 * backing array itself, so hot loops can work on it without copies. Transforms follow the rule that
 * they never write into their input; they allocate (or reuse a caller-given) output instead.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    /** Wraps {@code data} (not copied) with the given shape; the sizes must agree. */
    public static Tensor of(float[] data, int... shape) {
        long n = checkedSize(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " values but data has " + data.length);
        }
        return new Tensor(data, shape.clone());
    }

    public static Tensor zeros(int... shape) {
        long n = checkedSize(shape);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large for one array (" + n + " values)");
        }
        return new Tensor(new float[(int) n], shape.clone());
    }

    public static Tensor scalar(float v) {
        return new Tensor(new float[] {v}, new int[0]);
    }

    /** Stacks tensors of one shape along a new leading axis (N, ...). */
    public static Tensor stack(List<Tensor> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("stack needs at least one tensor");
        int[] inner = parts.getFirst().shape;
        int per = parts.getFirst().size();
        int[] shape = new int[inner.length + 1];
        shape[0] = parts.size();
        System.arraycopy(inner, 0, shape, 1, inner.length);
        float[] out = new float[Math.multiplyExact(per, parts.size())];
        for (int i = 0; i < parts.size(); i++) {
            Tensor t = parts.get(i);
            if (!Arrays.equals(t.shape, inner)) {
                throw new IllegalArgumentException("stack: tensor " + i + " has shape " + Arrays.toString(t.shape)
                        + ", expected " + Arrays.toString(inner));
            }
            System.arraycopy(t.data, 0, out, i * per, per);
        }
        return new Tensor(out, shape);
    }

    private static long checkedSize(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        return n;
    }

    /** The backing array (not a copy). */
    public float[] data() {
        return data;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    public int size() {
        return data.length;
    }

    /** Flat row-major offset of an index. */
    public int offset(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of rank " + index.length + " for tensor of rank " + shape.length);
        }
        int off = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape " + Arrays.toString(shape));
            }
            off = off * shape[i] + index[i];
        }
        return off;
    }

    public float get(int... index) {
        return data[offset(index)];
    }

    public void set(float value, int... index) {
        data[offset(index)] = value;
    }

    /** Same data, new shape (one dimension may be -1 and is inferred). */
    public Tensor reshape(int... newShape) {
        int[] s = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: at most one -1 in " + Arrays.toString(newShape));
                infer = i;
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || data.length % known != 0) {
                throw new IllegalArgumentException("reshape: cannot infer -1 in " + Arrays.toString(newShape) + " for " + data.length + " values");
            }
            s[infer] = (int) (data.length / known);
        }
        return of(data, s);
    }

    /** Row {@code i} of the leading axis, copied, with the remaining shape. */
    public Tensor slice(int i) {
        if (shape.length == 0) throw new IllegalArgumentException("cannot slice a scalar");
        if (i < 0 || i >= shape[0]) throw new IndexOutOfBoundsException("slice " + i + " of " + shape[0]);
        int per = data.length / Math.max(1, shape[0]);
        return new Tensor(Arrays.copyOfRange(data, i * per, (i + 1) * per), Arrays.copyOfRange(shape, 1, shape.length));
    }

    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Arrays.toString(shape)).append(" [");
        int n = Math.min(data.length, 8);
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ", ").append(data[i]);
        return sb.append(data.length > n ? ", ...]" : "]").toString();
    }
}
