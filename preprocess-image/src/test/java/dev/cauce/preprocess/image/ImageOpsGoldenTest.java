package dev.cauce.preprocess.image;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resize, warp and flip against OpenCV-Python 4.6 golden arrays (src/test/resources/golden/image, see its NOTICE). */
class ImageOpsGoldenTest {

    private static Image golden(String name) {
        return GoldenNpy.load("/golden/image/" + name + ".npy").image();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fruits", "left01"})
    void decodeThenAreaResizeMatchesSrc256(String name) {
        Image decoded = ImageCodec.decode(ImageTest.resource(name + ".jpg"), name + ".jpg").toRgb();
        Image ref = golden(name + "_src256");
        int[] wh = ImageOps.longestSideSize(decoded.width(), decoded.height(), 256);
        Image mine = ImageOps.resize(decoded, wh[0], wh[1], Interpolation.AREA);
        assertTrue(GoldenNpy.maxAbsDiff(mine, ref) <= 1, "max diff " + GoldenNpy.maxAbsDiff(mine, ref));
        Image full = ImageOps.resize(decoded, 224, 224, Interpolation.AREA);
        assertTrue(GoldenNpy.maxAbsDiff(full, golden(name + "_full_224_area")) <= 1);
    }

    @ParameterizedTest
    @CsvSource({"fruits,nearest", "fruits,linear", "fruits,area", "fruits,cubic",
            "left01,nearest", "left01,linear", "left01,area", "left01,cubic"})
    void resizeMatchesOpenCvPython(String name, String interp) {
        Image out = ImageOps.resize(golden(name + "_src256"), 224, 224, Interpolation.parse(interp));
        assertTrue(GoldenNpy.maxAbsDiff(out, golden(name + "_224_" + interp)) <= 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fruits", "left01"})
    void warpMatchesOpenCvPython(String name) {
        Image src = golden(name + "_src256");
        // the manifest's M: getRotationMatrix2D(((W-1)/2, (H-1)/2), 15, 1.1), then translate (5, -3),
        // on OpenCV's integer grid; in continuous coordinates the centre is (W/2, H/2)
        Affine m = Affine.scaling(1.1, 1.1).then(Affine.rotation(Math.toRadians(-15)))
                .about(src.width() / 2.0, src.height() / 2.0).then(Affine.translation(5, -3));
        Image out = ImageOps.warpAffine(src, m, src.width(), src.height(), Interpolation.BILINEAR, BorderMode.CONSTANT, 0);
        assertTrue(GoldenNpy.maxAbsDiff(out, golden(name + "_warp")) <= 1, "max diff " + GoldenNpy.maxAbsDiff(out, golden(name + "_warp")));
    }

    @org.junit.jupiter.api.Test
    void integerGridMatrixEqualsManifestMatrix() {
        Affine m = Affine.scaling(1.1, 1.1).then(Affine.rotation(Math.toRadians(-15)))
                .about(128, 120).then(Affine.translation(5, -3)).toIntegerGrid();
        double[] expected = {1.0625184089179753, 0.2847009496127728, -36.9928606157682,
                -0.2847009496127728, 1.0625184089179753, 25.828421209930482};
        double[] got = m.toArray();
        for (int i = 0; i < 6; i++) assertEquals(expected[i], got[i], 1e-12);
    }

    @org.junit.jupiter.api.Test
    void flipsMatchOpenCvPythonExactly() {
        Image src = golden("fruits_src256");
        assertEquals(golden("fruits_hflip"), ImageOps.horizontalFlip(src));
        assertEquals(golden("fruits_vflip"), ImageOps.verticalFlip(src));
        // the same flips as a warp of the course's matrix are exact too
        Image warped = ImageOps.warpAffine(src, Affine.horizontalFlip(src.width()), src.width(), src.height(),
                Interpolation.BILINEAR, BorderMode.CONSTANT, 0);
        assertEquals(golden("fruits_hflip"), warped);
    }
}
