/**
 * The parts of {@code ./cellarena demo} that need neither the server nor the model:
 * {@link org.cellarena.harness.demo.DemoPreparation} makes (once, then reuses) a generated dataset, its split,
 * the competition {@code demo} (in {@code DATA_DIR/competitions/demo}, where the server looks), the model
 * competition {@code demo-model} on the same held-out images, and the classical baseline's submission. The command itself starts the server, makes a team, submits and trains.
 */
package org.cellarena.harness.demo;
