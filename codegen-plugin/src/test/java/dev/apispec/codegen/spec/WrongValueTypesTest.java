package dev.apispec.codegen.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.ReliabilityAreas;
import dev.apispec.runtime.testing.Reliability;
import dev.apispec.codegen.SpecProblems;
import dev.apispec.codegen.TestProtos;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key of the format, given a value of the wrong kind in an otherwise valid spec that uses every key, is
 * reported as exactly one problem, at the value, naming the key: no second problem that follows from the first
 * (a type that "does not exist" because its declaration was unreadable, a 'json' envelope that "is missing"
 * because it was malformed), and no crash.
 */
class WrongValueTypesTest {
  @RegisterExtension
  static final Reliability FIGURES = Reliability.forClass(WrongValueTypesTest.class);

  private static final ProtoCatalog PROTOS = TestProtos.catalog();

  /** A valid spec with every key of the format, each on its own line. */
  static final String EVERY_KEY = """
      api:
        name: Demo
        package: dev.demo
        baseUrl: https://api.example.com
        doc: The demo API.
        auth:
          header: token
          doc: The session token.
        json:
          contentType: application/json
          envelope:
            code: ecode
            message: emsg
            data: edata
            success: 1
        protobuf:
          contentType: application/x-protobuf
          status:
            field: status
            code: code
            message: msg
            success: 1
      types:
        Colour:
          doc: A colour.
          enum: string
          values:
            RED:
              value: red
              doc: Red.
        Tag:
          doc: A tag.
          fields:
            label:
              type: string
              required: true
              doc: The label.
              example: work
              javaName: name
            ids:
              type: list<int32>
              format: comma-separated
            colour:
              type: Colour
      groups:
        tags:
          doc: Tags.
          prefix: /v1/tags/
          endpoints:
            - path: /v1/tags/add
              method: PUT
              name: addTag
              doc: Adds a tag.
              request:
                json: Tag
              response:
                json: Tag
              errors:
                - code: -1
                  message: not yours
                  doc: Not allowed.
              deprecated: false
              retryable: true
            - path: /v1/tags/echo
              request:
                protobuf: testapi.v1.EchoRequest
              response:
                protobuf: testapi.v1.EchoResponse
      """;

  /**
   * One key given a wrong value: the line that holds the key (its {@code occurrence}th such line), what to write
   * instead of its value (its nested lines go), and the problem expected. {@code item} says the problem is at the
   * first item of the list written, not at the list.
   */
  record Case(String key, String line, int occurrence, String wrong, boolean item, String message) {
    @Override
    public String toString() {
      return key + ": " + wrong;
    }
  }

  private static Case of(String key, String line, String wrong, String message) {
    return new Case(key, line, 1, wrong, false, message);
  }

