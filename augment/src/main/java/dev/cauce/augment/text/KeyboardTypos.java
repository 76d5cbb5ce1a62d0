package dev.cauce.augment.text;

import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.text.TextSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keyboard typos: a letter replaced by a neighbouring key of {@code layout} (case kept). Letters the
 * layout does not know (digits, other scripts) are not candidates.
 */
public record KeyboardTypos(KeyboardLayout layout, double fraction) implements TextAugmenter {
    public KeyboardTypos {
        Units.checkFraction(fraction);
        if (layout == null) throw new IllegalArgumentException("layout must not be null");
    }

    @Override
    public List<TextEdit> plan(String text, Rng rng) {
        List<TextSpan> letters = Units.letters(text);
        int budget = Units.budget(fraction, letters.size());
        List<TextSpan> typeable = new ArrayList<>();
        for (TextSpan s : letters) {
            if (s.length() == Character.charCount(text.codePointAt(s.start()))
                    && !layout.of(Character.toLowerCase(text.codePointAt(s.start()))).isEmpty()) {
                typeable.add(s);
            }
        }
        List<TextEdit> edits = new ArrayList<>();
        for (int i : Units.choose(typeable.size(), budget, rng)) {
            TextSpan s = typeable.get(i);
            int cp = text.codePointAt(s.start());
            int[] near = layout.of(Character.toLowerCase(cp)).codePoints().toArray();
            edits.add(new TextEdit(s.start(), s.end(), CharNoise.inCase(cp, near[rng.nextInt(near.length)])));
        }
        return edits;
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("text.keyboard_typos", Map.of("layout", layout.name(), "fraction", fraction));
    }
}
