/**
 * The scan cache kept under the output folder: its files (the whole model, and each Java file's facts as bytes the
 * scanner encodes), their keys and the codec of the scanned model.
 */
package dev.strangler.analyzer.cache;
