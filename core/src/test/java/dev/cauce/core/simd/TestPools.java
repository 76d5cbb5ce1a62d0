package dev.cauce.core.simd;

/**
 * Pools of 1, 2 and 3 threads shared by the kernel tests, which check that results do not depend
 * on the thread count. Their workers are daemon threads, so the pools need no closing.
 */
final class TestPools {
    static final ComputePool ONE = ComputePool.single();
    static final ComputePool TWO = new ComputePool(2);
    static final ComputePool THREE = new ComputePool(3);

    private TestPools() {
    }
}
