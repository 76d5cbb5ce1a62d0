package dev.cauce.preprocess.audio;

import dev.cauce.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WAV (RIFF/WAVE) read and written natively, without javax.sound or FFmpeg.
 *
 * <p>Reads PCM 8 (unsigned), 16, 24 and 32-bit integers and IEEE float 32/64, any channel count,
 * plain and {@code WAVE_FORMAT_EXTENSIBLE} headers. Integer samples are scaled like torchaudio
 * ({@code normalize=True}): by 1/2<sup>bits-1</sup>, so 16-bit {@code k} becomes {@code k/32768}
 * (TarsosDSP divides by 32767). Float samples are taken as they are.
 *
 * <p>Headers are checked strictly: a data chunk longer than the file (a truncated file), a block
 * align or byte rate that disagrees with channels and bits, or a missing chunk gives an
 * {@link IOException} whose message starts with the path.
 */
public final class Wav {
    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    private Wav() { }

    /** The sample encodings {@link #write} can produce. */
    public enum Encoding {
        /** 16-bit signed PCM; samples are clipped to [-1, 1) and rounded ({@code round(x*32768)}). */
        PCM_16,
        /** 32-bit IEEE float, lossless for {@link Audio}'s samples. */
        FLOAT_32
    }

    /** True if the first 12 bytes look like a RIFF/WAVE header. */
    public static boolean looksLikeWav(byte[] head) {
        return head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'A' && head[10] == 'V' && head[11] == 'E';
    }

    /** Reads a WAV file. */
    public static Audio read(Path path) throws IOException {
        return decode(Files.readAllBytes(path), path.toString());
    }

    /** Decodes WAV bytes; {@code source} names them in error messages. */
    public static Audio decode(byte[] bytes, String source) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length == 0) throw new IOException(source + ": empty file (0 bytes), not audio");
        if (!looksLikeWav(bytes)) {
            throw new IOException(source + ": not a WAV file (no RIFF/WAVE header)");
        }
        long riffSize = Integer.toUnsignedLong(b.getInt(4));
        if (riffSize + 8 > bytes.length) {
            throw new IOException(source + ": truncated WAV: RIFF header declares " + (riffSize + 8)
                    + " bytes but the file has " + bytes.length);
        }
        int pos = 12;
        int format = -1, channels = 0, rate = 0, bits = 0;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + size > bytes.length) {
                    throw new IOException(source + ": bad fmt chunk size " + size + " (need at least 16 bytes inside the file)");
                }
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                int byteRate = b.getInt(body + 8);
                int blockAlign = b.getShort(body + 12) & 0xFFFF;
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == EXTENSIBLE) {
                    if (size < 40) throw new IOException(source + ": WAVE_FORMAT_EXTENSIBLE fmt chunk of " + size + " bytes, need 40");
                    format = b.getShort(body + 24) & 0xFFFF; // first two bytes of the sub-format GUID
                }
                if (channels == 0) throw new IOException(source + ": fmt chunk declares 0 channels");
                if (rate <= 0) throw new IOException(source + ": fmt chunk declares sample rate " + rate);
                if (bits == 0 || bits % 8 != 0) throw new IOException(source + ": unsupported bits per sample " + bits);
                if (blockAlign != channels * bits / 8) {
                    throw new IOException(source + ": block align " + blockAlign + " disagrees with " + channels
                            + " channels x " + bits + " bits (expected " + channels * bits / 8 + ")");
                }
                if ((long) byteRate != (long) rate * blockAlign) {
                    throw new IOException(source + ": byte rate " + byteRate + " disagrees with " + rate
                            + " Hz x block align " + blockAlign + " (expected " + (long) rate * blockAlign + ")");
                }
                checkSupported(source, format, bits);
            } else if (id.equals("data")) {
                if (format < 0) throw new IOException(source + ": data chunk before fmt chunk");
                if (body + size > bytes.length) {
                    throw new IOException(source + ": truncated WAV: data chunk declares " + size + " bytes but only "
                            + (bytes.length - body) + " remain");
                }
                int blockAlign = channels * bits / 8;
                if (size % blockAlign != 0) {
                    throw new IOException(source + ": data chunk of " + size + " bytes is not a whole number of "
                            + blockAlign + "-byte frames");
                }
                return new Audio(samples(b, body, (int) (size / blockAlign), channels, format, bits), rate);
            }
            pos = body + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - body); // chunks are word-aligned
        }
        throw new IOException(source + (format < 0 ? ": no fmt chunk" : ": no data chunk"));
    }

    private static void checkSupported(String source, int format, int bits) throws IOException {
        boolean ok = (format == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32))
                || (format == IEEE_FLOAT && (bits == 32 || bits == 64));
        if (!ok) {
            throw new IOException(source + ": unsupported WAV encoding (format tag " + format + ", " + bits
                    + " bits); supported: PCM 8/16/24/32-bit, IEEE float 32/64-bit");
        }
    }

    private static float[][] samples(ByteBuffer b, int off, int frames, int channels, int format, int bits) {
        float[][] out = new float[channels][frames];
        int bytesPer = bits / 8;
        int p = off;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                out[c][i] = sample(b, p, format, bits);
                p += bytesPer;
            }
        }
        return out;
    }

    private static float sample(ByteBuffer b, int p, int format, int bits) {
        if (format == IEEE_FLOAT) return bits == 32 ? b.getFloat(p) : (float) b.getDouble(p);
        return switch (bits) {
            case 8 -> ((b.get(p) & 0xFF) - 128) / 128f;
            case 16 -> b.getShort(p) / 32768f;
            case 24 -> (((b.get(p + 2) << 16) | ((b.get(p + 1) & 0xFF) << 8) | (b.get(p) & 0xFF))) / 8388608f;
            default -> (float) (b.getInt(p) / 2147483648.0);
        };
    }

    /**
     * Writes {@code audio} as a WAV file: first to a temporary name in the same folder, then renamed,
     * so a reader never sees half a file.
     */
    public static void write(Path path, Audio audio, Encoding encoding) throws IOException {
        byte[] bytes = encode(audio, encoding);
        AtomicFiles.write(path, out -> out.write(bytes));
    }

    /** The bytes of a WAV file holding {@code audio}. */
    public static byte[] encode(Audio audio, Encoding encoding) {
        int ch = audio.channelCount();
        int n = audio.frames();
        int bits = encoding == Encoding.PCM_16 ? 16 : 32;
        int block = ch * bits / 8;
        long dataSize = (long) n * block;
        if (dataSize > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("audio too long for one WAV file: " + dataSize + " bytes");
        ByteBuffer b = ByteBuffer.allocate(44 + (int) dataSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + (int) dataSize).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16)
                .putShort((short) (encoding == Encoding.PCM_16 ? PCM : IEEE_FLOAT)).putShort((short) ch)
                .putInt(audio.sampleRate()).putInt(audio.sampleRate() * block).putShort((short) block).putShort((short) bits);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataSize);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < ch; c++) {
                float x = audio.channels()[c][i];
                if (encoding == Encoding.FLOAT_32) {
                    b.putFloat(x);
                } else {
                    long q = Math.round(x * 32768.0);
                    b.putShort((short) Math.max(-32768, Math.min(32767, q)));
                }
            }
        }
        return b.array();
    }
}
