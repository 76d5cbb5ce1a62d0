package dev.cauce.core.simd;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import jdk.incubator.vector.FloatVector;

/**
 * Start-up self-check of the Vector API. When the JIT cannot intrinsify it (no C2 compiler, an
 * interpreter-only VM, or a preferred species of one lane), the kernels still give correct results
 * but silently run many times slower; this check turns that into a one-line warning.
 *
 * <p>It inspects the VM (cheap, no timing loop, well under 50 ms) rather than timing a kernel:
 * a timing taken before the JIT has compiled anything would compare two interpreted loops.
 */
public final class VectorSupport {
    private VectorSupport() {
    }

    /** Lanes of {@link FloatVector#SPECIES_PREFERRED} (8 with AVX2, 16 with AVX-512). */
    public static int floatLanes() {
        return FloatVector.SPECIES_PREFERRED.length();
    }

    /** A warning when the Vector API is likely not intrinsified, empty when all looks right. */
    public static Optional<String> check() {
        int lanes = floatLanes();
        if (lanes < 4) {
            return Optional.of("warning: the Vector API offers only " + lanes + " float lane(s) on this CPU/JVM;"
                    + " SIMD kernels will run at scalar speed or slower");
        }
        String vmInfo = System.getProperty("java.vm.info", "");
        if (vmInfo.contains("interpreted")) {
            return Optional.of("warning: the JVM runs in interpreted mode (-Xint); Vector API kernels will be very slow");
        }
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String a : args) {
            if (a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4")) {
                return Optional.of("warning: " + a + " disables the C2 compiler; Vector API kernels will not be"
                        + " intrinsified and run many times slower");
            }
            if (a.equals("-XX:-UseCompiler") || a.equals("-XX:-EnableVectorSupport")) {
                return Optional.of("warning: " + a + " is set; Vector API kernels will not be intrinsified");
            }
        }
        return Optional.empty();
    }
}
