/**
 * The server benchmark of issue 3 (run it with {@code web/bench.sh}): a generated Sartorius-sized competition,
 * upload-to-scored latency, leaderboard latency under load while submissions score, concurrent uploads.
 */
package org.cellarena.web.bench;
