/**
 * The scoring queue: a bounded pool of worker threads, off the event loop, that takes queued submissions in order,
 * scores them with the scoring module and stores the result, or the participant-visible reason it failed.
 */
package org.cellarena.web.scoring;
