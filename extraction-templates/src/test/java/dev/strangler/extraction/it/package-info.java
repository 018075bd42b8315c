/** Integration tests: extract, build the generated project with Maven, run it in lambda-local next to the real monolith. */
package dev.strangler.extraction.it;
