package dev.cauce.bench.image;

import dev.cauce.augment.image.HorizontalFlip;
import dev.cauce.augment.image.RandomAffine;
import dev.cauce.augment.image.RandomResizedCrop;
import dev.cauce.augment.image.RandomRotation;
import dev.cauce.augment.image.WarpOptions;
import dev.cauce.core.Batch;
import dev.cauce.core.Rng;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.BorderMode;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageBatches;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.image.ImageFolder;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.ImageTransforms;
import dev.cauce.preprocess.image.Interpolation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Image augmentation throughput on one thread, the same work as /work/shared/peers/torchvision_aug.py
 * (plus bench/peers/image_peers_extra.py for rotate and decode-to-tensor): every photo of the data
 * folder decoded, converted to RGB and resized to 256x256 with AREA outside timing, then each op
 * applied round-robin with its random parameters drawn inside the timed call; outputs are
 * materialized (a new image / tensor per call). Run:
 * <pre>java $CAUCE_JVM_FLAGS -jar bench/target/benchmarks.jar ImageAugBench -Dcauce.images=DIR</pre>
 * Default image folder: /work/shared/data/images when present, else samples/images.
 *
 * <p>The fork runs the serial collector, as {@code ./cauce} runs every command: under the JVM's
 * default (G1, 4 MB regions) a decoded tensor over 2 MB is a humongous object, allocated outside the
 * young generation, which the product never does. To measure G1 instead, give
 * {@code -jvmArgsAppend -XX:+UseG1GC} (the command line replaces these arguments).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC"})
@Threads(1)
public class ImageAugBench {

    private List<AnnotatedImage> images;
    private List<byte[]> encoded;
    private int next;
    private long counter;

    private final RandomAffine affineBilinear = RandomAffine.of(15, 0.1, 0.9, 1.1, 10, WarpOptions.DEFAULT);
    private final RandomAffine affineNearest = RandomAffine.of(15, 0.1, 0.9, 1.1, 10,
            new WarpOptions(Interpolation.NEAREST, BorderMode.CONSTANT, 0));
    private final RandomRotation rotate = RandomRotation.of(15);
    private final HorizontalFlip hflip = new HorizontalFlip(1.0);
    private final RandomResizedCrop rrc = RandomResizedCrop.of(224, 224);
    private final ImageTransforms.Normalize normalize = ImageTransforms.Normalize.imagenet();
    private final Function<List<Sample<Image>>, Batch> normalizeIntoBatch = ImageBatches.normalizing(normalize);
    static final int BATCH = 32;

    static Path imageDir() {
        String p = System.getProperty("cauce.images");
        if (p != null) return Path.of(p);
        Path shared = Path.of("/work/shared/data/images");
        return Files.isDirectory(shared) ? shared : Path.of("samples/images");
    }

    @Setup
    public void setUp() throws IOException {
        images = new ArrayList<>();
        encoded = new ArrayList<>();
        try (Stream<Path> s = Files.list(imageDir())) {
            for (Path p : s.filter(ImageFolder::isImageName).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                encoded.add(bytes);
                Image rgb = ImageCodec.decode(bytes, p.toString()).toRgb();
                images.add(AnnotatedImage.of(ImageOps.resize(rgb, 256, 256, Interpolation.AREA)));
            }
        }
        if (images.isEmpty()) throw new IllegalStateException("no images in " + imageDir());
    }

    private AnnotatedImage nextImage() {
        AnnotatedImage a = images.get(next);
        next = (next + 1) % images.size();
        return a;
    }

    private Rng rng() {
        return Rng.seeded(counter++);
    }

    @Benchmark
    public Image affineBilinear() {
        return affineBilinear.apply(nextImage(), rng()).image();
    }

    @Benchmark
    public Image affineNearest() {
        return affineNearest.apply(nextImage(), rng()).image();
    }

    @Benchmark
    public Image rotateBilinear() {
        return rotate.apply(nextImage(), rng()).image();
    }

    @Benchmark
    public Image horizontalFlip() {
        return hflip.apply(nextImage(), rng()).image();
    }

    @Benchmark
    public Image randomResizedCrop224() {
        return rrc.apply(nextImage(), rng()).image();
    }

    /** uint8 HWC image to ImageNet-normalized float CHW tensor (scaling, standardization and layout in one pass). */
    @Benchmark
    public Tensor normalize() {
        return normalize.apply(nextImage().image(), null);
    }

    /** The next {@link #BATCH} images, round robin, as labelled samples (what a stream's batch stage collects). */
    private List<Sample<Image>> nextSamples() {
        List<Sample<Image>> out = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) out.add(new Sample<>(i, "bench", nextImage().image(), i % 10));
        return out;
    }

    /**
     * Normalize then collate, the usual way ({@code map(normalize).batch(32, Batch::collate)}): a
     * tensor per image, stacked into the batch. Time per image.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Batch normalizeCollate32() {
        List<Sample<Tensor>> tensors = new ArrayList<>(BATCH);
        for (Sample<Image> s : nextSamples()) tensors.add(s.withValue(normalize.apply(s.value(), null)));
        return Batch.collate(tensors);
    }

    /** The same batch written in place ({@link ImageBatches#normalizing}): each image's floats written once. Time per image. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Batch normalizeIntoBatch32() {
        return normalizeIntoBatch.apply(nextSamples());
    }

    /** Full-size encoded file (JPEG/PNG) to a [0,1] float CHW tensor. */
    @Benchmark
    public Tensor decodeToTensor() {
        byte[] bytes = encoded.get(next);
        next = (next + 1) % encoded.size();
        return ImageCodec.decodeToTensor(bytes, "bench", Image.PixelScale.UNIT);
    }
}
