/** Invoking Lambda functions through the AWS SDK v2 and mapping HTTP requests and responses to and from API Gateway events; no Spring. */
package dev.strangler.gateway.lambda;
