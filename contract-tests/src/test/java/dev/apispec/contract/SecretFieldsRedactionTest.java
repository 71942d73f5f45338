package dev.apispec.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.yunhu.client.YunhuClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fields the spec marks {@code secret: true} are hidden by the recorder without being named to it. */
class SecretFieldsRedactionTest {
  @Test
  void theSpecsSecretFieldsAreRedactedInBothBodies(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("api.yaml"), """
        api:
          name: Login
          package: dev.example.login
          baseUrl: https://login.example.com
          auth: {header: token}
          json: {envelope: {code: code, message: msg, data: data, success: 1}}
        types:
          LoginRequest:
            fields:
              email: {type: string}
              password: {type: string, secret: true}
          Session:
            fields:
              token: {type: string, secret: true}
              userId: {type: string}
        groups:
          user:
            prefix: /v1/user/
            endpoints:
              - path: /v1/user/email-login
                auth: none
                request: {json: LoginRequest}
                response: {json: Session}
        """);
    ApiSpec spec = ApiSpec.read(dir, YunhuClient.class);
    assertEquals(Set.of("password", "token"), spec.secretFields());

    Redactor redactor = new Redactor(spec, ProtoTypes.of(YunhuClient.class), Set.of(), Set.of());
    LocalHttp.Received request = new LocalHttp.Received("POST", "/v1/user/email-login",
        Map.of("content-type", List.of("application/json")),
        "{\"email\":\"a@example.com\",\"password\":\"hunter2-secret\"}".getBytes(StandardCharsets.UTF_8));
    Recording recording = redactor.record(request, 200, "application/json",
        "{\"code\":1,\"msg\":\"success\",\"data\":{\"token\":\"session-9f8e7d\",\"userId\":\"7\"}}"
            .getBytes(StandardCharsets.UTF_8), "a sign-in", Set.of());

    String body = new String(recording.request().body().bytes(), StandardCharsets.UTF_8);
    String answer = new String(recording.response().body().bytes(), StandardCharsets.UTF_8);
    assertEquals("{\"email\":\"a@example.com\",\"password\":\"<redacted>\"}", body);
    assertFalse(answer.contains("session-9f8e7d"), answer);
    assertEquals("<redacted>", ((Recording.JsonBody) recording.response().body()).json().at("/data/token").asText());
    assertEquals("7", ((Recording.JsonBody) recording.response().body()).json().at("/data/userId").asText());
  }

  /** A body the named fields may be in, but that cannot be decoded to find them, is not written in clear. */
  @Test
  void aBodyThatCannotBeDecodedToHideAFieldInIsNotWrittenInClear(@TempDir Path dir) throws Exception {
    Redactor redactor = new Redactor(ApiSpec.fromClasspath(YunhuClient.class), ProtoTypes.of(YunhuClient.class), Set.of(), Set.of("note"));
    // protobuf of a path the spec does not have: no message to find field 'note' in
    byte[] unknownMessage = {0x0a, 0x05, 's', 'e', 'c', 'r', 't'};
    Recording recording = redactor.record(new LocalHttp.Received("POST", "/v1/unknown/thing",
            Map.of("content-type", List.of("application/x-protobuf")), unknownMessage),
        200, "application/octet-stream", new byte[] {1, 2, 3, (byte) 0xff}, "odd bodies", Set.of());
    assertEquals(new Recording.TextBody(Redactor.UNDECODED), recording.request().body());
    assertEquals(new Recording.TextBody(Redactor.UNDECODED), recording.response().body());
    assertEquals(List.of("request", "response"), redactor.undecoded());

    // without a field to hide there is nothing to decode for, and the bytes are kept (a spec without
    // secret fields: the Yunhu spec has some, such as password)
    Files.writeString(dir.resolve("api.yaml"), """
        api:
          name: Plain
          package: dev.example.plain
          baseUrl: https://plain.example.com
          auth: {header: token}
          json: {envelope: {code: code, message: msg, data: data, success: 1}}
        groups:
          misc:
            prefix: /v1/misc/
            endpoints:
              - path: /v1/misc/ping
        """);
    ApiSpec noSecrets = ApiSpec.read(dir, YunhuClient.class);
    assertEquals(Set.of(), noSecrets.secretFields());
    Redactor plain = new Redactor(noSecrets, ProtoTypes.of(YunhuClient.class), Set.of(), Set.of());
    Recording kept = plain.record(new LocalHttp.Received("POST", "/v1/unknown/thing",
            Map.of("content-type", List.of("application/x-protobuf")), unknownMessage),
        200, "application/octet-stream", new byte[] {1, 2, 3, (byte) 0xff}, "odd bodies", Set.of());
    assertEquals(List.of(), plain.undecoded());
    assertFalse(kept.response().body() instanceof Recording.TextBody);
  }
}
