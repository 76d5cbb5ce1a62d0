/**
 * Ensembles: average the class probabilities of K models (for example trained from different
 * seeds) behind the small {@link dev.cauce.train.ensemble.Predictor} interface.
 */
package dev.cauce.train.ensemble;
