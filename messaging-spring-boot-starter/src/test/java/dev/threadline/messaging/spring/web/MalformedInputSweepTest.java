package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of every kind gets a 4xx with the API's error body: never a 500, never a stack trace. */
class MalformedInputSweepTest extends ApiTestBase {

    private static final String VALID_SMS = "\"channel\":\"sms\",\"customer_name\":\"Ana\",\"customer_phone\":\"+14155550100\"";

    static Stream<Arguments> badRequests() {
        return Stream.of(
                json("empty object", "POST", "/send", "{}"),
                json("JSON null", "POST", "/send", "null"),
                json("JSON string", "POST", "/send", "\"send\""),
                json("JSON number", "POST", "/send", "42"),
                json("truncated", "POST", "/send", "{\"channel\":"),
                json("trailing garbage", "POST", "/send", "{" + VALID_SMS + ",\"content\":\"hi\"} trailing"),
                json("duplicate key", "POST", "/send", "{" + VALID_SMS + ",\"content\":\"a\",\"content\":\"b\"}"),
                json("channel as number", "POST", "/send", "{\"channel\":5,\"customer_name\":\"Ana\",\"content\":\"hi\"}"),
                json("channel with symbols", "POST", "/send", "{\"channel\":\"SMS!\",\"customer_name\":\"Ana\",\"content\":\"hi\"}"),
                json("channel as object", "POST", "/send", "{\"channel\":{},\"customer_name\":\"Ana\",\"content\":\"hi\"}"),
                json("phone as object", "POST", "/send", "{\"channel\":\"sms\",\"customer_name\":\"Ana\",\"customer_phone\":{\"n\":1},\"content\":\"hi\"}"),
                json("phone of plus signs", "POST", "/send", "{\"channel\":\"sms\",\"customer_name\":\"Ana\",\"customer_phone\":\"++++\",\"content\":\"hi\"}"),
                json("content as array", "POST", "/send", "{" + VALID_SMS + ",\"content\":[\"hi\"]}"),
                json("content blank", "POST", "/send", "{" + VALID_SMS + ",\"content\":\"   \"}"),
                json("content over the length limit", "POST", "/send", "{" + VALID_SMS + ",\"content\":\"" + "x".repeat(20_000) + "\"}"),
                json("flag as string", "POST", "/send", "{" + VALID_SMS + ",\"content\":\"hi\",\"generate_ai_response\":\"yes\"}"),
                json("name as number", "POST", "/send", "{\"channel\":\"sms\",\"customer_name\":7,\"customer_phone\":\"+14155550100\",\"content\":\"hi\"}"),
                json("email without domain dot", "POST", "/send", "{\"channel\":\"email\",\"customer_name\":\"Ana\",\"customer_email\":\"a@b\",\"content\":\"hi\"}"),
                json("conversation id of another shape", "POST", "/send", "{\"conversation_id\":\"../../etc/passwd\",\"content\":\"hi\"}"),
                json("conversation id as number", "POST", "/send", "{\"conversation_id\":12,\"content\":\"hi\"}"),
                json("deep nesting", "POST", "/send", "[".repeat(5000) + "]".repeat(5000)),
                raw("invalid UTF-8", "POST", "/send", "application/json", new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                raw("text content type", "POST", "/send", "text/plain", "{}".getBytes(StandardCharsets.UTF_8)),
                raw("garbage content type", "POST", "/send", "no/such/type;;", "{}".getBytes(StandardCharsets.UTF_8)),
                raw("ten megabytes", "POST", "/send", "application/json", new byte[10 * 1024 * 1024]),
                json("generate without id", "POST", "/generate-response", "{}"),
                json("generate with numeric id", "POST", "/generate-response", "{\"conversation_id\":5}"),
                json("generate for unknown id", "POST", "/generate-response", "{\"conversation_id\":\"nope\"}"),
                json("reply without content", "POST", "/conversations/nope/reply", "{}"),
                json("reply with null content", "POST", "/conversations/nope/reply", "{\"content\":null}"),
                json("patch with numeric status", "PATCH", "/conversations/nope", "{\"status\":1}"),
                json("patch without status", "PATCH", "/conversations/nope", "{}"),
                json("patch with non-JSON", "PATCH", "/conversations/nope", "archive it"),
                json("approve with numeric content", "POST", "/messages/nope/approve", "{\"content\":5}"),
                json("approve with garbage", "POST", "/messages/nope/approve", "{{"),
                query("negative page", "/conversations?page=-1"),
                query("page of letters", "/conversations?page=abc"),
                query("page past int", "/conversations?page=99999999999"),
                query("page size zero", "/conversations?page_size=0"),
                query("unread maybe", "/conversations?unread=maybe"),
                query("upper-case channel", "/conversations?channel=SMS"),
                query("unknown channel", "/conversations?channel=fax"),
                query("unknown status", "/conversations?status=deleted"),
                query("tampered cursor", "/conversations?cursor=not-a-cursor"),
                query("cursor of base64 garbage", "/conversations?cursor=AAAA"),
                query("unknown conversation", "/conversations/%20"),
                query("suggestions of unknown", "/conversations/nope/suggestions"),
                json("score of unknown", "POST", "/conversations/nope/score", ""),
                json("read of unknown", "POST", "/conversations/nope/read", ""),
                json("delete of unknown", "DELETE", "/messages/nope", ""),
                json("wrong method on unread", "POST", "/unread", "{}"),
                json("wrong method on stream", "DELETE", "/stream", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAClientErrorWithTheErrorBody(String name, BiFunction<HttpApi, Integer, HttpApi.Response> request) {
        HttpApi.Response response = request.apply(acme, port);

        assertThat(response.status()).as(name + ": " + response.body()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.errorCode()).as(name).isNotBlank();
        assertThat(response.text("/error/message")).as(name).isNotBlank().doesNotContain("Exception", "\tat ");
    }

    private static Arguments json(String name, String method, String path, String body) {
        return raw(name, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments raw(String name, String method, String path, String contentType, byte[] body) {
        BiFunction<HttpApi, Integer, HttpApi.Response> request = (api, port) -> api.send(api.request(path)
                .header("Content-Type", contentType)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
        return Arguments.of(name, request);
    }

    private static Arguments query(String name, String path) {
        BiFunction<HttpApi, Integer, HttpApi.Response> request = (api, port) -> api.get(path);
        return Arguments.of(name, request);
    }
}
