/**
 * The least-privilege IAM policy the gateway needs: {@code lambda:InvokeFunction} on exactly the functions and
 * qualifiers a route table names, ARNs completed from an account scope; plain Java, no Spring, no files.
 */
package dev.strangler.gateway.iam;
