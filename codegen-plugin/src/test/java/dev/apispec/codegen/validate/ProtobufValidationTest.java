package dev.apispec.codegen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apispec.codegen.SpecProblems;
import dev.apispec.codegen.TestProtos;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protobuf endpoints are checked against the descriptor set of the .proto files compiled in the same build. */
class ProtobufValidationTest {
  private static final ProtoCatalog PROTOS = TestProtos.catalog();

  /** An api section with a protobuf status; 8 lines, so the groups start on line 9. */
  private static final String API = """
      api:
        name: Demo
        package: dev.demo
        baseUrl: https://api.example.com
        auth: {header: token}
        protobuf:
          status: {field: status, code: code, message: msg, success: 1}
      # groups start on line 9
      """;

  @Test
  void messageThatDoesNotExistIsReportedWithTheClosestName() {
    assertEquals(List.of(
            "spec.yaml:14:29: protobuf message 'testapi.v1.EchoRequst' does not exist in the compiled .proto files;"
                + " did you mean 'testapi.v1.EchoRequest'?",
            "spec.yaml:15:30: protobuf message 'EchoResponse' does not exist in the compiled .proto files;"
                + " did you mean 'testapi.v1.EchoResponse'?"),
        SpecProblems.of(API + """
            groups:
              echo:
                prefix: /v1/echo/
                endpoints:
                  - path: /v1/echo/say
                    request: {protobuf: testapi.v1.EchoRequst}
                    response: {protobuf: EchoResponse}
            """, PROTOS));
  }

  @Test
  void responseMessageNeedsTheStatusField() {
    assertEquals(List.of("spec.yaml:15:30: protobuf message 'testapi.v1.StatuslessResponse' has no message field"
            + " 'status' to hold the status"),
        SpecProblems.of(API + """
            groups:
              echo:
                prefix: /v1/echo/
                endpoints:
                  - path: /v1/echo/say
                    request: {protobuf: testapi.v1.EchoRequest}
                    response: {protobuf: testapi.v1.StatuslessResponse}
            """, PROTOS));
  }

  @Test
  void statusMessageNeedsTheCodeAndMessageFields() {
    assertEquals(List.of(
            "spec.yaml:14:30: status message 'testapi.v1.Status' has no field 'result'",
            "spec.yaml:14:30: status message 'testapi.v1.Status' has no field 'text'"),
        SpecProblems.of("""
            api:
              name: Demo
              package: dev.demo
              baseUrl: https://api.example.com
              auth: {header: token}
              protobuf:
                status: {field: status, code: result, message: text, success: 1}
            groups:
              echo:
                prefix: /v1/echo/
                endpoints:
                  - path: /v1/echo/say
                    request: {protobuf: testapi.v1.EchoRequest}
                    response: {protobuf: testapi.v1.EchoResponse}
            """, PROTOS));
  }

  @Test
  void withoutDescriptorSetNoMessageCanBeChecked() {
    assertEquals(List.of(
            "spec.yaml:14:29: protobuf message 'testapi.v1.EchoRequest' cannot be checked: no descriptor set was"
                + " given (set the plugin's 'descriptorSet')",
            "spec.yaml:15:30: protobuf message 'testapi.v1.EchoResponse' cannot be checked: no descriptor set was"
                + " given (set the plugin's 'descriptorSet')"),
        SpecProblems.of(API + """
            groups:
              echo:
                prefix: /v1/echo/
                endpoints:
                  - path: /v1/echo/say
                    request: {protobuf: testapi.v1.EchoRequest}
                    response: {protobuf: testapi.v1.EchoResponse}
            """));
  }

  @Test
  void protobufEndpointsNeedTheStatusSettings() {
    assertEquals(List.of(
            "spec.yaml:12:29: this endpoint speaks protobuf, but 'api' declares no 'protobuf' status"),
        SpecProblems.of("""
            api:
              name: Demo
              package: dev.demo
              baseUrl: https://api.example.com
              auth: {header: token}
            groups:
              echo:
                prefix: /v1/echo/
                endpoints:
                  - path: /v1/echo/say
                    method: PUT
                    request: {protobuf: testapi.v1.EchoRequest}
                    response: {protobuf: testapi.v1.EchoResponse}
            """, PROTOS));
  }
}
