package dev.cauce.augment.text;

import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.text.TextSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OCR errors ({@link OcrConfusions#DEFAULT}: 0/O, 1/l/I, rn/m, cl/d, 5/S …) inside words. The
 * candidates are the non-overlapping places where a confusion applies; {@code fraction} is the share
 * of letters that may be involved, so a text's budget is {@code floor(fraction × letters)} edits.
 */
public record OcrNoise(double fraction) implements TextAugmenter {
    public OcrNoise {
        Units.checkFraction(fraction);
    }

    @Override
    public List<TextEdit> plan(String text, Rng rng) {
        int letters = Units.letters(text).size();
        List<TextEdit> candidates = new ArrayList<>();
        List<List<String>> choices = new ArrayList<>();
        for (TextSpan w : Units.words(text)) {
            int i = w.start();
            while (i < w.end()) {
                List<String> to = new ArrayList<>();
                int len = 0;
                for (OcrConfusions.Confusion c : OcrConfusions.DEFAULT) {
                    if (len != 0 && c.from().length() != len) break; // longest match only
                    if (text.startsWith(c.from(), i) && i + c.from().length() <= w.end()) {
                        len = c.from().length();
                        to.add(c.to());
                    }
                }
                if (len > 0) {
                    candidates.add(new TextEdit(i, i + len, ""));
                    choices.add(to);
                    i += len;
                } else {
                    i += Character.charCount(text.codePointAt(i));
                }
            }
        }
        List<TextEdit> edits = new ArrayList<>();
        for (int k : Units.choose(candidates.size(), Units.budget(fraction, letters), rng)) {
            TextEdit c = candidates.get(k);
            List<String> to = choices.get(k);
            edits.add(new TextEdit(c.start(), c.end(), to.get(rng.nextInt(to.size()))));
        }
        return edits;
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("text.ocr_noise", Map.of("fraction", fraction));
    }
}
