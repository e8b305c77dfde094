/** The model's picocli commands ({@code train}, {@code predict}), registered in the harness launcher. */
package org.cellarena.model.cli;
