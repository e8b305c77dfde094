/**
 * What the commands share at run time, below every model part: the clean stop on a signal, the engine's CPU
 * threads, information and logging, and the console's progress bar and figures.
 */
package org.cellarena.model.runtime;
