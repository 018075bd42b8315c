/** Spring WebFlux filters and handlers: the strangler filter that picks a side per request, tracing, metrics and the admin API. */
package dev.strangler.gateway.web;
