package dev.strangler.lambdalocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The sample functions invoked through the real SDK client, running in real environments. */
class LambdaLocalIT {
    private static LambdaLocal lambda;
    private static LambdaClient client;

    @BeforeAll
    static void start() {
        lambda = LambdaLocal.start(0);
        lambda.deploy(FunctionConfig.of("greeting", SampleFunctions.jar(), SampleFunctions.GREETING));
        lambda.deploy(FunctionConfig.of("uppercase", SampleFunctions.jar(), SampleFunctions.UPPERCASE));
        lambda.deploy(FunctionConfig.of("http-echo", SampleFunctions.jar(), SampleFunctions.HTTP_ECHO));
        client = SampleFunctions.client(lambda.endpoint());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void greets_through_a_pojo_request_handler() {
        InvokeResponse response = invoke("greeting", "{\"name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"greeting\":\"Hello, Ada!\"}");
    }

    @Test
    void upper_cases_through_a_stream_handler() {
        InvokeResponse response = invoke("uppercase", "\"shout this\"");

        assertThat(response.payload().asUtf8String()).isEqualTo("\"SHOUT THIS\"");
    }

    private static InvokeResponse invoke(String function, String payload) {
        return client.invoke(request -> request.functionName(function)
                .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8)));
    }
}
