/** Sample Lambda handlers, packaged as one deployment jar, that lambda-local's and the gateway's tests deploy. */
package dev.strangler.samples;
