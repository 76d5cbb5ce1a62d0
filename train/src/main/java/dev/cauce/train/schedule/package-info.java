/**
 * Learning-rate schedules: pure functions from the 0-based update index t to the rate used by that
 * update (PyTorch's protocol: read the rate, step the optimizer, step the scheduler). Each is a
 * record implementing {@link dev.cauce.train.Schedule} in closed form, so a resumed run asks for
 * {@code rate(t)} and gets the same number without replaying history. PyTorch's schedulers use
 * recursive (chainable) forms, which differ from these closed forms by at most ~4e-17.
 */
package dev.cauce.train.schedule;
