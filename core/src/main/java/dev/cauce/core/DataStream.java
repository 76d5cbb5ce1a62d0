package dev.cauce.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A pull-based, bounded pipeline in the style of tf.data:
 * {@code DataStream.from(source).map(t).parallel(n).shuffle(buffer).batch(size, collate).prefetch(k)}.
 *
 * <p>A stream is an immutable recipe; {@link #open(long, int)} runs one pass (an epoch) and returns a
 * {@link Cursor}. Every stage holds a bounded number of elements (the map window, the shuffle buffer,
 * one batch, the prefetch queue), so memory does not grow with the data set.
 *
 * <p><b>Determinism.</b> Random transforms get {@code Rng.of(seed, epoch, sample.index, op)}, where
 * {@code op} is the position of the transform among the stream's {@link #map(Transform) maps}; the
 * shuffle draws from its own keyed stream. Parallel maps keep the input order. The output of a pass
 * therefore depends only on (data, recipe, seed, epoch), never on thread count or timing.
 */
public abstract class DataStream<E> {

    /** One pass: the seed of the run, the epoch, and where skipped samples are reported. */
    public record Pass(long seed, int epoch, ErrorPolicy policy, ErrorReport report) { }

    /** The number of random-transform stages before (and including) this one. */
    final int ops;

    DataStream(int ops) {
        this.ops = ops;
    }

    /** Runs one pass. */
    protected abstract Cursor<E> open(Pass pass);

    /** Runs one pass that stops at the first failing sample. */
    public final Cursor<E> open(long seed, int epoch) {
        return open(new Pass(seed, epoch, ErrorPolicy.FAIL, new ErrorReport()));
    }

    /** Runs one pass under {@code policy}; skipped samples are added to {@code report}. */
    public final Cursor<E> open(long seed, int epoch, ErrorPolicy policy, ErrorReport report) {
        return open(new Pass(seed, epoch, policy, report));
    }

    // ---------------------------------------------------------------- sources

    /** A source of samples opened once per pass. */
    @FunctionalInterface
    public interface Source<E> {
        Cursor<E> open();
    }

    public static <E> DataStream<E> from(Source<E> source) {
        return new DataStream<>(0) {
            @Override protected Cursor<E> open(Pass pass) { return source.open(); }
        };
    }

    /** A stream over an in-memory list (the list itself is not copied). */
    public static <E> DataStream<E> of(List<E> items) {
        return from(() -> Cursor.of(items.iterator()));
    }

    // ---------------------------------------------------------------- stages

    /**
     * Applies a random or deterministic transform to each sample's value. The transform draws from
     * {@code Rng.of(seed, epoch, sample.index(), op)}. A failure becomes a {@link SampleException}
     * naming the sample's source; under {@link ErrorPolicy#SKIP} the sample is dropped and reported.
     * The elements of this stream must be {@link Sample}s.
     */
    public <I, O> DataStream<Sample<O>> map(Transform<I, O> t) {
        Objects.requireNonNull(t, "transform");
        int op = ops;
        Stage<E, Sample<O>> stage = (e, pass) -> {
            @SuppressWarnings("unchecked")
            Sample<I> s = (Sample<I>) asSample(e);
            Rng rng = Rng.of(pass.seed(), pass.epoch(), s.index(), op);
            return s.withValue(t.apply(s.value(), rng));
        };
        return new MapStream<>(this, stage, 1, ops + 1);
    }

    /** Applies a deterministic function to each element (sample or not). */
    public <R> DataStream<R> mapElements(Function<? super E, ? extends R> f) {
        Objects.requireNonNull(f, "function");
        return new MapStream<>(this, (e, pass) -> f.apply(e), 1, ops);
    }

    /** Runs the preceding map on {@code threads} threads, keeping the input order. */
    public DataStream<E> parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("parallel: threads must be at least 1, got " + threads);
        if (!(this instanceof MapStream<?, E> m)) {
            throw new IllegalStateException("parallel(n) applies to the map just before it; call map(...) first");
        }
        return m.withThreads(threads);
    }

    /**
     * Shuffles through a buffer of {@code bufferSize} elements (a uniform shuffle when the buffer
     * holds the whole data set). The draws come from the pass's seed and epoch only.
     */
    public DataStream<E> shuffle(int bufferSize) {
        if (bufferSize < 1) throw new IllegalArgumentException("shuffle: bufferSize must be at least 1, got " + bufferSize);
        int op = ops;
        return derive(ops + 1, (in, pass) -> {
            Rng rng = Rng.of(pass.seed(), pass.epoch(), -1, op);
            List<E> buf = new ArrayList<>(Math.min(bufferSize, 1 << 16));
            return new Lookahead<>(in) {
                @Override protected E fetch() {
                    while (buf.size() < bufferSize && in.hasNext()) buf.add(in.next());
                    if (buf.isEmpty()) return null;
                    int j = rng.nextInt(buf.size());
                    E chosen = buf.get(j);
                    buf.set(j, buf.getLast());
                    buf.removeLast();
                    return chosen;
                }
            };
        });
    }

    /** Groups consecutive elements into lists of {@code size} (the last may be smaller) and collates them. */
    public <R> DataStream<R> batch(int size, Function<List<E>, R> collate) {
        return batch(size, false, collate);
    }

    /** As {@link #batch(int, Function)}; with {@code dropRemainder} a final short batch is dropped. */
    public <R> DataStream<R> batch(int size, boolean dropRemainder, Function<List<E>, R> collate) {
        if (size < 1) throw new IllegalArgumentException("batch: size must be at least 1, got " + size);
        return derive(ops, (in, pass) -> new Lookahead<>(in) {
            @Override protected R fetch() {
                List<E> items = new ArrayList<>(size);
                while (items.size() < size && in.hasNext()) items.add(in.next());
                if (items.isEmpty() || (dropRemainder && items.size() < size)) return null;
                return collate.apply(items);
            }
        });
    }

    /** Keeps every n-th element starting at {@code index}: worker {@code index} of {@code count}. */
    public DataStream<E> shard(int index, int count) {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard: need 0 <= index < count, got index " + index + ", count " + count);
        }
        return derive(ops, (in, pass) -> new Lookahead<>(in) {
            long position;
            @Override protected E fetch() {
                while (in.hasNext()) {
                    E e = in.next();
                    if (position++ % count == index) return e;
                }
                return null;
            }
        });
    }

    /** The first {@code n} elements. */
    public DataStream<E> take(long n) {
        return derive(ops, (in, pass) -> new Lookahead<>(in) {
            long taken;
            @Override protected E fetch() {
                if (taken >= n || !in.hasNext()) return null;
                taken++;
                return in.next();
            }
        });
    }

    /**
     * Prepares up to {@code depth} elements ahead on a background thread, so the consumer (the
     * trainer) does not wait while the upstream decodes and transforms.
     */
    public DataStream<E> prefetch(int depth) {
        if (depth < 1) throw new IllegalArgumentException("prefetch: depth must be at least 1, got " + depth);
        DataStream<E> up = this;
        return new DataStream<>(ops) {
            @Override protected Cursor<E> open(Pass pass) { return new PrefetchCursor<>(up, pass, depth); }
        };
    }

    /** Pulls every element of one pass into a list (for small streams and tests). */
    public List<E> toList(long seed, int epoch) {
        List<E> out = new ArrayList<>();
        try (Cursor<E> c = open(seed, epoch)) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    // ---------------------------------------------------------------- internals

    /** A stage that wraps the upstream cursor of each pass. */
    private <R> DataStream<R> derive(int newOps, java.util.function.BiFunction<Cursor<E>, Pass, Cursor<R>> wrap) {
        DataStream<E> up = this;
        return new DataStream<>(newOps) {
            @Override protected Cursor<R> open(Pass pass) { return wrap.apply(up.open(pass), pass); }
        };
    }

    /**
     * A cursor that computes its next element on demand: {@link #fetch()} returns it, or null at the
     * end (stream elements are never null). Closing it closes the upstream cursor.
     */
    abstract static class Lookahead<R> implements Cursor<R> {
        private final Cursor<?> upstream;
        private R pending;

        Lookahead(Cursor<?> upstream) {
            this.upstream = upstream;
        }

        /** The next element, or null when there is none. */
        protected abstract R fetch();

        @Override public final boolean hasNext() {
            if (pending == null) pending = fetch();
            return pending != null;
        }

        @Override public final R next() {
            if (!hasNext()) throw new NoSuchElementException();
            R r = pending;
            pending = null;
            return r;
        }

        @Override public void close() {
            upstream.close();
        }
    }

    static Sample<?> asSample(Object e) {
        if (e instanceof Sample<?> s) return s;
        throw new IllegalStateException("map(Transform) needs a stream of Sample, got " + (e == null ? "null" : e.getClass().getName())
                + "; use mapElements for other elements");
    }

    @FunctionalInterface
    interface Stage<A, B> {
        B apply(A a, Pass pass);
    }

    /** A map stage, sequential or order-preserving parallel over a bounded window. */
    static final class MapStream<A, B> extends DataStream<B> {
        private final DataStream<A> up;
        private final Stage<A, B> stage;
        private final int threads;

        MapStream(DataStream<A> up, Stage<A, B> stage, int threads, int ops) {
            super(ops);
            this.up = up;
            this.stage = stage;
            this.threads = threads;
        }

        MapStream<A, B> withThreads(int n) {
            return new MapStream<>(up, stage, n, ops);
        }

        /** Applies the stage; returns null when the element was skipped under the SKIP policy. */
        private B applyOne(A a, Pass pass) {
            try {
                return stage.apply(a, pass);
            } catch (RuntimeException ex) {
                return skipOrThrow(failure(a, ex), pass);
            }
        }

        private SampleException failure(A a, RuntimeException ex) {
            String source = a instanceof Sample<?> s ? s.source() : String.valueOf(a);
            return ex instanceof SampleException x ? x
                    : new SampleException(source, ex.getMessage() == null ? ex.toString() : ex.getMessage(), ex);
        }

        private B skipOrThrow(SampleException se, Pass pass) {
            if (pass.policy() == ErrorPolicy.SKIP) {
                pass.report().add(se.source(), se.problem());
                return null;
            }
            throw se;
        }

        @Override
        protected Cursor<B> open(Pass pass) {
            Cursor<A> in = up.open(pass);
            return threads == 1 ? new SequentialCursor(in, pass) : new ParallelCursor(in, pass);
        }

        /** Applies the stage element by element; skipped elements (null) are passed over. */
        private final class SequentialCursor extends Lookahead<B> {
            private final Cursor<A> in;
            private final Pass pass;

            SequentialCursor(Cursor<A> in, Pass pass) {
                super(in);
                this.in = in;
                this.pass = pass;
            }

            @Override protected B fetch() {
                while (in.hasNext()) {
                    B b = applyOne(in.next(), pass);
                    if (b != null) return b;
                }
                return null;
            }
        }

        /**
         * Keeps up to 2 x threads tasks in flight and hands results back in submission order. A
         * worker only catches its failure; the consumer skips or throws it in turn, so the skip
         * report lists failures in input order whatever the threads' timing.
         */
        private final class ParallelCursor extends Lookahead<B> {
            private final Cursor<A> in;
            private final Pass pass;
            private final ExecutorService pool;
            private final ArrayDeque<Future<Object>> window = new ArrayDeque<>();

            /** A worker's failed element, skipped or thrown by the consumer when its turn comes. */
            private record Failed(SampleException error) { }

            ParallelCursor(Cursor<A> in, Pass pass) {
                super(in);
                this.in = in;
                this.pass = pass;
                this.pool = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "cauce-map");
                    t.setDaemon(true);
                    return t;
                });
            }

            @Override protected B fetch() {
                while (true) {
                    while (window.size() < 2 * threads && in.hasNext()) {
                        A a = in.next();
                        window.add(pool.submit(() -> {
                            try {
                                return stage.apply(a, pass);
                            } catch (RuntimeException ex) {
                                return new Failed(failure(a, ex));
                            }
                        }));
                    }
                    if (window.isEmpty()) return null;
                    Object r = await(window.poll());
                    @SuppressWarnings("unchecked")
                    B b = r instanceof Failed(SampleException se) ? skipOrThrow(se, pass) : (B) r;
                    if (b != null) return b;
                }
            }

            @Override public void close() {
                pool.shutdownNow();
                super.close();
            }
        }
    }

    static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a sample", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Background producer over a bounded queue; errors surface on the consumer side in order. An
     * {@link Error} in the producer (e.g. {@link OutOfMemoryError} while collating a batch) is handed
     * over too: the producer thread would otherwise die and leave the consumer waiting forever.
     */
    static final class PrefetchCursor<E> implements Cursor<E> {
        private static final Object END = new Object();
        private record Failure(Throwable error) { }

        private final BlockingQueue<Object> queue;
        private final Thread producer;
        private Object pending;
        private boolean done;

        PrefetchCursor(DataStream<E> up, Pass pass, int depth) {
            queue = new ArrayBlockingQueue<>(depth + 1);
            producer = Thread.ofPlatform().daemon().name("cauce-prefetch").unstarted(() -> {
                try (Cursor<E> in = up.open(pass)) {
                    while (in.hasNext()) queue.put(in.next());
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    try {
                        queue.put(new Failure(e));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            producer.start();
        }

        @Override public boolean hasNext() {
            if (done) return false;
            if (pending == null) {
                try {
                    pending = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the next element", e);
                }
            }
            if (pending == END) {
                done = true;
                return false;
            }
            if (pending instanceof Failure(Throwable error)) {
                done = true;
                if (error instanceof Error e) throw e;
                throw (RuntimeException) error;
            }
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E next() {
            if (!hasNext()) throw new NoSuchElementException();
            E e = (E) pending;
            pending = null;
            return e;
        }

        @Override public void close() {
            producer.interrupt();
        }
    }
}
