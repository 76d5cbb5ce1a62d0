package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes test videos of PNG-coded RGB frames in Matroska, so every decoded pixel is known
 * exactly: the frames written are the frames a correct reader must return.
 */
final class LosslessVideo {
    private LosslessVideo() { }

    static Path write(Path file, List<Image> frames, double fps) throws Exception {
        Image first = frames.getFirst();
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), first.width(), first.height(), 0)) {
            rec.setFormat("matroska");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_PNG);
            rec.setPixelFormat(avutil.AV_PIX_FMT_RGB24); // PNG frames in RGB: no chroma subsampling, no YUV rounding
            rec.setFrameRate(fps);
            rec.start();
            for (Image img : frames) {
                try (Frame f = new Frame(img.width(), img.height(), Frame.DEPTH_UBYTE, 3)) {
                    byte[] rgb = img.toBytes();
                    byte[] bgr = new byte[rgb.length];
                    for (int i = 0; i < rgb.length; i += 3) { // javacv reads 3-channel frames as BGR24
                        bgr[i] = rgb[i + 2];
                        bgr[i + 1] = rgb[i + 1];
                        bgr[i + 2] = rgb[i];
                    }
                    ByteBuffer buf = (ByteBuffer) f.image[0];
                    for (int y = 0; y < img.height(); y++) {
                        buf.position(y * f.imageStride);
                        buf.put(bgr, y * img.width() * 3, img.width() * 3);
                    }
                    buf.rewind();
                    rec.record(f, avutil.AV_PIX_FMT_BGR24);
                }
            }
            rec.stop();
        }
        return file;
    }
}
