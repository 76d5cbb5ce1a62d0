package dev.cauce.pipeline;

import dev.cauce.core.Tensor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Parquet shards, written with parquet-java (the library Spark, pyarrow's peers and most engines
 * share) but without Hadoop: pages are compressed by {@link ParquetCodecs} and the file goes to a
 * plain {@link OutputStream} (the caller's temporary file, renamed when complete). One row per
 * sample:
 * <pre>
 * message cauce_shard {
 *   required binary key (STRING);                  -- the input's name relative to the source
 *   required int32 label;                          -- class index (only when the run has labels)
 *   required group x (LIST) {                      -- the tensor, flattened in row-major (C) order
 *     repeated group list { required float element; } }
 *   required group x_shape (LIST) {                -- its shape, e.g. [1, 28, 28]
 *     repeated group list { required int32 element; } }
 * }
 * </pre>
 * Standard three-level lists, so pandas, pyarrow, Spark and DuckDB read the columns as arrays with no
 * custom code; {@code x_shape} rather than {@code shape} because a pandas column named {@code shape}
 * hides behind {@code DataFrame.shape}. The output is deterministic: same rows, same bytes, in any
 * JVM (see the writer version below).
 */
final class ParquetShards {
    static final String KEY = "key";
    static final String LABEL = "label";
    static final String X = "x";
    static final String SHAPE = "x_shape";

    private ParquetShards() { }

    /** The schema of a shard, with or without the label column. */
    static MessageType schema(boolean withLabels) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(KEY);
        if (withLabels) b.required(PrimitiveTypeName.INT32).named(LABEL);
        b.requiredList().requiredElement(PrimitiveTypeName.FLOAT).named(X);
        b.requiredList().requiredElement(PrimitiveTypeName.INT32).named(SHAPE);
        return b.named("cauce_shard");
    }

    /** One sample of a shard; {@code label} is ignored when the shard has no label column. */
    record Row(String key, int label, Tensor x) { }

    /** Writes the rows as one Parquet file to {@code out} (which the caller closes). */
    static void write(OutputStream out, List<Row> rows, boolean withLabels, CompressionCodecName codec) throws IOException {
        try (ParquetWriter<Row> w = new Builder(new StreamFile(out), schema(withLabels))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(codec)
                // Keys are unique and tensors are floats: a dictionary would only be tried and dropped.
                .withDictionaryEncoding(false)
                // Data pages v2, for the same bytes in every JVM: with v1 pages a column chunk lists
                // two encodings (the values' and the levels'), which parquet-java keeps in a HashSet
                // of enum constants, whose iteration order follows identity hash codes and so
                // changes from one JVM to the next. V2 pages record only the values' encoding, one
                // per column here (PLAIN floats, DELTA_BINARY_PACKED ints, DELTA_BYTE_ARRAY keys).
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .build()) {
            for (Row r : rows) w.write(r);
        }
    }

    /** Turns a row into the record events of the schema. */
    private static final class RowWriter extends WriteSupport<Row> {
        private final MessageType schema;
        private RecordConsumer rc;

        RowWriter(MessageType schema) {
            this.schema = schema;
        }

        @Override
        public WriteContext init(ParquetConfiguration conf) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration conf) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public String getName() {
            return "cauce";
        }

        @Override
        public void prepareForWrite(RecordConsumer consumer) {
            this.rc = consumer;
        }

        @Override
        public void write(Row r) {
            int field = 0;
            rc.startMessage();
            rc.startField(KEY, field);
            rc.addBinary(Binary.fromString(r.key()));
            rc.endField(KEY, field++);
            if (schema.containsField(LABEL)) {
                rc.startField(LABEL, field);
                rc.addInteger(r.label());
                rc.endField(LABEL, field++);
            }
            float[] data = r.x().data();
            startList(X, field);
            for (float v : data) {
                startElement();
                rc.addFloat(v);
                endElement();
            }
            endList(X, field++);
            startList(SHAPE, field);
            for (int d : r.x().shape()) {
                startElement();
                rc.addInteger(d);
                endElement();
            }
            endList(SHAPE, field);
            rc.endMessage();
        }

        private void startList(String name, int index) {
            rc.startField(name, index);
            rc.startGroup();
            rc.startField("list", 0);
        }

        private void endList(String name, int index) {
            rc.endField("list", 0);
            rc.endGroup();
            rc.endField(name, index);
        }

        private void startElement() {
            rc.startGroup();
            rc.startField("element", 0);
        }

        private void endElement() {
            rc.endField("element", 0);
            rc.endGroup();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final MessageType schema;

        Builder(OutputFile file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriter(schema);
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new RowWriter(schema);
        }
    }

    /** A Parquet output file over a stream the caller owns (closing it only flushes). */
    private record StreamFile(OutputStream out) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
