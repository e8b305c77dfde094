/**
 * Model archives, the submission of a {@code model} competition (web/docs/model-competitions.md): pack a work dir,
 * a {@code .params} file or a whole mmdet state dict with its config into a zip of plain files, and check an
 * unpacked one before it is queued (config, every tensor and its shape), with the one sentence a team reads.
 */
package org.cellarena.model.archive;
