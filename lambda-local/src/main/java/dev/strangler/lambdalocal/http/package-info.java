/**
 * The HTTP side: the Invoke API the AWS SDK calls and the Runtime API the runtime interface client calls, on a Netty
 * server; no Netty type leaves this package.
 */
package dev.strangler.lambdalocal.http;
