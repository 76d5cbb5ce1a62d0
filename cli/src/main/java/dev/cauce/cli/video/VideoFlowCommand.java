package dev.cauce.cli.video;

import dev.cauce.cli.Main.UsageException;
import dev.cauce.core.Tensor;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npz;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.video.ContactSheet;
import dev.cauce.preprocess.video.FlowPreview;
import dev.cauce.preprocess.video.Frames;
import dev.cauce.preprocess.video.OpticalFlow;
import dev.cauce.preprocess.video.VideoReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cauce video flow}: dense optical flow between frames of one video, to NPZ and a PNG preview. */
@Command(name = "flow",
        mixinStandardHelpOptions = true,
        description = {
            "Dense optical flow (OpenCV Farneback or DIS) between frame pairs of one video.",
            "Pair p is (FROM + p*STEP, FROM + p*STEP + GAP). The NPZ holds:",
            "  flow           float32 (P, 2, H, W): [.., 0, y, x] = dx, [.., 1, y, x] = dy in pixels,",
            "                 so that prev(y, x) ~ next(y + dy, x + dx)",
            "  pairs          int64 (P, 2): the frame indices of each pair (decode order)",
            "  timestamps_us  int64 (P, 2): their presentation times in microseconds",
            "The preview colours each pixel by direction (hue) and speed (brightness); with several pairs it is "
                + "a grid, all scaled to the fastest pixel of all pairs."},
        footer = {"",
            "Examples:",
            "  cauce video flow --in samples/video/realshort.mp4 --out flow.npz --preview flow.png",
            "  cauce video flow --in walk.avi --from 100 --pairs 8 --step 10 --method dis --out walk-flow.npz"})
public final class VideoFlowCommand implements Callable<Integer> {

    /** Flow algorithms, as the command line spells them. */
    enum Method { farneback, dis }

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The video.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE.npz", description = "Where to write the flow (NPZ).")
    Path out;

    @Option(names = "--preview", paramLabel = "FILE.png", description = "Also write a colour-wheel preview PNG. Default: none.")
    Path preview;

    @Option(names = "--from", defaultValue = "0", paramLabel = "INDEX", description = "First frame of the first pair. Default: ${DEFAULT-VALUE}.")
    int from;

    @Option(names = "--gap", defaultValue = "1", paramLabel = "FRAMES", description = "Frames from a pair's first frame to its second. Default: ${DEFAULT-VALUE}.")
    int gap;

    @Option(names = "--pairs", defaultValue = "1", paramLabel = "P", description = "Number of frame pairs. Default: ${DEFAULT-VALUE}.")
    int pairs;

    @Option(names = "--step", defaultValue = "1", paramLabel = "FRAMES", description = "Frames between the starts of successive pairs. Default: ${DEFAULT-VALUE}.")
    int step;

    @Option(names = "--method", defaultValue = "farneback", paramLabel = "farneback|dis",
            description = "Farneback (pyr 0.5, 3 levels, window 15, 3 iterations, poly 5/1.2) or DIS. Default: ${DEFAULT-VALUE}.")
    Method method;

    @Option(names = "--dis-preset", defaultValue = "MEDIUM", paramLabel = "ULTRAFAST|FAST|MEDIUM",
            description = "DIS quality preset. Default: ${DEFAULT-VALUE}.")
    OpticalFlow.Dis.Preset disPreset;

    @Option(names = "--width", defaultValue = "0", paramLabel = "PX",
            description = "Shrink frames to this width (area filter, aspect kept) first; 0 = full size. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--time-limit", defaultValue = "60", paramLabel = "SECONDS", description = "Give up after this much decoding time. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    @Override
    public Integer call() throws IOException {
        if (from < 0 || gap < 1 || pairs < 1 || step < 1 || width < 0 || !(timeLimit > 0)) {
            throw new UsageException("need --from >= 0, --gap >= 1, --pairs >= 1, --step >= 1, --width >= 0, --time-limit > 0");
        }
        // before decoding: a typo in --in is a usage error naming it, and a folder as --out or
        // --preview failed only when the flow was written
        dev.cauce.cli.OptionChecks.inputExists("--in", in, "file");
        if (Files.isDirectory(in)) throw new UsageException("--in " + in + ": is a folder, expected one video file");
        dev.cauce.cli.OutputChecks.file("--out", out, "a .npz file");
        if (preview != null) dev.cauce.cli.OutputChecks.file("--preview", preview, "a .png file");
        OpticalFlow flow = method == Method.farneback ? OpticalFlow.farneback() : OpticalFlow.dis(disPreset);
        int[] indices = new int[2 * pairs];
        for (int p = 0; p < pairs; p++) {
            indices[2 * p] = from + p * step;
            indices[2 * p + 1] = from + p * step + gap;
        }
        List<Tensor> flows = new ArrayList<>();
        long[] times = new long[2 * pairs];
        try (VideoReader reader = VideoReader.open(in, Duration.ofMillis((long) (timeLimit * 1000)))) {
            var clip = reader.clip(indices);
            System.arraycopy(clip.timestampsMicros(), 0, times, 0, times.length);
            for (int p = 0; p < pairs; p++) {
                flows.add(flow.compute(shrink(clip.frames().get(2 * p)), shrink(clip.frames().get(2 * p + 1))));
            }
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // a pair past the end: the user's input, one line
        }
        Tensor all = Tensor.stack(flows);
        long[] pairIndices = new long[2 * pairs];
        for (int i = 0; i < pairIndices.length; i++) pairIndices[i] = indices[i];
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("flow", NdArray.of(all));
        arrays.put("pairs", NdArray.ofLongs(pairIndices, pairs, 2));
        arrays.put("timestamps_us", NdArray.ofLongs(times, pairs, 2));
        Image pic = preview == null ? null : previewOf(flows);
        Npz.write(out, arrays);
        if (pic != null) {
            try {
                ImageCodec.write(pic, preview);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(out); // both outputs or neither
                throw e;
            }
        }
        double max = 0;
        for (Tensor f : flows) max = Math.max(max, FlowPreview.magnitude(f).max());
        System.out.printf("%s: %d pair(s) %s, %dx%d, mean |flow| %.3f px, max %.3f px -> %s%s%n", in, pairs, flow.describe(),
                all.dim(3), all.dim(2), FlowPreview.magnitude(flows.getFirst()).mean(), max, out,
                preview == null ? "" : ", " + preview);
        return 0;
    }

    private Image shrink(Image img) {
        return Frames.shrinkToWidth(img, width);
    }

    private static Image previewOf(List<Tensor> flows) {
        double max = 0;
        for (Tensor f : flows) max = Math.max(max, FlowPreview.magnitude(f).max());
        List<Image> pics = new ArrayList<>();
        for (Tensor f : flows) pics.add(FlowPreview.colourWheel(f, max));
        return pics.size() == 1 ? pics.getFirst() : ContactSheet.of(pics, 4, Math.min(320, pics.getFirst().width()));
    }
}
