package dev.cauce.cli.image;

import dev.cauce.augment.image.WarpOptions;
import dev.cauce.cli.DemoSection;
import dev.cauce.core.Transform;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.Box;
import dev.cauce.preprocess.image.ChannelStats;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.image.ImageFolder;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The image part of {@code cauce demo}: decodes the bundled photos, fits per-channel statistics
 * over them in one pass, and writes a contact sheet of 12 augmented variants of fruits.jpg with
 * two boxes that follow the composed affine warp.
 */
public final class ImageDemo implements DemoSection {

    @Override
    public String title() {
        return "Images: decode, fit statistics, augment with boxes";
    }

    @Override
    public void run(Path samples, Path outDir, PrintStream out) throws Exception {
        Path dir = samples.resolve("images");
        ImageFolder folder = ImageFolder.scan(dir);
        long t0 = System.nanoTime();
        ChannelStats stats = ChannelStats.empty(3);
        Image fruits = null;
        for (var s : folder.files()) {
            Image img = ImageCodec.decode(s.value());
            out.printf(Locale.ROOT, "  %-14s %4dx%-4d %d channel(s) %s%n", s.value().getFileName(), img.width(), img.height(),
                    img.channels(), img.depth());
            Image small = ImageOps.resizeAndCenterCrop(img.toRgb(), 224, 224, Interpolation.AREA);
            stats = stats.merge(ChannelStats.of(small, Image.PixelScale.UNIT));
            if (s.value().getFileName().toString().equals("fruits.jpg")) fruits = img.toRgb();
        }
        out.printf(Locale.ROOT, "  %d photos decoded and fitted to 224x224 in %d ms; per-channel mean %s, std %s%n", folder.size(),
                (System.nanoTime() - t0) / 1_000_000, round(stats.mean()), round(stats.std()));
        if (fruits == null) throw new IllegalStateException(dir + " lacks fruits.jpg");
        List<Box> boxes = List.of(new Box(40, 40, 240, 220, 0), new Box(300, 260, 470, 440, 3));
        Transform<AnnotatedImage, AnnotatedImage> pipeline = ImageAugmentCommand.pipeline(20, 0.15, 0.8, 1.2, 10, 0.5, 0, 0.3, 8,
                WarpOptions.DEFAULT);
        long t1 = System.nanoTime();
        List<Image> tiles = ImageAugmentCommand.augmentations(fruits, boxes, 0.3, pipeline, 12, 7);
        Path sheet = outDir.resolve("image-augment.png");
        ImageCodec.write(ImageOps.grid(tiles, 4, 200, 4, 32), sheet);
        out.printf(Locale.ROOT, "  12 augmented variants (one composed warp each, boxes moved with the pixels) in %d ms -> %s%n",
                (System.nanoTime() - t1) / 1_000_000, sheet);
        out.println("  pipeline: " + pipeline.spec());
    }

    private static String round(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
        return sb.append(']').toString();
    }
}
