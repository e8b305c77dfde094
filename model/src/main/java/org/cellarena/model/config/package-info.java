/**
 * JSON training configurations, mmdet style, with {@code --set} overrides, built into the typed configuration
 * (model, data, the SGD schedule, seed) that training and prediction both read.
 */
package org.cellarena.model.config;
