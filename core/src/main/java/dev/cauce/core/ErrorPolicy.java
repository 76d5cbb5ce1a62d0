package dev.cauce.core;

/** What a stream does when a sample fails: stop at the first failure, or skip it and report it. */
public enum ErrorPolicy {
    FAIL,
    SKIP
}
