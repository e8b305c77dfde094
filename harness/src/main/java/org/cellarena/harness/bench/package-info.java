/** Benchmarks: the scoring engine on a generated Sartorius-sized workload, import-coco on a LIVECell-sized file. */
package org.cellarena.harness.bench;
