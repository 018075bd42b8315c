package dev.strangler.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code strangler:analyze}: writes the decomposition report of the build's sources under target/strangler. */
@Mojo(name = "analyze", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class AnalyzeMojo extends AnalysisMojo {
    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("strangler: skipped (strangler.skip)");
            return;
        }
        analyze();
    }
}
