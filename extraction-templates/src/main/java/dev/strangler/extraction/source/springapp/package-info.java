/**
 * A Spring application read from its sources with JavaParser, as the plain flavor needs it: components and how they
 * are injected, JPA entities, repositories, handler methods with their argument bindings, exception advices.
 */
package dev.strangler.extraction.source.springapp;
