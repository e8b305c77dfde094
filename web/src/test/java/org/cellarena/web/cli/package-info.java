/** The serve and team commands, run in-process through picocli. */
package org.cellarena.web.cli;
