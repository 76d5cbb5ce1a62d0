package dev.cauce.cli.image;

import dev.cauce.cli.OptionChecks;
import dev.cauce.augment.image.GaussianNoise;
import dev.cauce.augment.image.HorizontalFlip;
import dev.cauce.augment.image.RandomAffine;
import dev.cauce.augment.image.RandomErasing;
import dev.cauce.augment.image.VerticalFlip;
import dev.cauce.augment.image.WarpOptions;
import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.BorderMode;
import dev.cauce.preprocess.image.Box;
import dev.cauce.preprocess.image.Boxes;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code cauce image augment}: a contact sheet of random augmentations of one image, boxes drawn. */
@Command(name = "augment",
        description = {"Write a contact sheet (PNG) of --n random augmentations of one image.",
            "The pipeline: random affine (shear, scale, rotation, translation composed into ONE warp), "
                + "horizontal/vertical flips, random erasing and Gaussian noise, each with its probability.",
            "Boxes given with --boxes move with the pixels and are drawn; boxes pushed out of the frame disappear."},
        footer = {"", "Example:",
            "  cauce image augment --in fruits.jpg --n 16 --preview grid.png --boxes 150,120,360,330:1 --seed 7"})
public final class ImageAugmentCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--in", required = true, description = "The image to augment.")
    Path in;

    @Option(names = "--n", defaultValue = "16", description = "Number of variants (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--preview", required = true, description = "Output PNG contact sheet.")
    Path preview;

    @Option(names = "--boxes", description = "Boxes x1,y1,x2,y2[:label] in pixels, separated by ';' (e.g. 10,10,50,40:2;60,5,90,30). Default: none (pixels only).")
    String boxes;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; the same seed gives the same sheet (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--degrees", defaultValue = "15", description = "Rotation range +-degrees (default: ${DEFAULT-VALUE}).")
    double degrees;

    @Option(names = "--translate", defaultValue = "0.1", description = "Translation range as a fraction of the size (default: ${DEFAULT-VALUE}).")
    double translate;

    @Option(names = "--scale-min", defaultValue = "0.9", description = "Smallest scale factor (default: ${DEFAULT-VALUE}).")
    double scaleMin;

    @Option(names = "--scale-max", defaultValue = "1.1", description = "Largest scale factor (default: ${DEFAULT-VALUE}).")
    double scaleMax;

    @Option(names = "--shear", defaultValue = "10", description = "Shear range +-degrees (default: ${DEFAULT-VALUE}).")
    double shear;

    @Option(names = "--hflip", defaultValue = "0.5", description = "Probability of a horizontal flip (default: ${DEFAULT-VALUE}).")
    double hflip;

    @Option(names = "--vflip", defaultValue = "0", description = "Probability of a vertical flip (default: ${DEFAULT-VALUE}).")
    double vflip;

    @Option(names = "--erase", defaultValue = "0.3", description = "Probability of random erasing (default: ${DEFAULT-VALUE}).")
    double erase;

    @Option(names = "--noise", defaultValue = "0", description = "Largest Gaussian noise sigma in levels, applied with p 0.5; 0 = off (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--border", defaultValue = "constant", description = "Warp border: constant, reflect, replicate, wrap (default: ${DEFAULT-VALUE}).")
    String border;

    @Option(names = "--fill", defaultValue = "0", description = "Fill value for --border constant (default: ${DEFAULT-VALUE}).")
    double fill;

    @Option(names = "--min-visibility", defaultValue = "0.3", description = "Drop a moved box when less than this fraction stays in frame (default: ${DEFAULT-VALUE}).")
    double minVisibility;

    @Option(names = "--tile", defaultValue = "256", description = "Tile size of the sheet in pixels (default: ${DEFAULT-VALUE}).")
    int tile;

    @Override
    public Integer call() throws IOException {
        if (n < 1 || n > 1024) throw new IllegalArgumentException("--n must be in 1..1024, got " + n);
        checkOptions();
        // the paths are the user's arguments: a typo or a folder is a usage error naming the option
        dev.cauce.cli.OptionChecks.inputExists("--in", in, "file");
        if (java.nio.file.Files.isDirectory(in)) throw new dev.cauce.cli.Main.UsageException("--in " + in + ": is a folder, expected one image file");
        dev.cauce.cli.OutputChecks.file("--preview", preview, "a .png or .jpg file");
        Image img = ImageCodec.decode(in).toDepth(Image.Depth.U8).toRgb();
        List<Box> given = parseBoxes(boxes);
        Transform<AnnotatedImage, AnnotatedImage> pipeline = pipeline(degrees, translate, scaleMin, scaleMax, shear, hflip, vflip,
                erase, noise, new WarpOptions(Interpolation.BILINEAR, BorderMode.parse(border), fill));
        List<Image> tiles = augmentations(img, given, minVisibility, pipeline, n, seed);
        ImageCodec.write(ImageOps.grid(tiles, (int) Math.ceil(Math.sqrt(n)), tile, 4, 32), preview);
        System.out.printf(Locale.ROOT, "wrote %d variants of %s (%dx%d, %d box(es)) to %s%n", n, in, img.width(), img.height(), given.size(), preview);
        System.out.println("pipeline: " + pipeline.spec());
        return 0;
    }

    /** Range checks naming the options, before any transform is built (its messages name internal parameters). */
    private void checkOptions() {
        if (!Double.isFinite(degrees)) throw new dev.cauce.cli.Main.UsageException("--degrees must be a finite number, got " + degrees);
        OptionChecks.inRange("--translate", translate, 0, 1);
        OptionChecks.positive("--scale-min", scaleMin);
        OptionChecks.positive("--scale-max", scaleMax);
        if (scaleMin > scaleMax) {
            throw new dev.cauce.cli.Main.UsageException("--scale-min must be <= --scale-max, got " + scaleMin + " > " + scaleMax);
        }
        if (!(shear >= 0 && shear < 90)) throw new dev.cauce.cli.Main.UsageException("--shear must be in [0, 90) degrees, got " + shear);
        OptionChecks.inRange("--hflip", hflip, 0, 1);
        OptionChecks.inRange("--vflip", vflip, 0, 1);
        OptionChecks.inRange("--erase", erase, 0, 1);
        OptionChecks.nonNegative("--noise", noise);
        if (degrees == 0 && translate == 0 && scaleMin == 1 && scaleMax == 1 && shear == 0) {
            throw new dev.cauce.cli.Main.UsageException(
                    "--degrees, --translate, --shear and --scale-min/--scale-max are all off: give at least one a range");
        }
    }

    /** The preview pipeline: one composed affine warp, flips, erasing, noise. */
    static Transform<AnnotatedImage, AnnotatedImage> pipeline(double degrees, double translate, double scaleMin, double scaleMax,
                                                              double shear, double hflip, double vflip, double erase, double noise,
                                                              WarpOptions warp) {
        Transform<AnnotatedImage, AnnotatedImage> t = RandomAffine.of(degrees, translate, scaleMin, scaleMax, shear, warp);
        if (hflip > 0) t = t.then(new HorizontalFlip(hflip));
        if (vflip > 0) t = t.then(new VerticalFlip(vflip));
        if (erase > 0) t = t.then(RandomErasing.of(erase));
        if (noise > 0) t = t.then(new GaussianNoise(0, noise, 0.5));
        return t;
    }

    /** {@code count} augmented variants (variant i draws from {@code Rng.of(seed, 0, i, 0)}), boxes drawn. */
    static List<Image> augmentations(Image img, List<Box> boxes, double minVisibility, Transform<AnnotatedImage, AnnotatedImage> pipeline,
                                     int count, long seed) {
        AnnotatedImage input = new AnnotatedImage(img, boxes.isEmpty() ? List.of() : List.of(new Boxes(boxes, minVisibility)));
        List<Image> tiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AnnotatedImage a = pipeline.apply(input, Rng.of(seed, 0, i, 0));
            Boxes moved = a.target(Boxes.class);
            int thickness = Math.max(2, Math.min(img.width(), img.height()) / 128);
            tiles.add(moved == null ? a.image() : ImageOps.drawBoxes(a.image(), moved.boxes(), thickness));
        }
        return tiles;
    }

    /** Parses {@code x1,y1,x2,y2[:label];...}. */
    static List<Box> parseBoxes(String s) {
        List<Box> out = new ArrayList<>();
        if (s == null || s.isBlank()) return out;
        for (String part : s.split(";")) {
            String[] labelSplit = part.trim().split(":");
            String[] c = labelSplit[0].split(",");
            try {
                if (c.length != 4 || labelSplit.length > 2) throw new NumberFormatException();
                int label = labelSplit.length == 2 ? Integer.parseInt(labelSplit[1].trim()) : 0;
                out.add(new Box(Double.parseDouble(c[0].trim()), Double.parseDouble(c[1].trim()), Double.parseDouble(c[2].trim()),
                        Double.parseDouble(c[3].trim()), label));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--boxes: expected x1,y1,x2,y2[:label], got '" + part + "'");
            }
        }
        return out;
    }
}
