package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactSheetTest {

    @Test
    void clipSheetCaptionsEveryFrameUnderItsThumbnail() throws IOException {
        Clip clip;
        try (VideoReader r = VideoReader.open(TestData.sample("realshort.mp4"))) {
            clip = r.clip(new int[] {0, 5, 12});
        }
        int thumbWidth = 80;
        Image plain = ContactSheet.of(clip.frames(), 2, thumbWidth);
        Image sheet = ContactSheet.of(clip, 2, thumbWidth);
        assertEquals(plain.width(), sheet.width());
        assertEquals(plain.height() + 2 * ContactSheet.CAPTION_HEIGHT, sheet.height()); // two rows, one strip each
        Image first = clip.frames().getFirst();
        int thumbHeight = (int) Math.round((double) first.height() * thumbWidth / first.width());
        // the thumbnails are unchanged by the captions
        Image thumb = ImageOps.resize(clip.frames().get(2), thumbWidth, thumbHeight, Interpolation.AREA);
        int y3 = 2 + thumbHeight + ContactSheet.CAPTION_HEIGHT + 2;
        assertEquals(thumb, ImageOps.crop(sheet, 2, y3, thumbWidth, thumbHeight));
        // every strip holds text (light pixels on the dark background); the unused cell stays empty
        assertTrue(lightPixels(sheet, 2, 2 + thumbHeight) > 20);
        assertTrue(lightPixels(sheet, 2 + thumbWidth + 2, 2 + thumbHeight) > 20);
        assertTrue(lightPixels(sheet, 2, y3 + thumbHeight) > 20);
        assertEquals(0, lightPixels(sheet, 2 + thumbWidth + 2, y3 + thumbHeight));
    }

    /** Pixels brighter than 128 in the caption strip whose top-left corner is (x, y). */
    private static int lightPixels(Image sheet, int x, int y) {
        int n = 0;
        for (int row = y; row < y + ContactSheet.CAPTION_HEIGHT; row++) {
            for (int col = x; col < x + 80; col++) if (sheet.get(row, col, 1) > 128) n++;
        }
        return n;
    }

    @Test
    void timesAreMinutesSecondsMillis() {
        assertEquals("0:00.000", ContactSheet.time(0));
        assertEquals("0:00.480", ContactSheet.time(480_000));
        assertEquals("1:02.040", ContactSheet.time(62_040_000));
    }

    @Test
    void captionCountMustMatchFrames() {
        Image f = Image.allocate(8, 8, 3, Image.Depth.U8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContactSheet.of(List.of(f, f), List.of("only one"), 2, 8));
        assertTrue(e.getMessage().contains("1 captions for 2 frames"), e.getMessage());
    }
}
