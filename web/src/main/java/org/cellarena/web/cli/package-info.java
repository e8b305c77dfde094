/**
 * The server's commands for the {@code cellarena} launcher: {@code serve} and {@code team add}. Bad input ends
 * in one line on standard error and exit code 2, never a stack trace.
 */
package org.cellarena.web.cli;
