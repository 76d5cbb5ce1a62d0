package dev.cauce.core.io;

import dev.cauce.core.Tensor;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes NumPy's {@code .npy} format
 * (<a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>).
 *
 * <p><b>Reading</b> accepts format versions 1.0, 2.0 and 3.0; dtypes {@code b1 i1 i2 i4 i8 u1 u2 u4
 * u8 f2 f4 f8} in either byte order; C or Fortran order (Fortran data is reordered to C order);
 * 0-d scalars and empty arrays. The result is an {@link NdArray} (little-endian, C order).
 *
 * <p><b>Writing</b> produces exactly what {@code numpy.save} (NumPy 1.24) writes for a C-order
 * little-endian array: version 1.0, or 2.0 when the header would exceed 65535 bytes; keys in sorted
 * order; spare spaces after the dict for in-place growth; padded with spaces and a final newline
 * so the data starts at a multiple of 64 bytes. Files are written atomically ({@link AtomicFiles}).
 *
 * <p>Every error is an {@link IOException} whose message starts with the file name.
 */
public final class Npy {
    /** The six magic bytes {@code \x93NUMPY} every NPY file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** NumPy leaves room for the growth axis to reach 21 digits (numpy.lib.format.GROWTH_AXIS_MAX_DIGITS). */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Refuse absurd header lengths before allocating for them (real headers are ~100 bytes). */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private Npy() { }

    // ------------------------------------------------------------------ reading

