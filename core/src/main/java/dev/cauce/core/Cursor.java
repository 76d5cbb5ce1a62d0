package dev.cauce.core;

import java.util.Iterator;

/** An iterator over one pass of a {@link DataStream} that must be closed (it may own threads). */
public interface Cursor<E> extends Iterator<E>, AutoCloseable {
    @Override
    void close();

    static <E> Cursor<E> of(Iterator<E> it) {
        return new Cursor<>() {
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public E next() { return it.next(); }
            @Override public void close() { }
        };
    }
}
