/**
 * The HTTP side: the Invoke API the AWS SDK calls and the Runtime API the runtime interface client calls, on the
 * JDK's built-in HTTP server.
 */
package dev.strangler.lambdalocal.http;
