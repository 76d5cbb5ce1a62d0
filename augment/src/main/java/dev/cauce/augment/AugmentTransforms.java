package dev.cauce.augment;

import dev.cauce.augment.audio.AddNoise;
import dev.cauce.augment.audio.FrequencyMask;
import dev.cauce.augment.audio.PitchPerturb;
import dev.cauce.augment.audio.RandomGain;
import dev.cauce.augment.audio.SpeedPerturb;
import dev.cauce.augment.audio.TimeMask;
import dev.cauce.augment.audio.TimeShift;
import dev.cauce.augment.audio.TimeWarp;
import dev.cauce.augment.image.GaussianNoise;
import dev.cauce.augment.image.GeometricAugment;
import dev.cauce.augment.image.HorizontalFlip;
import dev.cauce.augment.image.ImageAugment;
import dev.cauce.augment.image.RandomAffine;
import dev.cauce.augment.image.RandomErasing;
import dev.cauce.augment.image.RandomResizedCrop;
import dev.cauce.augment.image.RandomRotation;
import dev.cauce.augment.image.RandomScale;
import dev.cauce.augment.image.RandomShear;
import dev.cauce.augment.image.RandomTranslate;
import dev.cauce.augment.image.VerticalFlip;
import dev.cauce.augment.image.WarpOptions;
import dev.cauce.augment.text.CharNoise;
import dev.cauce.augment.text.KeyboardLayout;
import dev.cauce.augment.text.KeyboardTypos;
import dev.cauce.augment.text.OcrNoise;
import dev.cauce.augment.text.WordNoise;
import dev.cauce.augment.text.WordReplace;
import dev.cauce.augment.video.ClipConsistent;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.spec.Params;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformProvider;
import dev.cauce.preprocess.audio.Audio;
import dev.cauce.preprocess.audio.Spectrogram;
import dev.cauce.preprocess.audio.Wav;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.BorderMode;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.Interpolation;
import dev.cauce.preprocess.video.Clip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The augment module's transforms for {@link dev.cauce.core.spec.TransformRegistry}: image, audio,
 * text and video augmentations and the combinators. Parameter names are those of each transform's
 * {@code spec()}; ranges are checked here so a spec error names the key, and the constructors'
 * own checks (e.g. min <= max) are reported against the transform's {@code params}.
 */
public final class AugmentTransforms implements TransformProvider {
    private static final double MAX_DEGREES = 360;

    @Override
    public List<TransformFactory> transforms() {
        List<TransformFactory> out = new ArrayList<>();
        image(out);
        combinators(out);
        audio(out);
        text(out);
        out.add(new TransformFactory("video.clip_consistent", Clip.class, Clip.class,
                "one parameter draw of an Image -> Image transform for every frame of a clip", (p, children) -> {
                    return new ClipConsistent(imageChild(p, children));
                }));
        return out;
    }

    // ------------------------------------------------------------------ image

