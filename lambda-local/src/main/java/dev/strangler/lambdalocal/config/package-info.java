/** Reading the YAML functions file into {@link dev.strangler.lambdalocal.execution.FunctionConfig}s. */
package dev.strangler.lambdalocal.config;
