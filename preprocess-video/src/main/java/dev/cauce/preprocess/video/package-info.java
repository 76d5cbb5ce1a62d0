/**
 * Video to tensors, through FFmpeg and OpenCV (javacv).
 *
 * <ul>
 *   <li>{@link dev.cauce.preprocess.video.VideoReader}: frames as RGB images by index or time; frames
 *       are counted by decoding ({@link dev.cauce.preprocess.video.FrameTimeline}), never taken from the
 *       header; per-file time limit; every native object released on close.</li>
 *   <li>Samplers: {@link dev.cauce.preprocess.video.UniformSampler} (first and last included),
 *       {@link dev.cauce.preprocess.video.SegmentSampler} (TSN: random in training, centre in
 *       evaluation), {@link dev.cauce.preprocess.video.StrideSampler},
 *       {@link dev.cauce.preprocess.video.FpsSampler}, {@link dev.cauce.preprocess.video.ClipSampler},
 *       and motion-based {@link dev.cauce.preprocess.video.MotionSampler} built on
 *       {@link dev.cauce.preprocess.video.MotionScores} and {@link dev.cauce.preprocess.video.KeyframeSelector}.
 *       A short video is an error or padded, as {@link dev.cauce.preprocess.video.BeyondEnd} says.</li>
 *   <li>{@link dev.cauce.preprocess.video.Clip} (frames with indices and times; {@code (T, C, H, W)}
 *       tensors) and {@link dev.cauce.preprocess.video.PerFrame} to map any image transform over it.
 *       Clip-consistent augmentation lives in {@code dev.cauce.augment.video.ClipConsistent}.</li>
 *   <li>{@link dev.cauce.preprocess.video.OpticalFlow} (Farneback, DIS) as {@code (2, H, W)} tensors,
 *       {@link dev.cauce.preprocess.video.FlowPreview} colour wheels, and
 *       {@link dev.cauce.preprocess.video.ContactSheet}s.</li>
 * </ul>
 */
package dev.cauce.preprocess.video;
