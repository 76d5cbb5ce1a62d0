package dev.cauce.cli.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cauce.cli.Progress;
import dev.cauce.core.Cursor;
import dev.cauce.core.DataStream;
import dev.cauce.core.ErrorPolicy;
import dev.cauce.core.ErrorReport;
import dev.cauce.core.Rng;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.io.AtomicFiles;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npy;
import dev.cauce.core.io.Npz;
import dev.cauce.preprocess.image.ChannelStats;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.image.ImageFolder;
import dev.cauce.preprocess.image.ImageTransforms;
import dev.cauce.preprocess.image.Interpolation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code cauce image convert}: a folder of images to training-ready shards. Everything is written
 * into a hidden staging folder beside {@code --out} and renamed into place only when complete, so
 * a failed run leaves no partial output. Output depends only on the inputs and options: the same
 * bytes with any {@code --threads}.
 */
@Command(name = "convert",
        description = {"Convert a folder of images into NPY/NPZ shards or resized image files.",
            "Shards hold float32 NCHW images and int64 labels.",
            "Layout: --in DIR/<class>/<images> gives labels (classes sorted by name); a flat folder gives label -1.",
            "Writes classes.json, index.tsv (shard, row, label, source), pipeline.json and, with --standardize fit, stats.json."},
        footer = {"", "Examples:",
            "  cauce image convert --in photos/ --out shards/ --size 224x224 --fit crop --standardize imagenet",
            "  cauce image convert --in mnist_png/ --out mnist/ --size 28x28 --channels 1 --standardize fit \\",
            "      --threads 2",
            "  cauce image convert --in photos/ --out small/ --size 128x128 --fit pad --format png"})
