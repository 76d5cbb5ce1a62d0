package dev.cauce.preprocess.image;

import java.util.Arrays;

/**
 * Per-channel count, mean, sum of squared deviations (M2), minimum and maximum of pixel values,
 * mergeable: statistics of disjoint image sets combine exactly with Chan et al.'s parallel update,
 * so a folder is fitted in one streaming pass (images in any grouping; merge in a fixed order for
 * bit-identical results). Values are taken after a {@link Image.PixelScale}.
 *
 * <p>Immutable; {@link #plus(Image, Image.PixelScale)} and {@link #merge} return new statistics.
 */
public record ChannelStats(long count, double[] mean, double[] m2, double[] min, double[] max) {

    public ChannelStats {
        int c = mean.length;
        if (m2.length != c || min.length != c || max.length != c) {
            throw new IllegalArgumentException("per-channel arrays differ in length");
        }
        mean = mean.clone();
        m2 = m2.clone();
        min = min.clone();
        max = max.clone();
    }

    /** No data yet, for {@code channels} channels. */
    public static ChannelStats empty(int channels) {
        double[] lo = new double[channels];
        double[] hi = new double[channels];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        return new ChannelStats(0, new double[channels], new double[channels], lo, hi);
    }

    /** Statistics of one image (two passes over its pixels, in double precision). */
    public static ChannelStats of(Image img, Image.PixelScale scale) {
        float[] chw = img.toTensor(scale).data();
        int c = img.channels();
        int plane = img.width() * img.height();
        double[] mean = new double[c], m2 = new double[c], lo = new double[c], hi = new double[c];
        for (int ch = 0; ch < c; ch++) {
            double sum = 0, mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
            for (int i = ch * plane, end = i + plane; i < end; i++) {
                double v = chw[i];
                if (!Double.isFinite(v)) throw new IllegalArgumentException("non-finite pixel value " + v + " in " + img);
                sum += v;
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            double mu = sum / plane, ss = 0;
            for (int i = ch * plane, end = i + plane; i < end; i++) {
                double d = chw[i] - mu;
                ss += d * d;
            }
            mean[ch] = mu;
            m2[ch] = ss;
            lo[ch] = mn;
            hi[ch] = mx;
        }
        return new ChannelStats(plane, mean, m2, lo, hi);
    }

    /** These statistics plus one more image. */
    public ChannelStats plus(Image img, Image.PixelScale scale) {
        return merge(of(img, scale));
    }

    /** Exact combination with statistics of a disjoint set (Chan, Golub and LeVeque 1979). */
    public ChannelStats merge(ChannelStats other) {
        if (other.channels() != channels()) {
            throw new IllegalArgumentException("cannot merge statistics of " + other.channels() + " channels into " + channels()
                    + " (mixing gray and colour images? convert them first)");
        }
        if (other.count == 0) return this;
        if (count == 0) return other;
        long n = count + other.count;
        int c = channels();
        double[] mu = new double[c], ss = new double[c], lo = new double[c], hi = new double[c];
        for (int ch = 0; ch < c; ch++) {
            double delta = other.mean[ch] - mean[ch];
            mu[ch] = mean[ch] + delta * other.count / n;
            ss[ch] = m2[ch] + other.m2[ch] + delta * delta * ((double) count * other.count / n);
            lo[ch] = Math.min(min[ch], other.min[ch]);
            hi[ch] = Math.max(max[ch], other.max[ch]);
        }
        return new ChannelStats(n, mu, ss, lo, hi);
    }

    public int channels() {
        return mean.length;
    }

    /** Population standard deviation per channel (divides by n, like scikit-learn's StandardScaler). */
    public double[] std() {
        double[] s = new double[channels()];
        for (int ch = 0; ch < s.length; ch++) s[ch] = count == 0 ? 0 : Math.sqrt(m2[ch] / count);
        return s;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    @Override
    public double[] m2() {
        return m2.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelStats s && s.count == count && Arrays.equals(s.mean, mean) && Arrays.equals(s.m2, m2)
                && Arrays.equals(s.min, min) && Arrays.equals(s.max, max);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "ChannelStats[n=" + count + ", mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std()) + "]";
    }
}
