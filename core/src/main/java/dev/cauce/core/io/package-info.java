/**
 * Interchange formats: IDX (MNIST), NumPy NPY and NPZ, and safetensors.
 *
 * <p>Readers return an {@link dev.cauce.core.io.NdArray}: dtype, shape and the element bytes in
 * little-endian C order, so float64 and int64 values stay exact ({@code toDoubles()},
 * {@code toLongs()}) while {@code toTensor()} gives Cauce's float32 {@link dev.cauce.core.Tensor}.
 * Labelled data sets (inputs plus class labels, from IDX or NPY files) load as a
 * {@link dev.cauce.core.io.LabelledData}.
 *
 * <p>Every reader error is an {@link java.io.IOException} with a one-line message that starts with
 * the file name and says what is wrong. Every writer goes through
 * {@link dev.cauce.core.io.AtomicFiles}: a temporary file in the target's folder, renamed when
 * complete, so no half-written output is ever visible.
 */
package dev.cauce.core.io;
