/** What long engine work shares at run time, below every model part: the clean stop on a signal. */
package org.cellarena.model.runtime;
