package dev.apispec.codegen.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apispec.codegen.SpecProblems;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the validator says of credentials, hosts, envelopes, answers carried by the code, text and byte bodies,
 * parameters and field formats: each mistake once, where it is written, with what to do.
 */
class ShapeChecksTest {
  @Test
  void hostsAuthEnvelopesCodesAndBodiesAreCheckedWhereTheyAreWritten() {
    assertEquals(List.of(
            "spec.yaml:8:5: host name 'Bad_Name' must be lower camel case letters, digits and '-' (it names the builder method badNameBaseUri)",
            "spec.yaml:9:5: the URL of host 'ftp' 'ftp://files.example.com' must be an absolute http or https URL without query or fragment",
            "spec.yaml:12:47: 'format: string' is for a number sent as a string (int32, int64 or float64), not 'string'",
            "spec.yaml:12:81: unknown format 'hex'; use comma-separated, string or json-string",
            "spec.yaml:17:11: unknown host 'webb'; did you mean 'web'?",
            "spec.yaml:18:11: 'auth' of group 'a' must be 'none' or 'required', not 'optional'",
            "spec.yaml:19:15: 'envelope' of group 'a' is missing 'message'",
            "spec.yaml:19:15: 'envelope' of group 'a' needs both 'code' and 'success', or neither (then it holds a message only, and any 2xx answer is success)",
            "spec.yaml:21:9: endpoint '/v1/a/one' has 'envelope: none' and no response, so nothing says what it answers; give it a 'response' (json, text or bytes)",
            "spec.yaml:24:19: an 'envelope' without 'code' holds a message only; remove 'data'",
            "spec.yaml:27:19: 'envelope' of endpoint '/v1/a/three' must be 'none' or a map of 'code', 'message', 'data' and 'success', not a string",
            "spec.yaml:29:27: 'codes' must map at least one code to true and one to false; the answer is a boolean",
            "spec.yaml:29:37: 'x' in 'codes' of 'response' of endpoint '/v1/a/four' is not an integer code",
            "spec.yaml:29:50: the answer of code 2 in 'codes' of 'response' of endpoint '/v1/a/four' must be true or false, not a string",
            "spec.yaml:31:27: 'codes' must map at least one code to true and one to false; the answer is a boolean",
            "spec.yaml:33:27: 'Colour' is not an int enum; 'codes' names an int enum whose values are the answers, or maps codes to true and false",
            "spec.yaml:35:27: unknown type 'Color'; did you mean 'Colour'?",
            "spec.yaml:38:27: 'codes' needs an envelope with a code, and endpoint '/v1/a/eight' has 'envelope: none'",
            "spec.yaml:40:26: 'plain' is not a media type such as text/plain or application/octet-stream",
            "spec.yaml:43:19: unknown key 'codes' in 'request' of endpoint '/v1/a/ten'; allowed: bytes, json, protobuf, text"),
        SpecProblems.of("""
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth: {header: token}
          hosts:
            web: https://web.example.com
            Bad_Name: https://x.example.com
            ftp: ftp://files.example.com
          json: {envelope: {code: code, message: msg, data: data, success: 1}}
        types:
          Thing: {fields: {id: {type: string, format: string}, n: {type: int64, format: hex}}}
          Colour: {enum: string, values: {RED: {value: red}}}
        groups:
          a:
            prefix: /v1/a/
            host: webb
            auth: optional
            envelope: {code: Code, data: Data}
            endpoints:
              - path: /v1/a/one
                envelope: none
              - path: /v1/a/two
                envelope: {message: msg, data: data}
                response: {json: Thing}
              - path: /v1/a/three
                envelope: nothing
              - path: /v1/a/four
                response: {codes: {1: true, x: false, 2: maybe}}
              - path: /v1/a/five
                response: {codes: {1: true, 3: true}}
              - path: /v1/a/six
                response: {codes: Colour}
              - path: /v1/a/seven
                response: {codes: Color}
              - path: /v1/a/eight
                envelope: none
                response: {codes: {1: true, 2: false}}
              - path: /v1/a/nine
                response: {text: plain}
                request: {bytes: application/octet-stream}
              - path: /v1/a/ten
                request: {codes: {1: true}}
        """));
  }

  @Test
  void aJsonPayloadBesideTheCodeNeedsACode() {
    assertEquals(List.of(
            "spec.yaml:14:26: endpoint '/v1/a/message' answers data, but its envelope holds a message only; give it a 'code' and 'success' (then, without 'data', the payload sits beside them), or 'envelope: none'"),
        SpecProblems.of("""
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          json: {envelope: {code: code, message: msg, data: data, success: 1}}
        types:
          Latest: {fields: {Version: {type: string}}}
        groups:
          a:
            prefix: /v1/a/
            endpoints:
              - path: /v1/a/message
                envelope: {message: msg}
                response: {json: Latest}
              - path: /v1/a/beside
                envelope: {code: Code, message: Message, success: 0}
                response: {json: Latest}
          b:
            prefix: /v1/b/
            envelope: {code: Code, message: Message, success: 0}
            endpoints:
              - path: /v1/b/beside
                response: {json: Latest}
              - path: /v1/b/nothing
        """));
  }

