/** The Maven goals: they turn a build's parameters into an analyzer run and a baseline comparison into a verdict. */
package dev.strangler.maven;
