/** The generated project: the files every flavor shares, and writing them all at once (a temporary folder, then a move). */
package dev.strangler.extraction.project;
