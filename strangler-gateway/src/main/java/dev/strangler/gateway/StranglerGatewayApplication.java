package dev.strangler.gateway;

import dev.strangler.gateway.cli.GatewayArguments;
import dev.strangler.gateway.drain.TerminationSignal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the strangler gateway; {@code --help} lists the options. */
@SpringBootApplication
public class StranglerGatewayApplication {

    /** Runs the gateway with options in the launcher's style ({@code --routes FILE}) or Spring's ({@code --a.b=c}). */
    public static void main(String[] args) {
        GatewayArguments arguments;
        try {
            arguments = GatewayArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("strangler gateway: " + e.getMessage());
            System.err.println(GatewayArguments.USAGE);
            System.exit(2);
            return;
        }
        if (arguments.isHelp()) {
            System.out.println(GatewayArguments.USAGE);
            return;
        }
        TerminationSignal.exitZeroOnTerm(); // Spring Boot's shutdown hook drains, then the JVM exits 0
        SpringApplication.run(StranglerGatewayApplication.class, arguments.springArguments().toArray(String[]::new));
    }
}
