/** The extraction model (what moves, what is adapted, what is shared) and the seam a flavor implements; JDK only. */
package dev.strangler.extraction.core;
