/** Benchmarks of the scoring engine on a generated Sartorius-sized workload. */
package org.cellarena.harness.bench;