public final class ImageConvertCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--in", required = true, description = "Input folder: <class>/<image files>, or a flat folder of images.")
    Path in;

    @Option(names = "--out", required = true, description = "Output folder (must not exist or be empty).")
    Path out;

    @Option(names = "--size", defaultValue = "224x224", description = "Output size WIDTHxHEIGHT (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--fit", defaultValue = "crop", description = "How to reach --size: crop (shortest side + centre crop), pad (longest side + letterbox), stretch (default: ${DEFAULT-VALUE}).")
    String fit;

    @Option(names = "--interpolation", defaultValue = "area", description = "nearest, bilinear, area or bicubic (default: ${DEFAULT-VALUE}).")
    String interpolation;

    @Option(names = "--channels", defaultValue = "3", description = "1 (gray) or 3 (RGB); images are converted (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--scale", defaultValue = "unit", description = "Pixel scaling: unit [0,1], symmetric [-1,1], raw 0..255 (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--standardize", defaultValue = "none", description = "none, imagenet, fit (per-channel mean/std fitted over the folder in one pass), or MEAN1,..:STD1,.. in --scale units (default: ${DEFAULT-VALUE}).")
    String standardize;

    @Option(names = "--format", defaultValue = "npz", description = "npz (x and y per shard), npy (x and y files per shard) or png (resized images in <class>/ folders) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--shard-size", defaultValue = "0", description = "Images per shard; 0 picks a size of about 32 MB per shard (default: ${DEFAULT-VALUE}).")
    int shardSize;

    @Option(names = "--shuffle", description = "Write samples in a random order drawn from --seed (default: folder order).")
    boolean shuffle;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for --shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "Decode/resize threads; the output is identical for any count (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--quiet", description = "No progress bar. Default: a progress bar on standard error when it is a terminal.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    dev.cauce.cli.OnErrorOption onError = new dev.cauce.cli.OnErrorOption();

    @Override
    public Integer call() throws IOException {
        Options o = Options.parse(this);
        // before scanning: a file at or above --out would otherwise surface as the staging folder's name
        dev.cauce.cli.OutputChecks.folder("--out", out);
        dev.cauce.cli.OptionChecks.inputFolder("--in", in, "a folder of images or of class sub-folders");
        ImageFolder folder = ImageFolder.scan(in);
        if (folder.files().isEmpty()) {
            // class folders without a single image file: say so, not "none of the 0 images could be converted"
            throw new IOException("--in " + in + ": no image files (" + String.join(", ", ImageFolder.EXTENSIONS) + ") in its "
                    + folder.classes().size() + " class folder(s)");
        }
        List<Sample<Path>> files = ordered(folder.files());
        ErrorReport report = new ErrorReport();
        Summary summary;
        try (dev.cauce.cli.StagedFolder staged = dev.cauce.cli.StagedFolder.create("--out", out)) {
            summary = convert(folder, files, o, staged.path(), report);
            // an output of zero images is no result: leave --out as it was, so the same command
            // works again once the inputs are fixed
            if (summary.written > 0) staged.commit();
        }
        var err = System.err;
        if (summary.written == 0) {
            err.println("error: none of the " + files.size() + " images under " + in + " could be converted; nothing written to " + out);
            for (ErrorReport.Failure f : report.failures()) err.println("  " + f.source() + ": " + f.problem());
            return 1;
        }
        System.out.printf(Locale.ROOT, "wrote %d of %d images (%dx%dx%d) into %d %s file(s) in %s%n", summary.written, files.size(),
                o.width, o.height, o.channels, summary.shards, o.format, out);
        if (summary.stats != null) {
            System.out.println("fitted per-channel mean " + fmt(summary.stats.mean()) + " std " + fmt(summary.stats.std()));
        }
        if (!report.isEmpty()) {
            err.println(report.count() + " file(s) skipped:");
            for (ErrorReport.Failure f : report.failures()) err.println("  " + f.source() + ": " + f.problem());
            return 1;
        }
        return 0;
    }

    /** Parsed, validated options. */
    record Options(int width, int height, int channels, Interpolation interpolation, String fit, Image.PixelScale scale,
                   String standardize, String format, int shardSize, int threads, ErrorPolicy policy) {
        static Options parse(ImageConvertCommand c) {
            String[] wh = c.size.toLowerCase(Locale.ROOT).split("x");
            int w, h;
            try {
                if (wh.length != 2) throw new NumberFormatException();
                w = Integer.parseInt(wh[0].trim());
                h = Integer.parseInt(wh[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--size must be WIDTHxHEIGHT like 224x224, got '" + c.size + "'");
            }
            if (w < 1 || h < 1) throw new IllegalArgumentException("--size must be positive, got " + c.size);
            if (c.channels != 1 && c.channels != 3) throw new IllegalArgumentException("--channels must be 1 or 3, got " + c.channels);
            if (!List.of("crop", "pad", "stretch").contains(c.fit)) throw new IllegalArgumentException("--fit must be crop, pad or stretch, got '" + c.fit + "'");
            if (!List.of("npz", "npy", "png").contains(c.format)) throw new IllegalArgumentException("--format must be npz, npy or png, got '" + c.format + "'");
            if (c.threads < 1) throw new IllegalArgumentException("--threads must be >= 1, got " + c.threads);
            if (c.shardSize < 0) throw new IllegalArgumentException("--shard-size must be >= 0, got " + c.shardSize);
            Image.PixelScale scale = switch (c.scale) {
                case "unit" -> Image.PixelScale.UNIT;
                case "symmetric" -> Image.PixelScale.SYMMETRIC;
                case "raw" -> Image.PixelScale.RAW;
                default -> throw new IllegalArgumentException("--scale must be unit, symmetric or raw, got '" + c.scale + "'");
            };
            ErrorPolicy policy = c.onError.policy();
            int perShard = c.shardSize > 0 ? c.shardSize : Math.max(1, (32 << 20) / (w * h * c.channels * 4));
            return new Options(w, h, c.channels, Interpolation.parse(c.interpolation), c.fit, scale, c.standardize, c.format,
                    perShard, c.threads, policy);
        }

        /** Decode, channel conversion, and the size fit: everything before the tensor. */
        Transform<Path, Image> prepare() {
            Transform<Image, Image> colour = channels == 1 ? new ImageTransforms.ToGray() : new ImageTransforms.ToRgb();
            Transform<Image, Image> sizing = switch (fit) {
                case "crop" -> new ImageTransforms.ResizeCenterCrop(width, height, interpolation);
                case "pad" -> new ImageTransforms.Letterbox(width, height, interpolation, 0);
                default -> new ImageTransforms.Resize(width, height, interpolation);
            };
            return ImageTransforms.decode().then(colour).then(sizing);
        }
    }

    private List<Sample<Path>> ordered(List<Sample<Path>> files) {
        if (!shuffle) return files;
        int[] perm = new int[files.size()];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        Rng.seeded(seed).child(0x5348_5546L).shuffle(perm);
        List<Sample<Path>> outList = new ArrayList<>(files.size());
        for (int i : perm) outList.add(files.get(i));
        return outList;
    }

    private record Summary(int written, int shards, ChannelStats stats) { }

    private Summary convert(ImageFolder folder, List<Sample<Path>> files, Options o, Path staging, ErrorReport report) throws IOException {
        Transform<Path, Image> prepare = o.prepare();
        ChannelStats stats = null;
        Transform<Image, Tensor> toTensor;
        switch (o.standardize) {
            case "none" -> toTensor = new ImageTransforms.ToTensor(o.scale);
            case "imagenet" -> {
                if (o.channels != 3) throw new IllegalArgumentException("--standardize imagenet needs --channels 3");
                if (o.scale != Image.PixelScale.UNIT) throw new IllegalArgumentException("--standardize imagenet needs --scale unit");
                toTensor = ImageTransforms.Normalize.imagenet();
            }
            case "fit" -> {
                stats = fitStats(files, prepare, o);
                toTensor = ImageTransforms.Normalize.fitted(stats, o.scale);
            }
            default -> toTensor = parseGiven(o.standardize, o);
        }
        writeJson(staging.resolve("classes.json"), folder.classes());
        writeJson(staging.resolve("pipeline.json"), specMap(prepare.then(toTensor).spec()));
        if (stats != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("count_pixels", stats.count());
            s.put("scale", o.scale.name().toLowerCase(Locale.ROOT));
            s.put("mean", stats.mean());
            s.put("std", stats.std());
            s.put("min", stats.min());
            s.put("max", stats.max());
            writeJson(staging.resolve("stats.json"), s);
        }
        if (o.format.equals("png")) return writeImages(folder, files, prepare, o, staging, report, stats);
        return writeShards(files, prepare.then(toTensor), o, staging, report, stats);
    }

    private ChannelStats fitStats(List<Sample<Path>> files, Transform<Path, Image> prepare, Options o) {
        ChannelStats stats = ChannelStats.empty(o.channels);
        // skipped files are reported by the writing pass; this pass only leaves them out
        DataStream<Sample<ChannelStats>> per = DataStream.of(files).map(prepare.then(Transform.<Image, ChannelStats>of(
                "channel_stats", Map.of("scale", o.scale.name()), img -> ChannelStats.of(img, o.scale)))).parallel(o.threads);
        try (Progress bar = Progress.start("fit stats", files.size(), "img", quiet);
             Cursor<Sample<ChannelStats>> c = per.open(seed, 0, o.policy, new ErrorReport())) {
            while (c.hasNext()) {
                stats = stats.merge(c.next().value()); // merged in input order: bit-identical for any thread count
                bar.step(1);
            }
        }
        if (stats.count() == 0) throw new IllegalArgumentException("no decodable image in " + in + " to fit statistics on");
        return stats;
    }

    private static Transform<Image, Tensor> parseGiven(String spec, Options o) {
        String[] parts = spec.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--standardize must be none, imagenet, fit or MEAN1,MEAN2,..:STD1,STD2,.., got '" + spec + "'");
        }
        double[] mean = parseList(parts[0]);
        double[] std = parseList(parts[1]);
        if (mean.length != o.channels || std.length != o.channels) {
            throw new IllegalArgumentException("--standardize needs " + o.channels + " means and " + o.channels + " stds, got '" + spec + "'");
        }
        for (int c = 0; c < std.length; c++) {
            // A zero std would silently write all-zero (or infinite) tensors.
            if (!(std[c] > 0) || !Double.isFinite(std[c]) || !Double.isFinite(mean[c])) {
                throw new IllegalArgumentException("--standardize stds must be finite and > 0 and means finite, got '" + spec + "'");
            }
        }
        return new ImageTransforms.Normalize(mean, std, o.scale);
    }

    private static double[] parseList(String s) {
        try {
            return java.util.Arrays.stream(s.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a comma-separated list of numbers: '" + s + "'");
        }
    }

    private Summary writeShards(List<Sample<Path>> files, Transform<Path, Tensor> pipeline, Options o, Path staging,
                                ErrorReport report, ChannelStats stats) throws IOException {
        DataStream<Sample<Tensor>> stream = DataStream.of(files).map(pipeline).parallel(o.threads);
        List<Sample<Tensor>> buffer = new ArrayList<>(o.shardSize);
        StringBuilder index = new StringBuilder("shard\trow\tlabel\tsource\n");
        int shards = 0, written = 0;
        try (Progress bar = Progress.start("convert", files.size(), "img", quiet);
             Cursor<Sample<Tensor>> c = stream.open(seed, 0, o.policy, report)) {
            while (c.hasNext()) {
                buffer.add(c.next());
                bar.step(1);
                if (buffer.size() == o.shardSize) {
                    written += writeShard(buffer, shards++, o, staging, index);
                    buffer.clear();
                }
            }
            if (!buffer.isEmpty()) written += writeShard(buffer, shards++, o, staging, index);
        }
        String idx = index.toString();
        AtomicFiles.write(staging.resolve("index.tsv"), os -> os.write(idx.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Summary(written, shards, stats);
    }

    private static int writeShard(List<Sample<Tensor>> rows, int shard, Options o, Path staging, StringBuilder index) throws IOException {
        Tensor x = Tensor.stack(rows.stream().map(Sample::value).toList());
        long[] y = new long[rows.size()];
        String name = String.format(Locale.ROOT, "shard-%05d", shard);
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i).label();
            index.append(name).append('\t').append(i).append('\t').append(y[i]).append('\t').append(rows.get(i).source()).append('\n');
        }
        NdArray xa = NdArray.of(x);
        NdArray ya = NdArray.ofLongs(y, y.length);
        if (o.format.equals("npz")) {
            Map<String, NdArray> arrays = new LinkedHashMap<>();
            arrays.put("x", xa);
            arrays.put("y", ya);
            Npz.write(staging.resolve(name + ".npz"), arrays);
        } else {
            Npy.write(staging.resolve(name + "-x.npy"), xa);
            Npy.write(staging.resolve(name + "-y.npy"), ya);
        }
        return rows.size();
    }

    private Summary writeImages(ImageFolder folder, List<Sample<Path>> files, Transform<Path, Image> prepare, Options o, Path staging,
                                ErrorReport report, ChannelStats stats) throws IOException {
        DataStream<Sample<Image>> stream = DataStream.of(files).map(prepare).parallel(o.threads);
        StringBuilder index = new StringBuilder("file\tlabel\tsource\n");
        int written = 0;
        try (Progress bar = Progress.start("convert", files.size(), "img", quiet);
             Cursor<Sample<Image>> c = stream.open(seed, 0, o.policy, report)) {
            while (c.hasNext()) {
                Sample<Image> s = c.next();
                bar.step(1);
                String cls = s.label() >= 0 ? folder.classes().get(s.label()) : ".";
                String stem = Path.of(s.source()).getFileName().toString().replaceFirst("\\.[^.]*$", "");
                Path rel = Path.of(cls, String.format(Locale.ROOT, "%06d-%s.png", s.index(), stem));
                ImageCodec.write(s.value(), staging.resolve(rel));
                index.append(rel).append('\t').append(s.label()).append('\t').append(s.source()).append('\n');
                written++;
            }
        }
        String idx = index.toString();
        AtomicFiles.write(staging.resolve("index.tsv"), os -> os.write(idx.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Summary(written, written, stats);
    }

    static Map<String, Object> specMap(TransformSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("params", new java.util.TreeMap<>(spec.params()));
        if (!spec.children().isEmpty()) m.put("children", spec.children().stream().map(ImageConvertCommand::specMap).toList());
        return m;
    }

    private static void writeJson(Path file, Object value) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] bytes = mapper.writeValueAsBytes(value);
        AtomicFiles.write(file, os -> os.write(bytes));
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v[i]));
        return sb.append(']').toString();
    }


}
