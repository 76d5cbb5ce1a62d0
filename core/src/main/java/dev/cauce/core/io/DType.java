package dev.cauce.core.io;

import java.util.Optional;

/**
 * The element types Cauce reads and writes in NPY, NPZ, safetensors and IDX files.
 *
 * <p>Each constant knows its size in bytes, its NumPy type code (kind letter and size, e.g.
 * {@code f4}) and its safetensors name (e.g. {@code F32}). {@link #BFLOAT16} has no NumPy code:
 * it exists only in safetensors files.
 */
public enum DType {
    BOOL('b', 1, "BOOL"),
    INT8('i', 1, "I8"),
    UINT8('u', 1, "U8"),
    INT16('i', 2, "I16"),
    UINT16('u', 2, "U16"),
    INT32('i', 4, "I32"),
    UINT32('u', 4, "U32"),
    INT64('i', 8, "I64"),
    UINT64('u', 8, "U64"),
    FLOAT16('f', 2, "F16"),
    BFLOAT16('\0', 2, "BF16"),
    FLOAT32('f', 4, "F32"),
    FLOAT64('f', 8, "F64");

    private final char kind;
    private final int size;
    private final String safetensorsName;

    DType(char kind, int size, String safetensorsName) {
        this.kind = kind;
        this.size = size;
        this.safetensorsName = safetensorsName;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** True for the floating-point types (float16, bfloat16, float32, float64). */
    public boolean isFloat() {
        return kind == 'f' || this == BFLOAT16;
    }

    /** True for the signed and unsigned integer types (not bool). */
    public boolean isInteger() {
        return kind == 'i' || kind == 'u';
    }

    /** The dtype's name in safetensors headers, e.g. {@code F32}. */
    public String safetensorsName() {
        return safetensorsName;
    }

    /**
     * The little-endian NumPy descr Cauce writes, e.g. {@code <f4}; single-byte types use
     * NumPy's "not applicable" byte-order mark, e.g. {@code |u1}.
     *
     * @throws IllegalArgumentException for {@link #BFLOAT16}, which NumPy has no type for
     */
    public String npyDescr() {
        if (this == BFLOAT16) throw new IllegalArgumentException("bfloat16 has no NumPy dtype; convert to float32 first");
        return (size == 1 ? "|" : "<") + kind + size;
    }

    /** The type with a NumPy kind letter and size ({@code 'f', 4} is float32), if Cauce supports it. */
    static Optional<DType> fromNumpy(char kind, int size) {
        for (DType t : values()) {
            if (t.kind == kind && t.size == size) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** The type with a safetensors name ({@code F32}), if Cauce supports it. */
    public static Optional<DType> fromSafetensors(String name) {
        for (DType t : values()) {
            if (t.safetensorsName.equals(name)) return Optional.of(t);
        }
        return Optional.empty();
    }
}
