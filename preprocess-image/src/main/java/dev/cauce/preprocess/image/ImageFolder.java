package dev.cauce.preprocess.image;

import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A labelled image set in the class-per-subfolder layout ({@code root/cat/1.jpg},
 * {@code root/dog/7.png}, as torchvision's ImageFolder): class names are the subfolder names in
 * sorted order and the label is the index into that list. Files are listed in sorted path order
 * (so sample indices, and therefore random streams, are stable across machines); files with an
 * image extension are included even if broken, so decoding can report them.
 *
 * @param root    the folder scanned
 * @param classes sorted class names; label i is {@code classes.get(i)}
 * @param files   one sample per image file; the value is its path, the source its path string
 */
public record ImageFolder(Path root, List<String> classes, List<Sample<Path>> files) {

    /** File extensions treated as images (lower case). */
    public static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff");

    public ImageFolder {
        classes = List.copyOf(classes);
        files = List.copyOf(files);
    }

    /**
     * Scans {@code root}: every direct subfolder is a class, every image file below it (at any
     * depth) a sample. A folder without subfolders gives its image files as unlabelled samples
     * ({@link Sample#UNLABELLED}, no classes).
     *
     * @throws IOException if root is not a readable folder or holds no images
     */
    public static ImageFolder scan(Path root) throws IOException {
        if (!Files.isDirectory(root)) throw new IOException(root + ": not a folder");
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        List<String> classes = new ArrayList<>();
        List<Sample<Path>> files = new ArrayList<>();
        if (classDirs.isEmpty()) {
            // a flat folder of images: unlabelled samples, no classes
            try (Stream<Path> s = Files.list(root)) {
                for (Path p : s.filter(Files::isRegularFile).filter(ImageFolder::isImageName).sorted().toList()) {
                    files.add(new Sample<>(files.size(), p.toString(), p, Sample.UNLABELLED));
                }
            }
            if (files.isEmpty()) throw new IOException(root + ": no class subfolders and no image files");
            return new ImageFolder(root, classes, files);
        }
                for (int label = 0; label < classDirs.size(); label++) {
            Path dir = classDirs.get(label);
            classes.add(dir.getFileName().toString());
            List<Path> images;
            try (Stream<Path> s = Files.walk(dir)) {
                images = s.filter(Files::isRegularFile).filter(ImageFolder::isImageName).sorted().toList();
            }
            for (Path p : images) files.add(new Sample<>(files.size(), p.toString(), p, label));
        }
        return new ImageFolder(root, classes, files);
    }

    /** Whether the file name ends with one of {@link #EXTENSIONS}. */
    public static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(n.substring(dot + 1));
    }

    /** Number of images. */
    public int size() {
        return files.size();
    }

    /** The files as a stream of path samples. */
    public DataStream<Sample<Path>> paths() {
        return DataStream.of(files);
    }

    /** The decoded images as a stream (decode failures follow the pass's error policy). */
    public DataStream<Sample<Image>> images() {
        return paths().map(ImageTransforms.decode());
    }
}
