/** The shared route store on PostgreSQL: schema, versioned route rows, audit table, change notices; JDBC, no Spring. */
package dev.strangler.gateway.routedb;
