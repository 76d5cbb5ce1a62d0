package dev.cauce.bench.video;

import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import dev.cauce.preprocess.video.VideoReader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Frames per second of decoding every frame of a video, and of decoding plus resizing each RGB frame
 * to 224x224 with area averaging: the same work as {@code shared/peers/cv2_video.py} does with
 * OpenCV-Python's VideoCapture (which decodes BGR and converts; Cauce's decoder delivers RGB).
 * The "frames" counter is the figure to compare (frames/s); one operation is one whole file, so an
 * iteration lasts at least one pass over the file.
 *
 * <pre>
 * java $CAUCE_JVM_FLAGS -cp ... org.openjdk.jmh.Main VideoDecodeBench -p dir=/work/shared/data/video
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow"})
@Threads(1)
@State(Scope.Thread)
public class VideoDecodeBench {

    /** Folder holding the videos (the bundled samples by default). */
    @Param("samples/video")
    public String dir;

    @Param({"vtest.avi", "Megamind.avi", "tree.avi", "cockatoo.mp4", "realshort.mp4"})
    public String file;

    /** Generous: on a loaded machine a whole 795-frame file can take longer than the default minute. */
    private static final Duration LIMIT = Duration.ofMinutes(30);

    private Path path;

    /** Frames handled, reported by JMH as frames per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Frames {
        public long frames;

        @Setup(Level.Iteration)
        public void reset() {
            frames = 0;
        }
    }

    @Setup
    public void locate() {
        path = Path.of(dir, file);
        if (!Files.isRegularFile(path)) throw new IllegalStateException("benchmark video missing: " + path.toAbsolutePath());
    }

    @Benchmark
    public void decode(Frames counter, Blackhole bh) throws IOException {
        try (VideoReader r = VideoReader.open(path, LIMIT)) {
            r.forEach((index, ts, frame) -> {
                bh.consume(frame);
                counter.frames++;
                return true;
            });
        }
    }

    @Benchmark
    public void decodeResize224(Frames counter, Blackhole bh) throws IOException {
        try (VideoReader r = VideoReader.open(path, LIMIT)) {
            r.forEach((index, ts, frame) -> {
                Image small = ImageOps.resize(frame, 224, 224, Interpolation.AREA);
                bh.consume(small);
                counter.frames++;
                return true;
            });
        }
    }
}
