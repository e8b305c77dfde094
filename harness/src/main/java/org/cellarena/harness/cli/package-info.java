/** The picocli commands of {@code ./cellarena}; each command is a small class that parses options and delegates. */
package org.cellarena.harness.cli;
