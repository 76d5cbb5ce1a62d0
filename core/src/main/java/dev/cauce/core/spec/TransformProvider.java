package dev.cauce.core.spec;

import java.util.List;

/**
 * A module's list of its transforms, found with {@link java.util.ServiceLoader}: each module that
 * defines transforms names its provider in
 * {@code META-INF/services/dev.cauce.core.spec.TransformProvider}, so a pipeline spec can use any
 * transform on the class path without a central list.
 */
public interface TransformProvider {
    List<TransformFactory> transforms();
}
