package dev.cauce.preprocess.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodeTest {
    @TempDir Path tmp;

    /** A WAV with the given fmt fields around {@code data}. */
    private static byte[] wav(int formatTag, int channels, int rate, int bits, byte[] data, boolean extensible, int subFormat) {
        int fmtSize = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(4 + 8 + fmtSize + 8 + data.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtSize).putShort((short) (extensible ? 0xFFFE : formatTag)).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(0).putShort((short) subFormat)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void decodesEveryPcmAndFloatDepthWithTorchaudioScaling() throws IOException {
        assertArrayEquals(new float[] {-1f, 0f, 127 / 128f},
                Wav.decode(wav(1, 1, 8000, 8, new byte[] {0, (byte) 128, (byte) 255}, false, 0), "u8").channel(0));
        assertArrayEquals(new float[] {-1f, 1 / 32768f, 32767 / 32768f},
                Wav.decode(wav(1, 1, 8000, 16, le(6).putShort((short) -32768).putShort((short) 1).putShort((short) 32767).array(), false, 0), "s16").channel(0));
        assertArrayEquals(new float[] {-1f, 0.5f},
                Wav.decode(wav(1, 1, 8000, 24, new byte[] {0, 0, (byte) 0x80, 0, 0, 0x40}, false, 0), "s24").channel(0));
        assertArrayEquals(new float[] {-1f, 0.25f},
                Wav.decode(wav(1, 1, 8000, 32, le(8).putInt(Integer.MIN_VALUE).putInt(1 << 29).array(), false, 0), "s32").channel(0));
        assertArrayEquals(new float[] {0.125f, -2f},
                Wav.decode(wav(3, 1, 8000, 32, le(8).putFloat(0.125f).putFloat(-2f).array(), false, 0), "f32").channel(0));
        assertArrayEquals(new float[] {0.1f, -0.75f},
                Wav.decode(wav(3, 1, 8000, 64, le(16).putDouble(0.1).putDouble(-0.75).array(), false, 0), "f64").channel(0));
    }

    @Test
    void decodesMultichannelAndExtensibleAndMixesDown() throws IOException {
        byte[] data = le(8).putShort((short) 16384).putShort((short) -16384).putShort((short) 8192).putShort((short) 0).array();
        Audio a = Wav.decode(wav(0, 2, 16000, 16, data, true, 1), "ext");
        assertEquals(2, a.channelCount());
        assertArrayEquals(new float[] {0.5f, 0.25f}, a.channel(0));
        assertArrayEquals(new float[] {-0.5f, 0f}, a.channel(1));
        assertArrayEquals(new float[] {0f, 0.125f}, a.toMono().channel(0));
        Audio f = Wav.decode(wav(0, 1, 16000, 32, le(4).putFloat(0.3f).array(), true, 3), "extfloat");
        assertArrayEquals(new float[] {0.3f}, f.channel(0));
    }

    @Test
    void writeThenReadIsLosslessForFloatAndWithinHalfAStepForPcm16() throws IOException {
        Audio a = new Audio(new float[][] {{0.1f, -0.5f, 0.99f}, {0f, 0.25f, -1f}}, 22050);
        Path f = tmp.resolve("a.wav");
        Wav.write(f, a, Wav.Encoding.FLOAT_32);
        assertEquals(a, Wav.read(f));
        Wav.write(f, a, Wav.Encoding.PCM_16);
        Audio b = Wav.read(f);
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 3; i++) assertEquals(a.channel(c)[i], b.channel(c)[i], 0.5 / 32768 + 1e-9);
        }
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void compressedFormatsDecodeThroughFfmpeg() throws IOException {
        float[] ref = Wav.read(Golden.resource("en7.wav")).channel(0);
        Audio flac = AudioReader.read(Golden.resource("en7.flac"));
        assertEquals(8000, flac.sampleRate());
        assertArrayEquals(ref, flac.channel(0), "FLAC is lossless");
        for (String name : new String[] {"en7.mp3", "en7.ogg", "en7_stereo.m4a"}) {
            Audio a = AudioReader.read(Golden.resource(name));
            assertEquals(8000, a.sampleRate(), name);
            float[] x = a.toMono().channel(0);
            // lossy codecs add delay/padding; compare the energy, which survives coding
            assertTrue(Math.abs(x.length - ref.length) < 3000, name + " length " + x.length + " vs " + ref.length);
            // ffmpeg's mono -> stereo upmix (used to make the .m4a) puts the centre at -3 dB per channel
            double expectedDb = name.contains("stereo") ? 10 * Math.log10(0.5) : 0;
            double e1 = energy(ref), e2 = energy(x);
            assertTrue(Math.abs(10 * Math.log10(e2 / e1) - expectedDb) < 1.0, name + " energy differs by " + 10 * Math.log10(e2 / e1) + " dB");
        }
        assertEquals(2, AudioReader.read(Golden.resource("en7_stereo.m4a")).channelCount());
    }

    private static double energy(float[] x) {
        double s = 0;
        for (float v : x) s += v * v;
        return s;
    }

    @Test
    void truncatedWavNamesTheFile() throws IOException {
        byte[] full = Files.readAllBytes(Golden.resource("en7.wav"));
        Path f = tmp.resolve("cut.wav");
        Files.write(f, Arrays.copyOf(full, full.length / 2));
        IOException e = assertThrows(IOException.class, () -> AudioReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void wrongHeaderSizesAreRejected() throws IOException {
        byte[] good = wav(1, 2, 8000, 16, new byte[8], false, 0);
        byte[] badAlign = good.clone();
        ByteBuffer.wrap(badAlign).order(ByteOrder.LITTLE_ENDIAN).putShort(32, (short) 3);
        IOException e = assertThrows(IOException.class, () -> Wav.decode(badAlign, "x.wav"));
        assertTrue(e.getMessage().contains("block align"), e.getMessage());
        byte[] badRate = good.clone();
        ByteBuffer.wrap(badRate).order(ByteOrder.LITTLE_ENDIAN).putInt(28, 12345);
        e = assertThrows(IOException.class, () -> Wav.decode(badRate, "x.wav"));
        assertTrue(e.getMessage().contains("byte rate"), e.getMessage());
        byte[] badData = good.clone();
        ByteBuffer.wrap(badData).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 7);
        e = assertThrows(IOException.class, () -> Wav.decode(badData, "x.wav"));
        assertTrue(e.getMessage().startsWith("x.wav: ") && e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void unsupportedCodecIsNamed() {
        byte[] alaw = wav(6, 1, 8000, 8, new byte[4], false, 0); // G.711 A-law
        IOException e = assertThrows(IOException.class, () -> Wav.decode(alaw, "alaw.wav"));
        assertTrue(e.getMessage().startsWith("alaw.wav: unsupported WAV encoding (format tag 6"), e.getMessage());
    }

    @Test
    void nonAudioFilesFailWithTheirName() throws IOException {
        Path text = tmp.resolve("notes.mp3");
        Files.writeString(text, "this is not audio at all, just some text pretending to be an mp3\n".repeat(20));
        IOException e = assertThrows(IOException.class, () -> AudioReader.read(text));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
        Path empty = tmp.resolve("empty.wav");
        Files.write(empty, new byte[0]);
        e = assertThrows(IOException.class, () -> AudioReader.read(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()) && e.getMessage().contains("empty"), e.getMessage());
    }
}
