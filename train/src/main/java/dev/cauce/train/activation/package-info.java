/**
 * Activation functions and their derivatives, checked against PyTorch on 50 points (values and
 * derivatives, float32 and float64) and by finite differences: the elementwise
 * {@link dev.cauce.train.activation.Activation} family and the row-wise
 * {@link dev.cauce.train.activation.Softmax}. Pure math: the layers that cache inputs and call these
 * live in {@code dev.cauce.train.layer}.
 */
package dev.cauce.train.activation;
