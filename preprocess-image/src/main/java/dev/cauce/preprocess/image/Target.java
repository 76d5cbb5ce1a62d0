package dev.cauce.preprocess.image;

/**
 * Something attached to an image that must move with its pixels: {@link Boxes}, {@link Keypoints},
 * {@link Mask}. Deliberately open (not sealed) so other modules can attach their own kinds; a
 * transform that does not know how to move a kind refuses it with an error rather than passing it
 * through unchanged and silently out of step.
 */
public interface Target {
    /** Short kind name for messages ("boxes", "keypoints", "mask", ...). */
    String kind();
}