    private static void image(List<TransformFactory> out) {
        Class<?> ai = AnnotatedImage.class;
        out.add(TransformFactory.of("horizontal_flip", ai, ai, "mirror left-right with probability p", p -> new HorizontalFlip(prob(p))));
        out.add(TransformFactory.of("vertical_flip", ai, ai, "mirror top-bottom with probability p", p -> new VerticalFlip(prob(p))));
        out.add(TransformFactory.of("random_rotation", ai, ai, "rotate by a uniform angle about the centre", p -> new RandomRotation(
                p.number("min_degrees", -MAX_DEGREES, MAX_DEGREES), p.number("max_degrees", -MAX_DEGREES, MAX_DEGREES), prob(p), warp(p))));
        out.add(TransformFactory.of("random_scale", ai, ai, "zoom by a uniform factor about the centre", p -> new RandomScale(
                p.number("min", 1e-3, 1e3), p.number("max", 1e-3, 1e3), prob(p), warp(p))));
        out.add(TransformFactory.of("random_shear", ai, ai, "shear by uniform angles", p -> new RandomShear(
                p.number("max_x_degrees", 0, 89), p.number("max_y_degrees", 0, 89), prob(p), warp(p))));
        out.add(TransformFactory.of("random_translate", ai, ai, "shift by up to a fraction of the size", p -> new RandomTranslate(
                p.number("max_x", 0, 1), p.number("max_y", 0, 1), prob(p), warp(p))));
        out.add(new TransformFactory("random_affine", ai, ai, "the geometric children composed into one warp", (p, children) -> {
            List<GeometricAugment> parts = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                if (!(children.get(i) instanceof GeometricAugment g)) {
                    throw new SpecException(p.path() + ".children[" + i + "]", "'" + children.get(i).spec().name()
                            + "' is not a geometric augmentation; allowed: random_rotation, random_scale, random_shear, random_translate, "
                            + "horizontal_flip, vertical_flip, random_affine");
                }
                parts.add(g);
            }
            if (parts.isEmpty()) throw new SpecException(p.path() + ".children", "random_affine needs at least one child");
            return new RandomAffine(parts, prob(p), warp(p));
        }));
        out.add(TransformFactory.of("random_resized_crop", ai, ai, "crop a random area and aspect ratio, resize to width x height",
                p -> new RandomResizedCrop(p.integer("width", 1, 1 << 16), p.integer("height", 1, 1 << 16),
                        p.number("scale_min", 0, 1), p.number("scale_max", 0, 1), p.number("ratio_min", 1e-3, 1e3),
                        p.number("ratio_max", 1e-3, 1e3), p.enumValue("interpolation", Interpolation.class, Interpolation.BILINEAR), prob(p))));
        out.add(TransformFactory.of("gaussian_noise", ai, ai, "add Gaussian pixel noise of a random sigma", p -> new GaussianNoise(
                p.number("sigma_min", 0, 1e6), p.number("sigma_max", 0, 1e6), prob(p))));
        out.add(TransformFactory.of("random_erasing", ai, ai, "fill a random rectangle", p -> new RandomErasing(prob(p),
                p.number("scale_min", 0, 1), p.number("scale_max", 0, 1), p.number("ratio_min", 1e-3, 1e3),
                p.number("ratio_max", 1e-3, 1e3), p.number("fill", -1e6, 1e6))));
        out.add(new TransformFactory("on_images", Image.class, Image.class, "an AnnotatedImage augmentation applied to a plain Image",
                (p, children) -> ImageAugment.onImages(annotatedChild(p, children))));
        out.add(new TransformFactory("on_tensors", Tensor.class, Tensor.class, "an AnnotatedImage augmentation applied to CHW tensors",
                (p, children) -> new ImageAugment.OnTensors(annotatedChild(p, children), p.integer("height", 1, 1 << 16),
                        p.integer("width", 1, 1 << 16))));
    }

    private static double prob(Params p) {
        return p.number("p", 0, 1);
    }

    private static WarpOptions warp(Params p) {
        return new WarpOptions(p.enumValue("interpolation", Interpolation.class, WarpOptions.DEFAULT.interpolation()),
                p.enumValue("border", BorderMode.class, WarpOptions.DEFAULT.border()), p.number("fill", -1e6, 1e6, 0));
    }

    @SuppressWarnings("unchecked")
    private static Transform<AnnotatedImage, AnnotatedImage> annotatedChild(Params p, List<Transform<?, ?>> children) {
        return (Transform<AnnotatedImage, AnnotatedImage>) single(p, children);
    }

    @SuppressWarnings("unchecked")
    private static Transform<Image, Image> imageChild(Params p, List<Transform<?, ?>> children) {
        return (Transform<Image, Image>) single(p, children);
    }

    private static Transform<?, ?> single(Params p, List<Transform<?, ?>> children) {
        if (children.size() != 1) throw new SpecException(p.path() + ".children", "needs exactly one child, got " + children.size());
        return children.get(0);
    }

    // ------------------------------------------------------------------ combinators

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void combinators(List<TransformFactory> out) {
        out.add(new TransformFactory("random_apply", Object.class, Object.class, "the child with probability p",
                (p, children) -> new RandomApply(single(p, children), prob(p))));
        out.add(new TransformFactory("one_of", Object.class, Object.class, "with probability p, one child picked by weight",
                (p, children) -> {
                    if (children.isEmpty()) throw new SpecException(p.path() + ".children", "one_of needs at least one child");
                    double[] w = p.has("weights") ? p.numbers("weights", 1) : uniform(children.size());
                    return new OneOf(List.copyOf((List) children), w, p.number("p", 0, 1, 1));
                }));
        out.add(new TransformFactory("some_of", Object.class, Object.class, "between min and max of the children, in order",
                (p, children) -> {
                    if (children.isEmpty()) throw new SpecException(p.path() + ".children", "some_of needs at least one child");
                    return new SomeOf(List.copyOf((List) children), p.integer("min", 0, children.size()), p.integer("max", 0, children.size()));
                }));
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    // ------------------------------------------------------------------ audio

    private static void audio(List<TransformFactory> out) {
        Class<?> a = Audio.class;
        Class<?> s = Spectrogram.class;
        out.add(TransformFactory.of("audio.add_noise", a, a, "white, pink or recorded noise at a random SNR", p -> {
            String kind = p.choice("kind", List.of("white", "pink", "recording"));
            double lo = p.number("minSnrDb", -100, 200);
            double hi = p.number("maxSnrDb", -100, 200);
            return switch (kind) {
                case "white" -> AddNoise.white(lo, hi);
                case "pink" -> AddNoise.pink(lo, hi);
                default -> {
                    Path file = p.file("recording", false);
                    try {
                        yield AddNoise.recording(Wav.read(file), p.string("recording"), lo, hi);
                    } catch (IOException e) {
                        throw new SpecException(p.pathOf("recording"), "cannot read the noise recording: " + e.getMessage(), e);
                    }
                }
            };
        }));
        out.add(TransformFactory.of("audio.frequency_mask", s, s, "SpecAugment frequency masks", p -> new FrequencyMask(
                p.integer("maxWidth", 0, 1 << 20), p.integer("count", 0, 1000, 1), (float) p.number("value", -1e30, 1e30, 0))));
        out.add(TransformFactory.of("audio.time_mask", s, s, "SpecAugment time masks", p -> new TimeMask(
                p.integer("maxWidth", 0, 1 << 24), p.integer("count", 0, 1000, 1), (float) p.number("value", -1e30, 1e30, 0))));
        out.add(TransformFactory.of("audio.time_warp", s, s, "SpecAugment time warp", p -> new TimeWarp(p.integer("maxDistance", 0, 1 << 20))));
        out.add(TransformFactory.of("audio.speed", a, a, "resample by a random speed factor", p -> new SpeedPerturb(
                p.number("min", 0.1, 10), p.number("max", 0.1, 10))));
        out.add(TransformFactory.of("audio.pitch", a, a, "shift the pitch by up to maxSemitones", p -> new PitchPerturb(p.number("maxSemitones", 0, 48))));
        out.add(TransformFactory.of("audio.gain", a, a, "scale by a random gain in dB", p -> new RandomGain(
                p.number("minDb", -120, 120), p.number("maxDb", -120, 120))));
        out.add(TransformFactory.of("audio.time_shift", a, a, "roll by up to maxSeconds", p -> new TimeShift(p.number("maxSeconds", 0, 3600))));
    }

    // ------------------------------------------------------------------ text

    private static void text(List<TransformFactory> out) {
        Class<?> t = String.class;
        out.add(TransformFactory.of("text.char_noise", t, t, "insert, substitute, delete or swap characters", p -> new CharNoise(
                p.enumValue("op", CharNoise.Op.class), fraction(p), p.string("alphabet", CharNoise.LATIN))));
        out.add(TransformFactory.of("text.keyboard_typos", t, t, "keyboard-neighbour typos", p -> new KeyboardTypos(
                KeyboardLayout.named(p.choice("layout", List.of("us", "us-qwerty", "es"))), fraction(p))));
        out.add(TransformFactory.of("text.ocr_noise", t, t, "OCR confusions", p -> new OcrNoise(fraction(p))));
        out.add(TransformFactory.of("text.word_noise", t, t, "swap, delete or insert words", p -> new WordNoise(
                p.enumValue("op", WordNoise.Op.class), fraction(p), p.strings("vocabulary", List.of()))));
        out.add(TransformFactory.of("text.word_replace", t, t, "replace words by misspellings, WordNet synonyms or word2vec neighbours",
                AugmentTransforms::wordReplace));
    }

    /**
     * The source's data file is read here, once per build (once per executor on Spark): a missing
     * or unreadable file is a spec error naming the parameter and the file, before any input runs.
     */
    private static WordReplace wordReplace(Params p) {
        String source = p.choice("source", List.of("misspellings", "wordnet", "word2vec"));
        double fraction = fraction(p);
        if (source.equals("misspellings")) return WordReplace.misspellings(fraction);
        String key = source.equals("wordnet") ? "wordnet" : "vectors";
        Path file = source.equals("wordnet") ? p.existing(key) : p.file(key, false);
        try {
            return source.equals("wordnet")
                    ? WordReplace.synonyms(p.string(key), file, fraction)
                    : WordReplace.neighbours(p.string(key), file, p.integer("k", 1, 1000, 5), p.number("minSimilarity", -1, 1, 0.5), fraction);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SpecException se) throw se;
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new SpecException(p.pathOf(key), (why.contains(file.toString()) ? "" : file + ": ") + "cannot be read as "
                    + (source.equals("wordnet") ? "a WordNet folder or thesaurus table" : "word2vec vectors") + ": " + why, e);
        }
    }

    private static double fraction(Params p) {
        return p.number("fraction", 0, 1);
    }
}
