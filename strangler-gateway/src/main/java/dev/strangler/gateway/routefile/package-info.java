/** The route file on disk: reading it with line-accurate errors, writing it atomically, the audit log and the live table. */
package dev.strangler.gateway.routefile;
