package dev.cauce.preprocess.audio;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an audio file of any common format into {@link Audio}.
 *
 * <p>WAV files are read natively by {@link Wav} (exact, torchaudio's scaling). Everything else
 * (MP3, OGG/Vorbis, FLAC, AAC in MP4/M4A, ...) is decoded by FFmpeg through javacv's
 * {@link FFmpegFrameGrabber}, asked for 32-bit float samples at the stream's own rate and channel
 * count. Every native object is closed before this method returns. A file FFmpeg cannot open, one
 * without an audio stream, or one with an unsupported codec gives an {@link IOException} whose
 * message starts with the path.
 */
public final class AudioReader {
    private AudioReader() { }

    /** Reads {@code path}, choosing the native WAV reader or FFmpeg by the file's first bytes. */
    public static Audio read(Path path) throws IOException {
        byte[] head = new byte[12];
        int got;
        try (InputStream in = Files.newInputStream(path)) {
            got = in.readNBytes(head, 0, head.length);
        }
        if (got == 0) throw new IOException(path + ": empty file (0 bytes), not audio");
        if (Wav.looksLikeWav(head)) return Wav.read(path);
        return decodeWithFfmpeg(path);
    }

    /** Decodes any FFmpeg-supported audio file (all channels, native sample rate). */
    public static Audio decodeWithFfmpeg(Path path) throws IOException {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(path.toFile())) {
            // Set after the grabber's class has loaded FFmpeg (its static set-up resets the level).
            // AV_LOG_QUIET rather than AV_LOG_ERROR: probe failures ("Failed to find two consecutive
            // MPEG audio frames") are logged at error level but reach the caller as one IOException anyway.
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            try {
                g.start();
            } catch (FrameGrabber.Exception e) {
                throw new IOException(path + ": " + openProblem(e), e);
            }
            int channels = g.getAudioChannels();
            int rate = g.getSampleRate();
            if (channels <= 0 || rate <= 0) {
                throw new IOException(path + ": no audio stream");
            }
            List<float[]> chunks = new ArrayList<>();
            long total = 0;
            Frame f;
            while ((f = grab(g, path)) != null) {
                if (f.samples == null) continue;
                float[] chunk = interleaved(f, channels, path);
                chunks.add(chunk);
                total += chunk.length;
            }
            if (total / channels > Integer.MAX_VALUE - 8) throw new IOException(path + ": audio too long for one array");
            int n = (int) (total / channels);
            float[][] out = new float[channels][n];
            int i = 0;
            for (float[] chunk : chunks) {
                for (int k = 0; k < chunk.length; k += channels) {
                    for (int c = 0; c < channels; c++) out[c][i] = chunk[k + c];
                    i++;
                }
            }
            return new Audio(out, rate);
        }
    }

    private static Frame grab(FFmpegFrameGrabber g, Path path) throws IOException {
        try {
            return g.grabSamples();
        } catch (FrameGrabber.Exception e) {
            throw new IOException(path + ": decoding failed (" + oneLine(e) + ")", e);
        }
    }

    /** Samples of one frame, interleaved; FLOAT mode gives planar buffers (one per channel) or one packed buffer. */
    private static float[] interleaved(Frame f, int channels, Path path) throws IOException {
        if (f.samples.length == 1) {
            if (!(f.samples[0] instanceof FloatBuffer fb)) throw new IOException(path + ": FFmpeg returned non-float samples");
            float[] a = new float[fb.remaining() - fb.remaining() % channels];
            fb.duplicate().get(a);
            return a;
        }
        if (f.samples.length != channels) {
            throw new IOException(path + ": FFmpeg returned " + f.samples.length + " planes for " + channels + " channels");
        }
        int n = Integer.MAX_VALUE;
        for (var buf : f.samples) n = Math.min(n, buf.remaining());
        float[] a = new float[n * channels];
        for (int c = 0; c < channels; c++) {
            if (!(f.samples[c] instanceof FloatBuffer fb)) throw new IOException(path + ": FFmpeg returned non-float samples");
            FloatBuffer d = fb.duplicate();
            for (int i = 0; i < n; i++) a[i * channels + c] = d.get();
        }
        return a;
    }

    /** FFmpeg's open errors in one line a user can act on. */
    private static String openProblem(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("avformat_open_input")) return "not a readable audio file (FFmpeg recognises no media format in it)";
        if (m.contains("avcodec") || m.contains("codec")) return "unsupported audio codec (" + oneLine(e) + ")";
        return "cannot decode as audio (" + oneLine(e) + ")";
    }

    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