    /** Reads an NPY file. */
    public static NdArray read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads one NPY array from a stream (left positioned after the array's data).
     *
     * @param name the file or member name used in error messages
     */
    public static NdArray read(InputStream in, String name) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length + 2);
        if (magic.length < MAGIC.length + 2 || !startsWithMagic(magic)) {
            throw new IOException(name + ": not an NPY file (expected magic \\x93NUMPY, found " + hex(magic) + ")");
        }
        int major = magic[6] & 0xFF;
        int minor = magic[7] & 0xFF;
        int lenBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new IOException(name + ": unsupported NPY format version " + major + "." + minor + " (Cauce reads 1.0, 2.0 and 3.0)");
        };
        byte[] lenField = in.readNBytes(lenBytes);
        if (lenField.length < lenBytes) throw new IOException(name + ": truncated NPY header length field");
        long headerLen = 0;
        for (int i = lenBytes - 1; i >= 0; i--) headerLen = (headerLen << 8) | (lenField[i] & 0xFF);
        if (headerLen > MAX_HEADER_BYTES) {
            throw new IOException(name + ": NPY header length " + headerLen + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        byte[] headerBytes = in.readNBytes((int) headerLen);
        if (headerBytes.length < headerLen) {
            throw new IOException(name + ": truncated NPY header (expected " + headerLen + " bytes, found " + headerBytes.length + ")");
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = parseHeader(header, name);

        long count = NdArray.elementCount(h.shape);
        long expected = count * h.dtype.size();
        if (expected > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": array of " + expected + " bytes is larger than one Java array (2 GiB)");
        }
        byte[] data = in.readNBytes((int) expected);
        if (data.length < expected) {
            throw new IOException(name + ": truncated file (expected " + expected + " bytes of data, found " + data.length + ")");
        }
        if (h.bigEndian) Layouts.swapBytes(data, h.dtype.size());
        if (h.fortranOrder) data = Layouts.fortranToC(data, h.shape, h.dtype.size());
        return new NdArray(h.dtype, h.shape, data);
    }

    static boolean startsWithMagic(byte[] b) {
        if (b.length < MAGIC.length) return false;
        for (int i = 0; i < MAGIC.length; i++) if (b[i] != MAGIC[i]) return false;
        return true;
    }

    private record Header(DType dtype, boolean bigEndian, boolean fortranOrder, int[] shape) { }

    private static Header parseHeader(String header, String name) throws IOException {
        Object parsed;
        try {
            parsed = PyLiteral.parse(header);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": malformed NPY header (" + e.getMessage() + "): " + header.strip());
        }
        if (!(parsed instanceof Map<?, ?> dict) || !dict.containsKey("descr") || !dict.containsKey("shape")
                || !dict.containsKey("fortran_order")) {
            throw new IOException(name + ": NPY header must be a dict with keys descr, fortran_order and shape, got: " + header.strip());
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String d)) {
            throw new IOException(name + ": unsupported dtype " + descr + " (structured dtypes are not supported; Cauce reads "
                    + SUPPORTED + ")");
        }
        DType dtype = parseDescr(d).orElseThrow(() -> new IOException(name + ": unsupported dtype '" + d + "' (Cauce reads "
                + SUPPORTED + ")"));
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IOException(name + ": NPY header fortran_order must be True or False, got " + dict.get("fortran_order"));
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw new IOException(name + ": NPY header shape must be a tuple, got " + dict.get("shape"));
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long v) || v < 0 || v > Integer.MAX_VALUE) {
                throw new IOException(name + ": bad dimension " + dims.get(i) + " in NPY shape " + dims);
            }
            shape[i] = (int) (long) v;
        }
        try {
            NdArray.elementCount(shape);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage());
        }
        return new Header(dtype, d.charAt(0) == '>', fortran, shape);
    }

    private static final String SUPPORTED = "b1 i1 i2 i4 i8 u1 u2 u4 u8 f2 f4 f8, little- or big-endian";

    /** Parses a simple NumPy descr such as {@code <f4}, {@code >i8}, {@code |u1} or {@code f8}. */
    static Optional<DType> parseDescr(String descr) {
        String d = descr;
        if (!d.isEmpty() && "<>|=".indexOf(d.charAt(0)) >= 0) d = d.substring(1);
        if (d.length() < 2 || !d.substring(1).chars().allMatch(Character::isDigit) || d.length() > 3) return Optional.empty();
        return DType.fromNumpy(d.charAt(0), Integer.parseInt(d.substring(1)));
    }

    // ------------------------------------------------------------------ writing

    /** Writes {@code array} to {@code file} atomically (temporary file, then rename). */
    public static void write(Path file, NdArray array) throws IOException {
        byte[] header = header(array);
        AtomicFiles.write(file, out -> {
            out.write(header);
            out.write(array.rawData());
        });
    }

    /** Writes a float32 tensor to {@code file} ({@code <f4}, C order), atomically. */
    public static void write(Path file, Tensor tensor) throws IOException {
        write(file, NdArray.of(tensor));
    }

    /** Writes one NPY array to a stream (not closed). */
    public static void write(OutputStream out, NdArray array) throws IOException {
        out.write(header(array));
        out.write(array.rawData());
    }

    /** The complete NPY file content for {@code array}. */
    public static byte[] toBytes(NdArray array) {
        byte[] header = header(array);
        byte[] data = array.rawData();
        byte[] out = new byte[header.length + data.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(data, 0, out, header.length, data.length);
        return out;
    }

    /** Magic, version, header length and the padded header dict, exactly as numpy.save writes them. */
    static byte[] header(NdArray array) {
        int[] shape = array.shape();
        StringBuilder dict = new StringBuilder("{'descr': '").append(array.dtype().npyDescr())
                .append("', 'fortran_order': False, 'shape': ").append(shapeRepr(shape)).append(", }");
        if (shape.length > 0) dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int major = 1;
        int prefix = MAGIC.length + 2 + 2;
        int total = padded(prefix, text.length);
        if (total - prefix > 0xFFFF) {
            major = 2;
            prefix = MAGIC.length + 2 + 4;
            total = padded(prefix, text.length);
        }
        int headerLen = total - prefix;
        byte[] out = new byte[total];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) major;
        out[7] = 0;
        for (int i = 0; i < prefix - 8; i++) out[8 + i] = (byte) (headerLen >>> (8 * i));
        System.arraycopy(text, 0, out, prefix, text.length);
        for (int i = prefix + text.length; i < total - 1; i++) out[i] = ' ';
        out[total - 1] = '\n';
        return out;
    }

    /**
     * Total header size: prefix, text, padding spaces and the newline, rounded up to a multiple of
     * 64. Like NumPy's {@code _wrap_header}, an already aligned header still gets 64 spaces.
     */
    private static int padded(int prefix, int textLen) {
        int unpadded = prefix + textLen + 1;
        return unpadded + ALIGN - unpadded % ALIGN;
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (5,)}, {@code (3, 4)}. */
    private static String shapeRepr(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
        return sb.append(')').toString();
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder("0x");
        for (byte x : b) sb.append(String.format("%02x", x & 0xFF));
        return b.length == 0 ? "nothing" : sb.toString();
    }
}
