/**
 * The harness: the {@code cellarena} command line and what hosts need around the server and the model.
 *
 * <p>Arrows point down, never back: {@code cli} (the commands) uses everything below; {@code demo} prepares the
 * demo from the tasks; the tasks ({@code baseline}, {@code bench}, {@code competition}, {@code demodata},
 * {@code inference}) use
 * {@code split} and {@code dataset}; {@code split} uses {@code dataset}. Only {@code cli} knows picocli.
 * {@code ArchitectureTest} checks it.
 */
package org.cellarena.harness;
