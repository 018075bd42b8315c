/** The public face of lambda-local: start and stop the service, deploy and undeploy functions from code. */
package dev.strangler.lambdalocal;
