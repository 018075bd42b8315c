/** Reading the YAML functions file into {@link dev.strangler.lambdalocal.FunctionConfig}s. */
package dev.strangler.lambdalocal.config;