  static Stream<Case> cases() {
    return Stream.of(
        of("api", "api:", "5", "'api' must be a map, not a number"),
        of("types", "types:", "[Tag]", "'types' must be a map, not a list"),
        of("groups", "groups:", "tags", "'groups' must be a map, not a string"),
        of("api.name", "name: Demo", "[Demo]", "'name' of 'api' must be a string, not a list"),
        of("api.package", "package: dev.demo", "5", "'package' of 'api' must be a string, not a number"),
        of("api.baseUrl", "baseUrl: https://api.example.com", "{a: b}",
            "'baseUrl' of 'api' must be a string, not a map"),
        of("api.doc", "doc: The demo API.", "5", "'doc' must be a string, not a number"),
        of("api.auth", "auth:", "token", "'auth' must be a map, not a string"),
        of("api.json", "json:", "[1]", "'json' must be a map, not a list"),
        of("api.protobuf", "protobuf:", "yes", "'protobuf' must be a map, not a boolean"),
        of("auth.header", "header: token", "[token]", "'header' of 'auth' must be a string, not a list"),
        of("auth.doc", "doc: The session token.", "true", "'doc' must be a string, not a boolean"),
        of("json.contentType", "contentType: application/json", "5", "'contentType' must be a string, not a number"),
        of("json.envelope", "envelope:", "code", "'envelope' must be a map, not a string"),
        of("envelope.code", "code: ecode", "5", "'code' of 'envelope' must be a string, not a number"),
        of("envelope.message", "message: emsg", "[m]", "'message' of 'envelope' must be a string, not a list"),
        of("envelope.data", "data: edata", "{}", "'data' of 'envelope' must be a string, not a map"),
        of("envelope.success", "success: 1", "one", "'success' of 'envelope' must be an integer, not a string"),
        of("protobuf.contentType", "contentType: application/x-protobuf", "[x]",
            "'contentType' must be a string, not a list"),
        of("protobuf.status", "status:", "[s]", "'status' must be a map, not a list"),
        of("status.field", "field: status", "5", "'field' of 'status' must be a string, not a number"),
        of("status.code", "code: code", "[c]", "'code' of 'status' must be a string, not a list"),
        of("status.message", "message: msg", "5", "'message' of 'status' must be a string, not a number"),
        new Case("status.success", "success: 1", 2, "1.5", false,
            "'success' of 'status' must be an integer, not a number"),
        of("types.<enum>", "Colour:", "5", "type 'Colour' must be a map, not a number"),
        of("types.<object>", "Tag:", "[x]", "type 'Tag' must be a map, not a list"),
        of("enum type.doc", "doc: A colour.", "[d]", "'doc' must be a string, not a list"),
        of("enum type.enum", "enum: string", "[int]", "'enum' of type 'Colour' must be a string, not a list"),
        of("enum type.values", "values:", "[RED]", "'values' of type 'Colour' must be a map, not a list"),
        of("values.<constant>", "RED:", "red", "value 'RED' of type 'Colour' must be a map, not a string"),
        of("value.value", "value: red", "[red]", "'value' of value 'RED' of type 'Colour' must be a single value,"
            + " not a list"),
        of("value.doc", "doc: Red.", "{d: 1}", "'doc' must be a string, not a map"),
        of("object type.doc", "doc: A tag.", "5", "'doc' must be a string, not a number"),
        of("object type.fields", "fields:", "[label]", "'fields' of type 'Tag' must be a map, not a list"),
        of("fields.<field>", "label:", "string", "field 'label' of type 'Tag' must be a map, not a string"),
        of("field.type", "type: string", "[string]", "'type' of field 'label' of type 'Tag' must be a string,"
            + " not a list"),
        of("field.required", "required: true", "\"yes\"", "'required' must be true or false, not a string"),
        of("field.doc", "doc: The label.", "[x]", "'doc' must be a string, not a list"),
        of("field.example", "example: work", "{a: 1}", "'example' of field 'label' of type 'Tag' must be a single"
            + " value, not a map"),
        of("field.javaName", "javaName: name", "5", "'javaName' must be a string, not a number"),
        of("field.format", "format: comma-separated", "[comma-separated]", "'format' of field 'ids' of type 'Tag'"
            + " must be a string, not a list"),
        of("groups.<group>", "tags:", "[x]", "group 'tags' must be a map, not a list"),
        of("group.doc", "doc: Tags.", "5", "'doc' must be a string, not a number"),
        of("group.prefix", "prefix: /v1/tags/", "[x]", "'prefix' of group 'tags' must be a string, not a list"),
        of("group.endpoints", "endpoints:", "{a: 1}", "'endpoints' of group 'tags' must be a list, not a map"),
        new Case("endpoints.<endpoint>", "endpoints:", 1, "[5]", true,
            "an endpoint of group 'tags' must be a map, not a number"),
        of("endpoint.path", "path: /v1/tags/add", "5", "'path' of an endpoint of group 'tags' must be a string,"
            + " not a number"),
        of("endpoint.method", "method: PUT", "[GET]", "'method' of endpoint '/v1/tags/add' must be a string,"
            + " not a list"),
        of("endpoint.name", "name: addTag", "5", "'name' of endpoint '/v1/tags/add' must be a string, not a number"),
        of("endpoint.doc", "doc: Adds a tag.", "[x]", "'doc' must be a string, not a list"),
        of("endpoint.request", "request:", "Tag", "'request' of endpoint '/v1/tags/add' must be a map, not a string"),
        of("endpoint.response", "response:", "[Tag]", "'response' of endpoint '/v1/tags/add' must be a map,"
            + " not a list"),
        of("endpoint.errors", "errors:", "{code: 1}", "'errors' of endpoint '/v1/tags/add' must be a list,"
            + " not a map"),
        new Case("errors.<error>", "errors:", 1, "[5]", true,
            "an error of endpoint '/v1/tags/add' must be a map, not a number"),
        of("endpoint.deprecated", "deprecated: false", "\"no\"", "'deprecated' must be true or false, not a string"),
        of("endpoint.retryable", "retryable: true", "1", "'retryable' must be true or false, not a number"),
        of("body.json", "json: Tag", "[Tag]", "'json' of 'request' of endpoint '/v1/tags/add' must be a string,"
            + " not a list"),
        of("body.protobuf", "protobuf: testapi.v1.EchoRequest", "[x]", "'protobuf' of 'request' of endpoint"
            + " '/v1/tags/echo' must be a string, not a list"),
        of("error.code", "code: -1", "minus one", "'code' of an error of endpoint '/v1/tags/add' must be an"
            + " integer, not a string"),
        of("error.message", "message: not yours", "[no]", "'message' must be a string, not a list"),
        of("error.doc", "doc: Not allowed.", "5", "'doc' must be a string, not a number"));
  }

