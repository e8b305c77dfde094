/**
 * The Sartorius metric: IoU of run masks decided in integers, per-threshold TP/FP/FN, per-image scores, the
 * error breakdown (missed, spurious, split, merged) and the aggregate report with its bootstrap interval.
 */
package org.cellarena.scoring.metric;
