/** Configuration properties records and the Spring beans that wire the route store, the Lambda invoker and the routes. */
package dev.strangler.gateway.config;
