package dev.strangler.gateway.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.gateway.routefile.RouteFileReader;
import dev.strangler.gateway.routing.RouteTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDraftTest {

    private static final AccountScope EU = new AccountScope("aws", "eu-west-1", "123456789012");
    private static final AccountScope NONE = new AccountScope("aws", null, null);

    private static RouteTable routes(String... targets) {
        StringBuilder yaml = new StringBuilder("version: 1\nroutes:\n");
        for (int i = 0; i < targets.length; i++) {
            yaml.append("  - id: r").append(i).append("\n    paths: [\"/r").append(i).append("\"]\n    target: ")
                    .append(targets[i]).append("\n    weight: 0\n");
        }
        return RouteFileReader.read(yaml.toString(), "test.yml");
    }

    private static List<String> arns(PolicyDraft draft) {
        assertThat(draft.problems()).isEmpty();
        return draft.policy().resources().stream().map(FunctionResource::arn).toList();
    }

    @Test
    void a_plain_name_is_completed_from_the_scope_and_stays_unqualified() {
        assertThat(arns(PolicyDraft.of(routes("{lambda: orders-fn}"), EU)))
                .containsExactly("arn:aws:lambda:eu-west-1:123456789012:function:orders-fn");
    }

    @Test
    void a_qualifier_field_or_a_name_suffix_gives_exactly_the_qualified_arn() {
        assertThat(arns(PolicyDraft.of(routes("{lambda: orders-fn, qualifier: live}", "{lambda: \"stock-fn:7\"}"), EU)))
                .containsExactly("arn:aws:lambda:eu-west-1:123456789012:function:orders-fn:live",
                        "arn:aws:lambda:eu-west-1:123456789012:function:stock-fn:7");
    }

    @Test
    void a_full_arn_keeps_its_own_partition_region_and_account_and_needs_no_scope() {
        assertThat(arns(PolicyDraft.of(routes(
                "{lambda: \"arn:aws-cn:lambda:cn-north-1:210987654321:function:fx\", qualifier: \"3\"}"), NONE)))
                .containsExactly("arn:aws-cn:lambda:cn-north-1:210987654321:function:fx:3");
    }

    @Test
    void a_partial_arn_takes_only_the_region_and_partition_from_the_scope() {
        AccountScope usGov = new AccountScope("aws-us-gov", "us-gov-west-1", null);
        assertThat(arns(PolicyDraft.of(routes("{lambda: \"210987654321:function:fx:live\"}"), usGov)))
                .containsExactly("arn:aws-us-gov:lambda:us-gov-west-1:210987654321:function:fx:live");
    }

    @Test
    void resources_are_sorted_and_distinct_and_monolith_and_url_routes_add_none() {
        assertThat(arns(PolicyDraft.of(routes("{lambda: b-fn}", "monolith", "{url: \"http://svc:8080\"}",
                "{lambda: a-fn}", "{lambda: \"arn:aws:lambda:eu-west-1:123456789012:function:b-fn\"}"), EU)))
                .containsExactly("arn:aws:lambda:eu-west-1:123456789012:function:a-fn",
                        "arn:aws:lambda:eu-west-1:123456789012:function:b-fn");
    }

    @Test
    void a_name_without_region_and_account_is_a_problem_naming_the_route_and_the_fix() {
        PolicyDraft draft = PolicyDraft.of(routes("{lambda: \"arn:aws:lambda:eu-west-1:123456789012:function:ok\"}",
                "{lambda: orders-fn}"), new AccountScope("aws", "eu-west-1", null));
        assertThat(draft.hasProblems()).isTrue();
        assertThat(draft.problems()).singleElement().asString()
                .startsWith("route 'r1': function 'orders-fn' is named without an ARN")
                .contains("--region eu-west-1 --account 123456789012");
        assertThatThrownBy(draft::policy).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void conflicting_qualifiers_and_malformed_arns_are_refused_per_route() {
        PolicyDraft draft = PolicyDraft.of(routes("{lambda: \"fx:live\", qualifier: \"7\"}",
                "{lambda: \"arn:aws:s3:::bucket\"}", "{lambda: \"fx:live\", qualifier: live}"), EU);
        assertThat(draft.problems()).containsExactly(
                "route 'r0': function 'fx:live' carries qualifier 'live' but the route says qualifier '7';"
                        + " Lambda refuses both at once, keep one",
                "route 'r1': function 'arn:aws:s3:::bucket' is no Lambda function ARN; expected"
                        + " arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]");
        assertThat(draft.resources()).extracting(FunctionResource::arn)
                .containsExactly("arn:aws:lambda:eu-west-1:123456789012:function:fx:live");
    }

    @Test
    void a_table_without_lambda_routes_gets_no_policy() {
        assertThat(PolicyDraft.of(routes("monolith"), EU).problems()).singleElement().asString()
                .contains("no route names a Lambda function");
    }

    @Test
    void the_scope_refuses_values_that_cannot_be_part_of_an_arn() {
        assertThatThrownBy(() -> new AccountScope("aws", "eu-west-1", "12345"))
                .hasMessage("account must be 12 digits, but was '12345'");
        assertThatThrownBy(() -> new AccountScope("aws", "Ireland", null))
                .hasMessage("region must look like 'eu-west-1', but was 'Ireland'");
    }

    @Test
    void the_policy_is_one_invoke_statement_on_exactly_its_resources() {
        String json = PolicyDraft.of(routes("{lambda: orders-fn, qualifier: live}"), EU).policy().toJson();
        assertThat(json).isEqualToIgnoringWhitespace("""
                {"Version": "2012-10-17", "Statement": [{"Sid": "StranglerGatewayInvokesRouteFunctions",
                 "Effect": "Allow", "Action": "lambda:InvokeFunction",
                 "Resource": ["arn:aws:lambda:eu-west-1:123456789012:function:orders-fn:live"]}]}""");
    }
}
