/**
 * Accepting an upload: {@link org.cellarena.web.intake.SubmissionIntake} checks the rules (deadline, reveal, daily
 * limits), stores the file, commits the row and queues it.
 */
package org.cellarena.web.intake;
