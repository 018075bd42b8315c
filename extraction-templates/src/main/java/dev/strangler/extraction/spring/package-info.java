/** The spring flavor: the moved controllers, services and repositories run unchanged inside AWS's serverless Java container. */
package dev.strangler.extraction.spring;