  @Test
  void theSpecWithEveryKeyIsValid() {
    assertEquals(List.of("dev.demo.model.Colour", "dev.demo.model.Tag", "dev.demo.DemoApiException",
            "dev.demo.TagsApi", "dev.demo.DemoClient"),
        Codegen.generateFromText("spec.yaml", EVERY_KEY, PROTOS).stream()
            .map(file -> file.packageName() + "." + file.typeSpec().name()).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aValueOfTheWrongKindIsOneProblemAtTheValue(Case wrong) {
    Reliability.Row row = FIGURES.row(ReliabilityAreas.HOSTILE_SPECS,
        "every key of the format given a value of the wrong kind", "specs read (one key wrong in each)");
    row.tried(1).note("before the fixes: 'field', 'code' or 'message' of the protobuf status of the wrong kind crashed"
        + " the validator (NullPointerException); 'api', 'json', 'envelope', 'protobuf', 'status', 'types', a type"
        + " and 'enum' of the wrong kind each brought a second, misleading problem (no api, no envelope, unknown"
        + " type, values of the wrong kind)");
    String[] lines = EVERY_KEY.split("\n", -1);
    int index = -1;
    int seen = 0;
    for (int i = 0; i < lines.length && index < 0; i++) {
      String text = lines[i].strip();
      if ((text.equals(wrong.line()) || text.equals("- " + wrong.line())) && ++seen == wrong.occurrence()) {
        index = i;
      }
    }
    assertEquals(true, index >= 0, "no line '" + wrong.line() + "'");
    String line = lines[index];
    int keyColumn = line.indexOf(wrong.line());
    String key = wrong.line().substring(0, wrong.line().indexOf(':'));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (i == index) {
        out.add(line.substring(0, keyColumn) + key + ": " + wrong.wrong());
        // the lines nested below the key go with its value
        while (i + 1 < lines.length && !lines[i + 1].isBlank()
            && lines[i + 1].length() - lines[i + 1].stripLeading().length() > keyColumn) {
          i++;
        }
      } else {
        out.add(lines[i]);
      }
    }
    int column = keyColumn + key.length() + 2 + 1 + (wrong.item() ? 1 : 0);
    assertEquals(List.of("spec.yaml:" + (index + 1) + ":" + column + ": " + wrong.message()),
        SpecProblems.of(String.join("\n", out), PROTOS));
  }
}
