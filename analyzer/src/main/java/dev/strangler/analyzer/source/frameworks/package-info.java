/** Entry-point readers, one per framework: annotations, descriptors and views that declare routes and services. */
package dev.strangler.analyzer.source.frameworks;
