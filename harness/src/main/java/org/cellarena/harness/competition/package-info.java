/**
 * Competition folders, the form {@code ./cellarena serve} loads: {@code competition.json}, {@code solution.csv}
 * (the held-out images' masks in the train.csv layout with a seeded, stratified {@code Usage} column),
 * {@code test/} (the held-out images), {@code sample_submission.csv}; and, in {@code participant/}, the bundle
 * handed to teams (train.csv and images of train+val, the test images, the sample submission).
 */
package org.cellarena.harness.competition;
