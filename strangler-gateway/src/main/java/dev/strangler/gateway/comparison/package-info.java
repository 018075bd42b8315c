/** Comparison of two HTTP answer bodies (JSON structurally, others by bytes) and learning of the monolith's own noise; plain Java and Jackson. */
package dev.strangler.gateway.comparison;
