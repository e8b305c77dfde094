/**
 * The classical baseline, the leaderboard's reference row: segmentation without learning (OpenCV: background
 * flattening, a local-contrast threshold, hole filling, distance-transform watershed, small-object removal) that
 * writes a valid submission (one mask per found cell, no two overlapping).
 */
package org.cellarena.harness.baseline;
