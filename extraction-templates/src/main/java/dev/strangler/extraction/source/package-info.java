/** Reads the monolith's sources and build with JavaParser and decides what moves, what is copied and what is adapted. */
package dev.strangler.extraction.source;
