/** The template engine (JMustache): templates from a folder given with --templates, else from the classpath. */
package dev.strangler.extraction.render;
