/** The generated example competition shipped under {@code examples/}, and the test that keeps it in step. */
package org.cellarena.web.example;
