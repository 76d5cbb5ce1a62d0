/**
 * Feature scalers as fitted estimators, with scikit-learn's fit/transform contract:
 * {@link dev.cauce.core.scale.MinMaxScaler}, {@link dev.cauce.core.scale.StandardScaler} and
 * {@link dev.cauce.core.scale.UnitNormScaler}.
 *
 * <p>A fit is one streaming pass over samples (each tensor flattened to a feature vector) into a
 * mergeable {@link dev.cauce.core.scale.FeatureState}, accumulated in double; partial states of
 * partitions merge (Chan et al.) to the one-pass result, so a fit can be spread over threads or
 * Spark tasks. The fitted scaler is an immutable {@link dev.cauce.core.Transform} whose
 * {@code spec()} carries every fitted statistic; {@link dev.cauce.core.scale.Scaler#save} writes
 * that spec as JSON and {@link dev.cauce.core.scale.Scaler#load} restores it bit for bit.
 *
 * <p>Edge cases: a constant feature maps to 0, never NaN (see each class for how this relates to
 * scikit-learn); a zero-norm sample stays zero; NaN or infinite input is an error naming the
 * sample and the feature index.
 */
package dev.cauce.core.scale;
