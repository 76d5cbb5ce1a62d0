package dev.cauce.pipeline;

import java.io.Serializable;

/**
 * One input of a run: its position in the sorted input list (the sample index that keys its
 * randomness and decides its shard), its stable name and its label.
 *
 * @param index   position in the list sorted by {@code id}
 * @param id      the name relative to the source: {@code cats/001.jpg}, or {@code a.tar/cats/001.jpg}
 * @param label   class index into the run's class list, or -1 when the run has no labels
 * @param problem why this input cannot be used before reading it (e.g. no label in the CSV), or null
 */
public record InputRef(long index, String id, int label, String problem) implements Serializable { }
