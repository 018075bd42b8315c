/**
 * Execution environments: function processes running the real runtime interface client, their pools, invocations
 * and logs; knows nothing of HTTP.
 */
package dev.strangler.lambdalocal.execution;
