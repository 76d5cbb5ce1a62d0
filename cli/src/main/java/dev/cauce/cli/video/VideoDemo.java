package dev.cauce.cli.video;

import dev.cauce.cli.DemoSection;
import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.video.BeyondEnd;
import dev.cauce.preprocess.video.Clip;
import dev.cauce.preprocess.video.ContactSheet;
import dev.cauce.preprocess.video.FlowPreview;
import dev.cauce.preprocess.video.MotionSampler;
import dev.cauce.preprocess.video.OpticalFlow;
import dev.cauce.preprocess.video.UniformSampler;
import dev.cauce.preprocess.video.VideoReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The video section of {@code cauce demo}: decodable versus declared frame counts on the bundled
 * clips, uniform and motion-based samples as contact sheets, and an optical-flow preview.
 */
public final class VideoDemo implements DemoSection {

    @Override
    public String title() {
        return "Video: decodable frames, uniform and motion sampling, optical flow";
    }

    @Override
    public void run(Path samples, Path outDir, PrintStream out) throws Exception {
        Path dir = samples.resolve("video");
        Path realshort = dir.resolve("realshort.mp4");
        Path tree = dir.resolve("tree.avi");
        try (VideoReader r = VideoReader.open(tree)) {
            out.printf("   tree.avi: header declares %d frames, %d decode (%.1f s, %s)%n",
                    r.info().declaredFrames(), r.frameCount(), r.timeline().durationMicros() / 1e6, r.info().codec());
            int[] motion = MotionSampler.of(8, BeyondEnd.ERROR).select(r);
            Clip clip = r.clip(motion);
            write(ContactSheet.of(clip, 4, 160), outDir.resolve("video-tree-motion.png"), out,
                    "8 frames that move most " + Arrays.toString(motion));
        }
        try (VideoReader r = VideoReader.open(realshort)) {
            int[] uniform = new UniformSampler(8, BeyondEnd.ERROR).select(r.timeline(), Rng.of(0, 0, 0, 0));
            Clip clip = r.clip(uniform);
            out.printf("   realshort.mp4: %d frames at %.2f fps; uniform 8 -> %s, clip tensor %s%n", r.frameCount(),
                    r.info().frameRate(), Arrays.toString(uniform), Arrays.toString(clip.toTensor(Image.PixelScale.UNIT).shape()));
            write(ContactSheet.of(clip, 4, 160), outDir.resolve("video-realshort-uniform.png"), out, "uniform sample");
            List<Image> pair = r.frames(new int[] {20, 22});
            Tensor flow = OpticalFlow.farneback().compute(pair.get(0), pair.get(1));
            FlowPreview.Magnitude m = FlowPreview.magnitude(flow);
            out.printf("   Farneback flow, frames 20 -> 22: %s, mean %.2f px, max %.2f px%n",
                    Arrays.toString(flow.shape()), m.mean(), m.max());
            write(ContactSheet.of(List.of(pair.get(0), FlowPreview.colourWheel(flow)), 2, 320),
                    outDir.resolve("video-realshort-flow.png"), out, "frame 20 and its flow (hue = direction, brightness = speed)");
        }
    }

    private static void write(Image img, Path file, PrintStream out, String what) throws java.io.IOException {
        ImageCodec.write(img, file);
        out.printf("   wrote %s (%s)%n", file.getFileName(), what);
    }
}
