package dev.cauce.cli.video;

import dev.cauce.cli.Progress;
import dev.cauce.cli.Main.UsageException;
import dev.cauce.core.Rng;
import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;
import dev.cauce.core.io.AtomicFiles;
import dev.cauce.core.io.Npy;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.image.ImageTransforms;
import dev.cauce.preprocess.image.Interpolation;
import dev.cauce.preprocess.video.BeyondEnd;
import dev.cauce.preprocess.video.Clip;
import dev.cauce.preprocess.video.ContactSheet;
import dev.cauce.preprocess.video.MotionSampler;
import dev.cauce.preprocess.video.MotionScores;
import dev.cauce.preprocess.video.PerFrame;
import dev.cauce.preprocess.video.SegmentSampler;
import dev.cauce.preprocess.video.UniformSampler;
import dev.cauce.preprocess.video.VideoReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code cauce video sample}: a fixed number of frames from every video in a folder, written as one
 * {@code (T, C, H, W)} float32 NPY clip per video plus a contact-sheet PNG.
 */
@Command(name = "sample",
        mixinStandardHelpOptions = true,
        description = {
            "Sample frames from every video under --in into NPY clips and PNG contact sheets.",
            "",
            "Per video it writes OUT/<name>.npy (float32, T x C x H x W, RGB) and OUT/<name>.png (a contact "
                + "sheet of the chosen frames), plus OUT/manifest.tsv listing each clip's frame indices and times.",
            "",
            "Frames are numbered by decoding (presentation order), so a header that lies about its frame count "
                + "(e.g. 444 declared, 68 real) does not matter. Strategies:",
            "  uniform  round(i*(K-1)/(N-1)) for K decodable frames: first and last included",
            "  segment  K cut into N equal segments, the centre frame of each (with --train: a random",
            "           frame of each, drawn from --seed)",
            "  motion   the N frames that move most (mean gray-level difference to the previous",
            "           frame, or optical flow), at least --min-spacing frames apart",
            "",
            "Bad files (empty, truncated, not a video, audio only, over --time-limit) are reported one line "
                + "each; the others are still written. Outputs appear complete or not at all."},
        footer = {"",
            "Exit codes: 0 all videos sampled, 1 some failed (see the report), 2 usage error.",
            "",
            "Examples:",
            "  cauce video sample --in samples/video --frames 16 --strategy uniform --out clips/",
            "  cauce video sample --in videos/ --frames 8 --strategy segment --train --size 224 --out clips/",
            "  cauce video sample --in videos/ --frames 16 --strategy motion --motion flow --out clips/",
            "",
            "Load a clip in Python: numpy.load('clips/realshort.mp4.npy').shape == (16, 3, 240, 320)"})
public final class VideoSampleCommand implements Callable<Integer> {

    /** How frames are chosen. */
    enum Strategy { uniform, segment, motion }

    /** What to do when a video cannot be read. */

    /** The {@link BeyondEnd} choices, as the command line spells them. */
    enum Short {
        error(BeyondEnd.ERROR), pad(BeyondEnd.PAD_LAST);

        final BeyondEnd policy;

        Short(BeyondEnd policy) {
            this.policy = policy;
        }
    }

    /** Motion score, as the command line spells it. */
    enum Motion {
        difference(MotionScores.Method.FRAME_DIFFERENCE), flow(MotionScores.Method.FLOW_MAGNITUDE);

        final MotionScores.Method method;

        Motion(MotionScores.Method method) {
            this.method = method;
        }
    }

    @Option(names = "--in", required = true, paramLabel = "DIR|FILE",
            description = "A video file, or a folder searched recursively for videos (" + "mp4, mov, avi, mkv, webm, ...).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--frames", defaultValue = "16", paramLabel = "N", description = "Frames per clip. Default: ${DEFAULT-VALUE}.")
    int frames;

    @Option(names = "--strategy", defaultValue = "uniform", description = "uniform, segment or motion. Default: ${DEFAULT-VALUE}.")
    Strategy strategy;

