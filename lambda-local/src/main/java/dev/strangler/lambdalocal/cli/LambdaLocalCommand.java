package dev.strangler.lambdalocal.cli;

import static dev.strangler.lambdalocal.execution.FunctionRegistry.FUNCTION_LOG;

import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import dev.strangler.lambdalocal.config.FunctionsFile;
import dev.strangler.lambdalocal.config.FunctionsFileException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./strangler lambda-local}: serves functions behind the Lambda APIs until stopped.
 *
 * <p>stdout carries only the endpoint, so scripts can capture it; everything else goes to stderr.
 */
@Command(name = "lambda-local", mixinStandardHelpOptions = true, version = "lambda-local 0.1.0",
        description = "Runs Lambda function jars locally behind the Lambda Invoke API, each in JVM processes with the "
                + "real runtime interface client. Prints the endpoint for the SDK's endpointOverride; Ctrl-C stops "
                + "every function process.")
public final class LambdaLocalCommand {
    /** Exit code for bad options or a bad functions file. */
    static final int USAGE = 2;

    @Option(names = "--port", defaultValue = "9001", paramLabel = "PORT",
            description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file of functions (jar paths relative to its folder); see lambda-local/README.md.")
    Path config;

    @Option(names = "--function", paramLabel = "SPEC",
            description = "A function: name=hello,jar=PATH,handler=pkg.Class::method[,timeout=SECONDS][,memory=MB]"
                    + "[,concurrency=N]. Defaults: timeout 3, memory 256, concurrency 10. Repeatable.")
    List<String> functions = new ArrayList<>();

    @Option(names = "--region", defaultValue = LambdaLocal.DEFAULT_REGION, paramLabel = "REGION",
            description = "Region in ARNs and in the functions' AWS_REGION. Default: ${DEFAULT-VALUE}.")
    String region;

    private LambdaLocalCommand() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: the functions' logs on stderr, in short lines.
        System.setProperty("org.slf4j.simpleLogger.log." + FUNCTION_LOG, "debug");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, null));
    }

    /**
     * Parses {@code args}, starts lambda-local with the functions, prints the endpoint and then either serves until
     * the JVM is stopped ({@code whileRunning} null) or runs {@code whileRunning} and stops.
     *
     * @return the exit code: 0 after a clean stop, 2 for bad options or functions
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, Consumer<LambdaLocal> whileRunning) {
        LambdaLocalCommand command = new LambdaLocalCommand();
        CommandLine parser = new CommandLine(command).setOut(out).setErr(err);
        try {
            CommandLine.ParseResult parsed = parser.parseArgs(args);
            Integer helpExitCode = CommandLine.executeHelpRequest(parsed);
            if (helpExitCode != null) {
                return helpExitCode;
            }
        } catch (CommandLine.ParameterException e) {
            err.println("lambda-local: " + e.getMessage());
            err.println("Try './strangler lambda-local --help'.");
            return USAGE;
        }
        List<FunctionConfig> functions;
        try {
            functions = command.functionConfigs();
        } catch (FunctionsFileException e) {
            e.problems().forEach(problem -> err.println("lambda-local: " + problem));
            return USAGE;
        } catch (IllegalArgumentException e) {
            err.println("lambda-local: " + e.getMessage());
            return USAGE;
        }
        if (command.port < 0 || command.port > 65535) {
            err.println("lambda-local: --port must be 0 to 65535, but was " + command.port);
            return USAGE;
        }
        return command.serve(functions, out, err, whileRunning);
    }

    private List<FunctionConfig> functionConfigs() {
        List<FunctionConfig> configs = new ArrayList<>();
        if (config != null) {
            configs.addAll(FunctionsFile.read(config));
        }
        for (String spec : functions) {
            configs.add(FunctionConfig.parse(spec));
        }
        return configs;
    }

    private int serve(List<FunctionConfig> functions, PrintWriter out, PrintWriter err,
                      Consumer<LambdaLocal> whileRunning) {
        LambdaLocal lambda;
        try {
            lambda = LambdaLocal.start(port, region);
        } catch (RuntimeException e) {
            err.println("lambda-local: " + e.getMessage());
            return USAGE;
        }
        try {
            for (FunctionConfig function : functions) {
                lambda.deploy(function);
                err.printf("lambda-local: function %s -> %s (%s)%n", function.name(), function.handler(), function.code());
            }
        } catch (RuntimeException e) {
            err.println("lambda-local: " + e.getMessage());
            lambda.close();
            return USAGE;
        }
        out.println(lambda.endpoint());
        out.flush();
        err.println("lambda-local: serving " + functions.size() + " function(s); give the SDK endpointOverride("
                + lambda.endpoint() + "); Ctrl-C stops");
        err.flush();
        if (whileRunning != null) {
            try {
                whileRunning.accept(lambda);
            } finally {
                lambda.close();
            }
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lambda.close();
            stopped.countDown();
        }, "lambda-local-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
