/** The harness: the {@code cellarena} command line and what hosts need around the server and the model. */
package org.cellarena.harness;
