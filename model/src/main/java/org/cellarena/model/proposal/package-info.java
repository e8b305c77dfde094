/** The proposal generator: anchors, the RPN head, its training targets and losses, and the proposals it makes. */
package org.cellarena.model.proposal;
