package dev.cauce.augment.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;

import java.util.List;

/**
 * A random text augmentation. It samples a plan of {@link TextEdit}s on the original text from the
 * given {@link Rng} and applies it with the pure {@link TextEdits#apply}. Shared guarantees, tested
 * on real e-mails and Spanish text:
 * <ul>
 *   <li>only letters or words are edited: whitespace (double spaces, tabs, newlines) and punctuation
 *       are byte-identical, and so is every character outside the edited spans;</li>
 *   <li>at most {@code floor(fraction × units)} units are edited (units: letters for character
 *       augmenters, words for word augmenters), so the requested fraction is never exceeded;</li>
 *   <li>no U+FFFD is produced and no surrogate pair is split; a text with nothing to edit is returned unchanged;</li>
 *   <li>every plan is built in one pass over the text, so every augmenter terminates.</li>
 * </ul>
 */
public sealed interface TextAugmenter extends Transform<String, String>
        permits CharNoise, KeyboardTypos, OcrNoise, WordNoise, WordReplace {

    /** The edits this call would make, on offsets of {@code text}. */
    List<TextEdit> plan(String text, Rng rng);

    @Override
    default String apply(String text, Rng rng) {
        return TextEdits.apply(text, plan(text, rng));
    }
}
