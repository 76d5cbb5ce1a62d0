package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitWarmupTest {
    @Test
    void trainsTheThrowawayModelForTheGivenSteps() {
        // run on this thread: it really trains (the loss on its four fixed batches falls) and counts steps
        JitWarmup w = JitWarmup.unstarted();
        double[] losses = w.run(40);
        assertEquals(40, w.steps());
        assertEquals(10, losses.length, "40 steps over 4 batches are 10 epochs");
        assertTrue(losses[9] < losses[0], "loss should fall: first " + losses[0] + ", last " + losses[9]);
    }

    @Test
    void closeStopsTheThreadWithoutWaiting() throws InterruptedException {
        JitWarmup w = JitWarmup.start();
        Thread t = w.thread();
        assertNotNull(t);
        assertTrue(t.isDaemon(), "must never keep the JVM alive");
        w.close();
        t.join(30_000);
        assertFalse(t.isAlive(), "the warm-up should stop after its current step once closed");
        assertTrue(w.steps() < JitWarmup.MAX_STEPS, "stopped by close, not by its step limit: " + w.steps());
    }
}