  @Test
  void parametersAreCheckedAgainstThePathTheHeadersAndTheirTypes() {
    assertEquals(List.of(
            "spec.yaml:14:15: '{other}' in the path '/v1/p/{id}/x/{other}' is not declared; add it to 'params' with 'in: path'",
            "spec.yaml:16:11: path parameter 'id' cannot be optional: the path needs a value",
            "spec.yaml:17:11: path parameter 'missing' is not in the path '/v1/p/{id}/x/{other}'; write '{missing}' where it goes",
            "spec.yaml:18:11: header parameter 'token' is the credential's header; the client sends it",
            "spec.yaml:19:11: header parameter 'Content-Type' is set by the client itself",
            "spec.yaml:21:11: headers 'X-A' and 'x-a' are the same header (names are case-insensitive)",
            "spec.yaml:22:11: parameter 'request' would be named 'request', which the generated method uses itself; set 'javaName'",
            "spec.yaml:23:36: only a query parameter may be a list (sent as one name=value pair per element)",
            "spec.yaml:24:36: parameter 'thing' must be a scalar (not json) or an enum, or a list of them, not 'Thing'",
            "spec.yaml:25:35: parameter 'free' must be a scalar (not json) or an enum, or a list of them, not 'json'",
            "spec.yaml:26:23: 'in' of parameter 'where' of endpoint '/v1/p/{id}/x/{other}' must be path, query or header, not 'body'",
            "spec.yaml:27:35: unknown type 'Colur'; did you mean 'Colour'?",
            "spec.yaml:28:11: the 'example' of parameter 'n' does not match its type 'int32'",
            "spec.yaml:30:11: parameters 'a-b' and 'a_b' of endpoint '/v1/p/{id}/x/{other}' both become 'aB' in Java; set 'javaName' on one",
            "spec.yaml:31:15: '{id}' appears twice in the path '/v1/p/{id}{id}'"),
        SpecProblems.of("""
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth: {header: token}
          json: {envelope: {code: code, message: msg, data: data, success: 1}}
        types:
          Thing: {fields: {id: {type: string}}}
          Colour: {enum: string, values: {RED: {value: red}}}
        groups:
          p:
            prefix: /v1/p/
            endpoints:
              - path: /v1/p/{id}/x/{other}
                params:
                  id: {in: path, type: string, required: false}
                  missing: {in: path, type: int64}
                  token: {in: header, type: string}
                  Content-Type: {in: header, type: string}
                  X-A: {in: header, type: string}
                  x-a: {in: header, type: string, javaName: xa2}
                  request: {in: query, type: string}
                  tags: {in: header, type: list<string>}
                  thing: {in: query, type: Thing}
                  free: {in: query, type: json}
                  where: {in: body, type: string}
                  nope: {in: query, type: Colur}
                  n: {in: query, type: int32, example: "x"}
                  a-b: {in: query, type: string}
                  a_b: {in: query, type: string}
              - path: /v1/p/{id}{id}
                params:
                  id: {in: path, type: string}
              - path: /v1/p/wait
                name: wait
                params:
                  q: {in: query, type: string}
        """));
  }

  @Test
  void namesThatTheBuilderAlreadyHasAndEnvelopesOnProtobufAreRefused() {
    assertEquals(List.of(
            "spec.yaml:6:11: host 'web' would become the builder method 'webBaseUri(URI)', which the builder has already",
            "spec.yaml:13:19: 'envelope' applies to JSON answers only, and endpoint '/v1/p/x' answers protobuf; remove it",
            "spec.yaml:14:30: protobuf message 'a.B' cannot be checked: no descriptor set was given (set the plugin's 'descriptorSet')"),
        SpecProblems.of("""
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          auth: {header: web-base-uri}
          hosts: {web: https://web.example.com}
          protobuf: {status: {field: status, code: code, message: msg, success: 1}}
        groups:
          p:
            prefix: /v1/p/
            endpoints:
              - path: /v1/p/x
                envelope: none
                response: {protobuf: a.B}
        """));
  }

  @Test
  void aCodeCannotBeBothAnAnswerAndAnError() {
    assertEquals(List.of(
            "spec.yaml:13:27: code 2 is both an answer in 'codes' and a documented error of endpoint '/v1/p/x'"),
        SpecProblems.of("""
        api:
          name: Demo
          package: dev.demo
          baseUrl: https://api.example.com
          json: {envelope: {code: code, message: msg, data: data, success: 1}}
        types:
          State: {enum: int, values: {ON: {value: 1}, OFF: {value: 2}}}
        groups:
          p:
            prefix: /v1/p/
            endpoints:
              - path: /v1/p/x
                response: {codes: State}
                errors: [{code: 2, message: switched off}]
        """));
  }
}
