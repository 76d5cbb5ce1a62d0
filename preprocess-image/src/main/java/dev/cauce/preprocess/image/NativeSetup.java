package dev.cauce.preprocess.image;

/**
 * Process-wide settings of the native libraries, applied once before the first javacpp object of
 * this module is created (Image and ImageCodec call {@link #ensure()} from their static
 * initializers; class initialization makes it happen exactly once).
 */
final class NativeSetup {

    static {
        // javacpp measures the process's resident memory on EVERY native allocation unless this is 0
        // (profiled: as costly as the warp itself on a 28x28 digit). Its byte-count limit, which
        // triggers a GC when images pile up, stays on. Only set when the user has not chosen; it
        // must happen before javacpp's Pointer class initializes, so ./cauce passes it too.
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
        // Cauce parallelizes over samples (DataStream.parallel); OpenCV's own thread pool inside
        // each call would oversubscribe the cores and, on a loaded machine, make every small
        // resize wait for its slowest helper thread. One OpenCV thread per calling thread.
        org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
    }

    private NativeSetup() {
    }

    /** Triggers the static initializer (no-op afterwards). */
    static void ensure() {
        // the work happens in the static initializer, once
    }
}
