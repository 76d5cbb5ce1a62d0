package dev.cauce.preprocess.image;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * OpenCV's pointer-level entry points ({@code cv::hal::warpAffine}, {@code cv::hal::resize},
 * {@code cv::hal::cvtBGRtoBGR}) called through the FFM API directly on the Java arrays that hold
 * image pixels: no copy in, no copy out, no native buffer to own.
 *
 * <p>Why: image pixels live on the Java heap (see {@link Image}) so that the garbage collector,
 * which frees short-lived arrays almost for free, manages their lifetime; these are the functions
 * {@code cv::warpAffine} and {@code cv::resize} delegate to after checking their arguments (the
 * outputs are bit-identical; ImageOpsGoldenTest holds them to OpenCV-Python). The downcalls are
 * <em>critical</em> with heap access: the JVM passes the array's address and holds off the
 * garbage collector for the duration of the call, which is bounded by one image's work (OpenCV
 * runs one thread per caller here, see {@link NativeSetup}).
 *
 * <p>A C++ exception escaping these functions would abort the process, so every caller validates
 * sizes, types and flags in Java first; only values OpenCV accepts reach them.
 */
final class OpenCvHal {

    private static final MethodHandle WARP_AFFINE;
    private static final MethodHandle RESIZE;
    private static final MethodHandle CVT_BGR_TO_BGR;

    static {
        SymbolLookup imgproc = SymbolLookup.libraryLookup(imgprocLibrary(), Arena.global());
        Linker linker = Linker.nativeLinker();
        Linker.Option heap = Linker.Option.critical(true);
        // void warpAffine(int src_type, const uchar* src, size_t src_step, int src_w, int src_h,
        //                 uchar* dst, size_t dst_step, int dst_w, int dst_h, const double M[6],
        //                 int interpolation, int borderType, const double borderValue[4])
        WARP_AFFINE = linker.downcallHandle(find(imgproc, "_ZN2cv3hal10warpAffineEiPKhmiiPhmiiPKdiiS5_"),
                FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT,
                        JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), heap);
        // void resize(int src_type, const uchar* src, size_t src_step, int src_w, int src_h,
        //             uchar* dst, size_t dst_step, int dst_w, int dst_h, double inv_scale_x,
        //             double inv_scale_y, int interpolation)
        RESIZE = linker.downcallHandle(find(imgproc, "_ZN2cv3hal6resizeEiPKhmiiPhmiiddi"),
                FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT,
                        JAVA_INT, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT), heap);
        // void cvtBGRtoBGR(const uchar* src, size_t src_step, uchar* dst, size_t dst_step, int width,
        //                  int height, int depth, int scn, int dcn, bool swapBlue)
        CVT_BGR_TO_BGR = linker.downcallHandle(find(imgproc, "_ZN2cv3hal11cvtBGRtoBGREPKhmPhmiiiiib"),
                FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                        JAVA_INT, JAVA_BOOLEAN), heap);
    }

    private OpenCvHal() {
    }

    /** The OpenCV imgproc shared library javacpp unpacked and loaded (next to its JNI wrapper). */
    private static Path imgprocLibrary() {
        Path jni = Path.of(Loader.load(opencv_imgproc.class));
        try (Stream<Path> files = Files.list(jni.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith("libopencv_imgproc.so")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("OpenCV's imgproc library is missing from " + jni.getParent()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the OpenCV native folder " + jni.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static MemorySegment find(SymbolLookup lookup, String symbol) {
        return lookup.find(symbol).orElseThrow(() -> new IllegalStateException(
                "OpenCV's imgproc library does not export " + symbol + " (an OpenCV build without the HAL entry points?)"));
    }

    /**
     * Warps {@code src} into {@code dst} with the INVERSE map {@code dstToSrc} (2x3, row-major, on
     * OpenCV's integer pixel grid), as {@code cv::warpAffine} does after inverting its matrix.
     */
    static void warpAffine(Image src, Image dst, double[] dstToSrc, int interpolation, int border, double fill) {
        double[] borderValue = {fill, fill, fill, fill};
        try {
            WARP_AFFINE.invokeExact(src.cvType(), pixels(src), (long) src.rowBytes(), src.width(), src.height(),
                    pixels(dst), (long) dst.rowBytes(), dst.width(), dst.height(), MemorySegment.ofArray(dstToSrc),
                    interpolation, border, MemorySegment.ofArray(borderValue));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Resizes the rectangle {@code [x, x+w) x [y, y+h)} of {@code src} into all of {@code dst}, as
     * {@code cv::resize} on an ROI does (the rectangle is read in place, not copied).
     */
    static void resize(Image src, int x, int y, int w, int h, Image dst, int interpolation) {
        long offset = (long) y * src.rowBytes() + (long) x * src.pixelBytes();
        try {
            RESIZE.invokeExact(src.cvType(), pixels(src).asSlice(offset), (long) src.rowBytes(), w, h, pixels(dst), (long) dst.rowBytes(),
                    dst.width(), dst.height(), (double) dst.width() / w, (double) dst.height() / h, interpolation);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Converts between 3- and 4-channel layouts, swapping the first and third channel when
     * {@code swapRedBlue} (BGR to RGB and back); a missing alpha is filled with full intensity.
     * {@code src} is native memory (an OpenCV Mat's data) or a heap segment, rows {@code srcStep}
     * bytes apart.
     */
    static void swapChannels(MemorySegment src, long srcStep, Image dst, int srcChannels, boolean swapRedBlue) {
        try {
            CVT_BGR_TO_BGR.invokeExact(src, srcStep, pixels(dst), (long) dst.rowBytes(), dst.width(), dst.height(),
                    dst.depth().cvDepth(), srcChannels, dst.channels(), swapRedBlue);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static MemorySegment pixels(Image img) {
        return MemorySegment.ofArray(img.pixels());
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("OpenCV call failed: " + t, t);
    }
}
