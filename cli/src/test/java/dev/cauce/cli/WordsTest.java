package dev.cauce.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordsTest {
    @Test
    void pluralUnlessTheCountIsOne() {
        assertEquals("1 epoch", Words.count(1, "epoch"));
        assertEquals("2 epochs", Words.count(2, "epoch"));
        assertEquals("0 threads", Words.count(0, "thread"));
    }
}