    @Option(names = "--train", description = "segment strategy: a random frame per segment (seeded) instead of the centre. Default: off.")
    boolean train;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for --train draws; video i uses Rng.of(seed, 0, i, 0). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--short", defaultValue = "error", paramLabel = "error|pad",
            description = "A video with fewer than N frames: 'error' reports it, 'pad' repeats its last frame. Default: ${DEFAULT-VALUE}.")
    Short shortVideo;

    @Option(names = "--motion", defaultValue = "difference", paramLabel = "difference|flow",
            description = "motion strategy: score by mean frame difference or by Farneback flow magnitude. Default: ${DEFAULT-VALUE}.")
    Motion motion;

    @Option(names = "--min-spacing", defaultValue = "0", paramLabel = "FRAMES",
            description = "motion strategy: minimum distance between chosen frames; 0 = floor(K / (2N)). Default: ${DEFAULT-VALUE}.")
    int minSpacing;

    @Option(names = "--analysis-width", defaultValue = "160", paramLabel = "PX",
            description = "motion strategy: frames are scored at this width (0 = full size). Default: ${DEFAULT-VALUE}.")
    int analysisWidth;

    @Option(names = "--size", defaultValue = "0", paramLabel = "PX",
            description = "Resize each frame to cover PX x PX (area filter) and centre-crop it; 0 keeps the video's size. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--scale", defaultValue = "unit", paramLabel = "raw|unit|symmetric",
            description = "Pixel values in the NPY: raw 0..255, unit 0..1, symmetric -1..1. Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--time-limit", defaultValue = "60", paramLabel = "SECONDS",
            description = "Give up on a video after this much decoding time. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    @picocli.CommandLine.Mixin
    dev.cauce.cli.OnErrorOption onError = new dev.cauce.cli.OnErrorOption();

    @Option(names = "--sheet-columns", defaultValue = "8", description = "Thumbnails per contact-sheet row. Default: ${DEFAULT-VALUE}.")
    int sheetColumns;

    @Override
    public Integer call() throws IOException {
        validate();
        List<Path> files = VideoFiles.list(in);
        boolean created = !Files.exists(out);
        Files.createDirectories(out);
        List<String> manifest = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (Progress progress = Progress.start("video sample", files.size(), "videos")) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                progress.extra(file.getFileName().toString());
                try {
                    manifest.add(sampleOne(file, i));
                } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException | SampleException e) {
                    String line = oneLine(file, e);
                    failures.add(line);   // reported once, after the progress bar (as image and audio convert do)
                    if (onError.failFast()) break;
                }
                progress.step(1);
            }
        }
        if (onError.failFast() && !failures.isEmpty()) {
            // --on-error fail promises no output: remove the clips and sheets written before the failure
            for (String row : manifest) {
                String name = row.substring(0, row.indexOf('\t'));
                Files.deleteIfExists(out.resolve(name + ".npy"));
                Files.deleteIfExists(out.resolve(name + ".png"));
            }
            if (created) deleteIfEmpty(out);
            System.err.println("failed: " + failures.getFirst());
            System.err.println("stopped at the first failure (--on-error fail); nothing written");
            return 1;
        }
        if (manifest.isEmpty() && created) deleteIfEmpty(out);   // no video sampled: no empty --out folder either
        writeManifest(manifest);
        System.out.printf("sampled %d of %d videos into %s (%d frames each, strategy %s)%n",
                manifest.size(), files.size(), out, frames, strategy);
        if (failures.isEmpty()) return 0;
        System.err.printf("%d video(s) failed:%n", failures.size());
        failures.forEach(f -> System.err.println("  " + f));
        return 1;
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            if (s.findAny().isEmpty()) Files.delete(dir);
        }
    }

    private void validate() {
        if (frames < 1) throw new UsageException("--frames must be >= 1, got " + frames);
        if (size < 0) throw new UsageException("--size must be >= 0, got " + size);
        if (!(timeLimit > 0)) throw new UsageException("--time-limit must be positive, got " + timeLimit);
        if (sheetColumns < 1) throw new UsageException("--sheet-columns must be >= 1, got " + sheetColumns);
        pixelScale();
    }

    private Image.PixelScale pixelScale() {
        return switch (scale) {
            case "raw" -> Image.PixelScale.RAW;
            case "unit" -> Image.PixelScale.UNIT;
            case "symmetric" -> Image.PixelScale.SYMMETRIC;
            default -> throw new UsageException("--scale must be raw, unit or symmetric, got '" + scale + "'");
        };
    }

    /** Samples one video and writes its outputs; returns its manifest line. */
    private String sampleOne(Path file, int fileIndex) throws IOException {
        Clip clip;
        int decodable;
        long declared;
        try (VideoReader reader = VideoReader.open(file, Duration.ofMillis((long) (timeLimit * 1000)))) {
            int[] indices = switch (strategy) {
                case uniform -> new UniformSampler(frames, shortVideo.policy).select(reader.timeline(), Rng.of(seed, 0, fileIndex, 0));
                case segment -> new SegmentSampler(frames, train, shortVideo.policy).select(reader.timeline(), Rng.of(seed, 0, fileIndex, 0));
                case motion -> new MotionSampler(frames, motion.method, analysisWidth, minSpacing, shortVideo.policy).select(reader);
            };
            clip = reader.clip(indices);
            decodable = reader.frameCount();
            declared = reader.info().declaredFrames();
        }
        if (size > 0) {
            clip = new PerFrame(new ImageTransforms.ResizeCenterCrop(size, size, Interpolation.AREA)).apply(clip, Rng.of(seed, 0, fileIndex, 1));
        }
        Tensor tensor = clip.toTensor(pixelScale());
        Image sheet = ContactSheet.of(clip, sheetColumns, Math.min(160, clip.frames().getFirst().width()));
        String name = in.equals(file) ? file.getFileName().toString() : in.relativize(file).toString().replace('/', '_');
        Path npy = out.resolve(name + ".npy");
        Path png = out.resolve(name + ".png");
        Npy.write(npy, tensor);
        try {
            ImageCodec.write(sheet, png);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(npy); // both outputs or neither
            throw e;
        }
        return String.join("\t", name, String.valueOf(decodable), String.valueOf(declared),
                Arrays.stream(clip.indices()).mapToObj(String::valueOf).collect(Collectors.joining(",")),
                Arrays.stream(clip.timestampsMicros()).mapToObj(t -> String.format(java.util.Locale.ROOT, "%.6f", t / 1e6)).collect(Collectors.joining(",")),
                Arrays.toString(tensor.shape()));
    }

    private void writeManifest(List<String> lines) throws IOException {
        if (lines.isEmpty()) return;
        AtomicFiles.write(out.resolve("manifest.tsv"), os -> {
            PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8));
            w.println("clip\tdecodable_frames\tdeclared_frames\tframe_indices\ttimestamps_s\tshape_TCHW");
            lines.forEach(w::println);
            w.flush();
        });
    }

    static String oneLine(Path file, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.contains(file.toString()) ? m : file + ": " + m;
    }
}
