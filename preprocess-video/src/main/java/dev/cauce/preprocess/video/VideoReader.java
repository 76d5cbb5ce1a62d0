package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the frames of one video file through FFmpeg (javacv's {@link FFmpegFrameGrabber}) as RGB
 * {@link Image}s, by index or by time.
 *
 * <p><b>Indices come from decoding, never from the header.</b> Frame {@code i} is the {@code i}-th
 * picture the decoder delivers (presentation order), the numbering of {@code ffprobe -count_frames}
 * and of successive {@code cv2.VideoCapture.read()} calls. {@link #frameCount()} decodes the whole
 * stream once to count them, because container headers lie (tree.avi declares 444 frames, 68 decode).
 * Random access never seeks: seeking lands on keyframes and, in some AVI files, on a different frame
 * than asked. Instead the reader decodes forward from where it is, and reopens the file to go back,
 * so {@link #frames(int[])} costs one pass up to the largest index asked.
 *
 * <p><b>Limits.</b> A reader gives up with an {@link IOException} once opening and decoding this file
 * has taken longer than its time limit in total (checked between frames; a single FFmpeg call cannot
 * be interrupted), so one pathological file cannot stall a batch.
 *
 * <p><b>Native memory.</b> The grabber and its buffers are released by {@link #close()}; use
 * try-with-resources. Returned images are copies on the Java side and outlive the reader.
 * A reader is not thread-safe: give each thread its own.
 */
public final class VideoReader implements AutoCloseable {

    /** Default per-file time limit: generous for a short clip, finite for a broken file. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    private final Path path;
    private final Duration timeLimit;
    /** Time spent inside FFmpeg (opening and decoding) for this file so far. */
    private long spentNanos;
    private final VideoInfo info;
    private FFmpegFrameGrabber grabber;
    /** Index of the frame the next grab returns. */
    private int position;
    private FrameTimeline timeline;

    private VideoReader(Path path, Duration timeLimit) throws IOException {
        this.path = path;
        this.timeLimit = timeLimit;
        long t0 = System.nanoTime();
        this.grabber = start(path);
        this.spentNanos = System.nanoTime() - t0;
        this.info = readInfo(path, grabber);
    }

    /** Opens {@code path} with the {@link #DEFAULT_TIME_LIMIT}. */
    public static VideoReader open(Path path) throws IOException {
        return open(path, DEFAULT_TIME_LIMIT);
    }

    /**
     * Opens {@code path} and reads its headers.
     *
     * @param timeLimit total time allowed for opening and decoding this file, positive
     * @throws IOException naming the file when it is missing, empty, not a video, or has no video stream
     */
    public static VideoReader open(Path path, Duration timeLimit) throws IOException {
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, "no such video file");
        if (Files.isDirectory(path)) throw new IOException(path + ": is a directory, not a video file");
        if (Files.size(path) == 0) throw new IOException(path + ": empty file (0 bytes), not a video");
        return new VideoReader(path, timeLimit);
    }

    private static FFmpegFrameGrabber start(Path path) throws IOException {
        // FFmpeg prints stream dumps, warnings and its own error lines to stderr; every failure
        // reaches the caller as an IOException naming the file, so FFmpeg itself stays quiet.
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(path.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_RGB24); // swscale converts straight to RGB: no BGR detour
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);
            throw new IOException(path + ": not a readable video (FFmpeg could not open it: "
                    + ffmpegReason(e.getMessage()) + ")", e);
        }
        if (!g.hasVideo() || g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
            boolean audio = g.hasAudio();
            closeQuietly(g);
            throw new IOException(path + ": no video stream" + (audio ? " (the file holds only audio)" : ""));
        }
        return g;
    }

    /** The short reason inside javacv's message, e.g. "Invalid data found when processing input". */
    static String ffmpegReason(String message) {
        if (message == null) return "unknown error";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("error (-?\\d+)").matcher(message);
        if (m.find()) {
            int code = Integer.parseInt(m.group(1));
            byte[] buf = new byte[256];
            avutil.av_strerror(code, buf, buf.length);
            int n = 0;
            while (n < buf.length && buf[n] != 0) n++;
            String text = new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) return text;
        }
        int cut = message.indexOf(". (");
        return cut > 0 ? message.substring(0, cut) : message;
    }

    private static VideoInfo readInfo(Path path, FFmpegFrameGrabber g) {
        long declared = 0;
        AVFormatContext oc = g.getFormatContext();
        for (int s = 0; s < oc.nb_streams(); s++) {
            AVStream st = oc.streams(s);
            if (st.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                declared = st.nb_frames();
                break;
            }
        }
        if (declared <= 0) declared = g.getLengthInVideoFrames();
        double rate = g.getVideoFrameRate() > 0 ? g.getVideoFrameRate() : g.getFrameRate();
        return new VideoInfo(path, g.getImageWidth(), g.getImageHeight(), rate, Math.max(0, g.getLengthInTime()),
                declared, String.valueOf(g.getVideoCodecName()), g.hasAudio());
    }

    /** Header facts (no decoding). */
    public VideoInfo info() {
        return info;
    }

    /** The file this reader reads. */
    public Path path() {
        return path;
    }

    /** The number of frames that really decode (decodes the whole stream on first call). */
    public int frameCount() throws IOException {
        return timeline().count();
    }

    /**
     * Every decodable frame's presentation time, found by decoding the stream once (without converting
     * pixels) and cached. Out-of-order stamps are repaired as {@link FrameTimeline} describes.
     */
    public FrameTimeline timeline() throws IOException {
        if (timeline == null) {
            rewind();
            long[] ts = new long[64];
            int n = 0;
            Frame f;
            while ((f = grab(false, n)) != null) {
                if (n == ts.length) ts = Arrays.copyOf(ts, n * 2);
                ts[n++] = f.timestamp;
            }
            position = n;
            timeline = FrameTimeline.repaired(Arrays.copyOf(ts, n), info.frameRate() > 0 ? info.frameRate() : 25);
        }
        return timeline;
    }

    /** Frame {@code index} (0-based, decode order) as an RGB image. */
    public Image frame(int index) throws IOException {
        return frames(new int[] {index}).getFirst();
    }

    /** The frame on screen at {@code seconds} from the start (see {@link FrameTimeline#indexAt}). */
    public Image frameAt(double seconds) throws IOException {
        if (!Double.isFinite(seconds)) throw new IllegalArgumentException("seconds must be finite, got " + seconds);
        FrameTimeline t = timeline();
        if (t.count() == 0) throw new IOException(path + ": no decodable frames");
        return frame(t.indexAt(t.timestampMicros(0) + Math.round(seconds * 1e6)));
    }

    /**
     * The frames at {@code indices} (any order, repeats allowed), decoded in one forward pass.
     *
     * @throws IndexOutOfBoundsException naming the file when an index is negative or past the last
     *                                   decodable frame
     */
    public List<Image> frames(int[] indices) throws IOException {
        if (indices.length == 0) return List.of();
        int[] wanted = Arrays.stream(indices).distinct().sorted().toArray();
        if (wanted[0] < 0) throw new IndexOutOfBoundsException(path + ": frame index " + wanted[0] + " is negative");
        if (timeline != null && wanted[wanted.length - 1] >= timeline.count()) {
            throw beyondEnd(wanted[wanted.length - 1], timeline.count());
        }
        if (position > wanted[0]) rewind();
        Map<Integer, Image> got = new HashMap<>();
        for (int w : wanted) {
            while (position < w) {
                if (grab(false, position) == null) throw beyondEnd(w, position);
                position++;
            }
            Frame f = grab(true, position);
            if (f == null) throw beyondEnd(w, position);
            position++;
            got.put(w, toImage(f));
        }
        List<Image> out = new ArrayList<>(indices.length);
        for (int i : indices) out.add(got.get(i));
        return out;
    }

    /**
     * The frames at {@code indices} as a {@link Clip} carrying their indices and timestamps (the
     * timeline is computed first if needed, so out-of-range indices fail before any pixel work).
     */
    public Clip clip(int[] indices) throws IOException {
        FrameTimeline t = timeline();
        long[] ts = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= t.count()) throw beyondEnd(indices[i], t.count());
            ts[i] = t.timestampMicros(indices[i]);
        }
        return new Clip(path.toString(), indices, ts, frames(indices));
    }

    /** Receives decoded frames in order from {@link #forEach}. */
    @FunctionalInterface
    public interface FrameVisitor {
        /** Called once per frame; return false to stop early. */
        boolean visit(int index, long timestampMicros, Image frame) throws IOException;
    }

    /** Decodes every frame from the start, in order, handing each to {@code visitor}. */
    public void forEach(FrameVisitor visitor) throws IOException {
        rewind();
        Frame f;
        while ((f = grab(true, position)) != null) {
            int index = position++;
            if (!visitor.visit(index, f.timestamp, toImage(f))) return;
        }
    }

    private IndexOutOfBoundsException beyondEnd(int index, int count) {
        return new IndexOutOfBoundsException(path + ": frame " + index + " requested but only " + count
                + " frames decode (the header declares " + info.declaredFrames() + ")");
    }

    /**
     * Decodes the next video frame, converting its pixels to RGB only when {@code pixels} is set;
     * null at the end of the stream. Enforces the time limit.
     */
    private Frame grab(boolean pixels, int index) throws IOException {
        if (spentNanos > timeLimit.toNanos()) {
            throw new IOException(path + ": time limit of " + timeLimit.toMillis() / 1000.0 + " s exceeded at frame " + index);
        }
        long t0 = System.nanoTime();
        try {
            // (audio, video, processing, keyFrames, data): video only; 'processing' runs swscale.
            Frame f = grabber.grabFrame(false, true, pixels, false, false);
            spentNanos += System.nanoTime() - t0;
            if (f != null && pixels && (f.image == null || f.image[0] == null)) {
                throw new IOException(path + ": frame " + index + " decoded without pixels");
            }
            return f;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new IOException(path + ": decoding failed at frame " + index + " (" + e.getMessage() + ")", e);
        }
    }

    /** Copies a grabbed RGB24 frame (rows may be padded to a stride) into a new image, in one copy. */
    private static Image toImage(Frame f) {
        try (BytePointer px = new BytePointer((ByteBuffer) f.image[0]);
             Mat src = new Mat(f.imageHeight, f.imageWidth, opencv_core.CV_8UC3, px, f.imageStride)) {
            return Image.fromMat(src);
        }
    }

    /** Goes back to frame 0 by reopening the file (exact, unlike a seek). */
    private void rewind() throws IOException {
        if (position == 0) return;
        FFmpegFrameGrabber old = grabber;
        grabber = null;
        closeQuietly(old);
        long t0 = System.nanoTime();
        grabber = start(path);
        spentNanos += System.nanoTime() - t0;
        position = 0;
    }

    @Override
    public void close() throws IOException {
        if (grabber == null) return;
        FFmpegFrameGrabber g = grabber;
        grabber = null;
        try {
            g.close();
        } catch (FrameGrabber.Exception e) {
            throw new IOException(path + ": closing the decoder failed (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // Already failing for a reason the caller reports; a second error would hide it.
        }
    }
}
