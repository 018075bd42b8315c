/** The scan cache kept under the output folder: its file format, its keys and the codec of the scanned model. */
package dev.strangler.analyzer.cache;
