package dev.apispec.codegen.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import dev.apispec.codegen.naming.JavaNames;
import dev.apispec.codegen.naming.Symbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a validated spec as an OpenAPI 3.1 document, so that the API can be looked at in any
 * OpenAPI tool. JSON responses are described with their envelope, {@code data} typed; protobuf
 * bodies as {@code application/x-protobuf} with the message named in {@code x-protobuf-message}.
 */
public final class OpenApiExporter {
  private static final String SECURITY_SCHEME = "apiKey";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** {@code info.version} when neither the spec nor the caller gives a version (OpenAPI requires one). */
  static final String NO_VERSION = "unspecified";

  private final Spec spec;
  private final ApiInfo api;
  private final String version;

  private OpenApiExporter(Spec spec, String fallbackVersion) {
    this.spec = spec;
    this.api = spec.api();
    this.version = api.version() != null ? api.version() : fallbackVersion != null ? fallbackVersion : NO_VERSION;
  }

  /** The OpenAPI document of {@code spec}, as pretty-printed JSON; its version is the spec's, if it has one. */
  public static String export(Spec spec) {
    return export(spec, null);
  }

  /**
   * The OpenAPI document of {@code spec}, as pretty-printed JSON.
   *
   * @param fallbackVersion {@code info.version} when the spec gives no version (such as the Maven project's), or
   *     {@code null}
   */
  public static String export(Spec spec, String fallbackVersion) {
    ObjectNode document = new OpenApiExporter(spec, fallbackVersion).document();
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serializes", e);
    }
  }

  private ObjectNode document() {
    ObjectNode document = NODES.objectNode();
    document.put("openapi", "3.1.0");
    ObjectNode info = document.putObject("info");
    info.put("title", api.name() + " API");
    info.put("version", version);
    if (api.doc() != null) {
      info.put("description", api.doc());
    }
    if (api.license() != null) {
      ObjectNode license = info.putObject("license").put("name", api.license().name());
      if (api.license().url() != null) {
        license.put("url", api.license().url());
      }
    }
    document.putArray("servers").addObject().put("url", api.baseUrl());
    if (api.authHeader() != null) {
      document.putArray("security").addObject().putArray(SECURITY_SCHEME);
    }

    ArrayNode tags = document.putArray("tags");
    for (GroupDef group : spec.groups()) {
      ObjectNode tag = tags.addObject().put("name", group.name());
      if (group.doc() != null) {
        tag.put("description", group.doc());
      }
    }

    ObjectNode paths = document.putObject("paths");
    ObjectNode components = document.putObject("components");
    ObjectNode schemas = components.putObject("schemas");
    for (TypeDef type : spec.types()) {
      schemas.set(type.name(), typeSchema(type));
    }
    if (api.json() != null) {
      schemas.set(envelopeName(null), envelope(null));
    }
    Map<String, Integer> hostsOfRoute = new HashMap<>();
    for (GroupDef group : spec.groups()) {
      for (EndpointDef endpoint : group.endpoints()) {
        hostsOfRoute.merge(endpoint.method() + " " + endpoint.path(), 1, Integer::sum);
      }
    }
    for (GroupDef group : spec.groups()) {
      for (EndpointDef endpoint : group.endpoints()) {
        // A path item holds one operation per method: when two hosts share a method and path, the named host's
        // operation is keyed with a fragment, which its URL drops, so the request still goes to the path.
        String key = group.host(endpoint) != null && hostsOfRoute.get(endpoint.method() + " " + endpoint.path()) > 1
            ? endpoint.path() + "#" + group.host(endpoint) : endpoint.path();
        ObjectNode path = paths.has(key) ? (ObjectNode) paths.get(key) : paths.putObject(key);
        path.set(endpoint.method().toLowerCase(Locale.ROOT), operation(group, endpoint, schemas));
      }
    }

    if (api.authHeader() != null) {
      ObjectNode scheme = components.putObject("securitySchemes").putObject(SECURITY_SCHEME);
      scheme.put("type", "apiKey");
      scheme.put("in", "header");
      scheme.put("name", api.authHeader());
      if (api.authDoc() != null) {
        scheme.put("description", api.authDoc());
      }
    }
    return document;
  }

  private ObjectNode operation(GroupDef group, EndpointDef endpoint, ObjectNode schemas) {
    ObjectNode operation = NODES.objectNode();
    String method = Symbols.methodName(group, endpoint);
    operation.putArray("tags").add(group.name());
    operation.put("operationId", JavaNames.lowerCamel(group.name()) + JavaNames.upperCamel(method));
    if (endpoint.doc() != null) {
      operation.put("summary", firstSentence(endpoint.doc()));
      operation.put("description", endpoint.doc());
    }
    if (endpoint.deprecated()) {
      operation.put("deprecated", true);
    }
    if (group.host(endpoint) != null) {
      operation.putArray("servers").addObject().put("url", api.host(group.host(endpoint)).url());
    }
    if (api.authHeader() != null && !group.authenticated(endpoint, api)) {
      operation.putArray("security"); // none: the endpoint takes no credential
    }
    if (!endpoint.params().isEmpty()) {
      ArrayNode parameters = operation.putArray("parameters");
      endpoint.params().forEach(param -> parameters.add(parameter(param)));
    }
    if (endpoint.request() != null) {
      ObjectNode body = operation.putObject("requestBody").put("required", true);
      body.set("content", content(endpoint.request(), false));
    }
    ObjectNode ok = operation.putObject("responses").putObject("200");
    EndpointDef.EnvelopeDef envelope = group.envelope(endpoint);
    EndpointDef.Body response = endpoint.response();
    StringBuilder description = new StringBuilder(response instanceof EndpointDef.ProtobufBody
        ? "The response message; its status says whether the call succeeded."
        : response instanceof EndpointDef.TextBody || response instanceof EndpointDef.BytesBody
            || (envelope != null && envelope.none()) ? "The response body."
        : envelope != null && envelope.messageOnly() ? "The server's message; any 2xx answer is a success."
        : envelope != null && envelope.payloadBeside() && response instanceof EndpointDef.JsonBody
            ? "The response body: the payload's fields beside the code, which says whether the call succeeded."
        : response instanceof EndpointDef.CodesBody codes ? "The envelope; its code is the answer: " + answers(codes)
            + ". Any other code is a failure."
        : "The envelope; its code says whether the call succeeded.");
    if (!endpoint.errors().isEmpty()) {
      description.append(" Known failure codes:");
      ArrayNode errors = operation.putArray("x-errors");
      for (EndpointDef.ErrorDef error : endpoint.errors()) {
        description.append(' ').append(error.code());
        if (error.message() != null) {
          description.append(" (\"").append(error.message()).append("\")");
        }
        description.append(';');
        ObjectNode item = errors.addObject().put("code", error.code());
        if (error.message() != null) {
          item.put("message", error.message());
        }
        if (error.doc() != null) {
          item.put("description", error.doc());
        }
      }
      description.setLength(description.length() - 1);
      description.append('.');
    }
    ok.put("description", description.toString());
    if (response instanceof EndpointDef.ProtobufBody || response instanceof EndpointDef.TextBody
        || response instanceof EndpointDef.BytesBody) {
      ok.set("content", content(response, true));
    } else if (envelope != null) {
      String data = response instanceof EndpointDef.JsonBody json ? json.typeName() : null;
      ObjectNode schema = envelope.none() ? NODES.objectNode().put("$ref", ref(data))
          : envelope.payloadBeside() && data != null ? besideSchema(envelope, data)
          : envelopeSchema(envelope.codeField(), envelope.messageField(), envelope.dataField(),
              envelope.successCode() == null ? 0 : envelope.successCode(), data);
      if (response instanceof EndpointDef.CodesBody codes) {
        ((ObjectNode) schema.get("properties").get(envelope.codeField())).put("description",
            "The result code; it is the answer: " + answers(codes) + ".");
      }
      ObjectNode content = NODES.objectNode();
      content.putObject(jsonContentType()).set("schema", schema);
      ok.set("content", content);
    } else {
      String data = response instanceof EndpointDef.JsonBody json ? json.typeName() : null;
      String name = envelopeName(data);
      if (!schemas.has(name)) {
        schemas.set(name, envelope(data));
      }
      ObjectNode content = NODES.objectNode();
      content.putObject(jsonContentType()).putObject("schema").put("$ref", ref(name));
      ok.set("content", content);
    }
    return operation;
  }

  private String jsonContentType() {
    return api.json() == null ? "application/json" : api.json().contentType();
  }

  /** "1 means true, 2 means false", or the constants of the enum. */
  private String answers(EndpointDef.CodesBody codes) {
    if (codes.isBoolean()) {
      return String.join(", ", codes.answers().stream().map(a -> a.code() + " means " + a.value()).toList());
    }
    TypeDef.EnumDef enumDef = (TypeDef.EnumDef) spec.types().stream()
        .filter(t -> t.name().equals(codes.enumName())).findFirst().orElseThrow();
    return String.join(", ", enumDef.values().stream().map(v -> v.value() + " means " + v.name()).toList())
        + " (" + codes.enumName() + ")";
  }

  private ObjectNode parameter(EndpointDef.ParamDef param) {
    ObjectNode parameter = NODES.objectNode();
    parameter.put("name", param.wireName());
    parameter.put("in", param.in().specName());
    if (param.required()) {
      parameter.put("required", true);
    }
    if (param.doc() != null) {
      parameter.put("description", param.doc());
    }
    parameter.set("schema", schemaOf(param.type()));
    if (param.example() != null) {
      parameter.set("example", exampleNode(param.example()));
    }
    return parameter;
  }

  private ObjectNode content(EndpointDef.Body body, boolean response) {
    ObjectNode content = NODES.objectNode();
    if (body instanceof EndpointDef.TextBody text) {
      content.putObject(text.contentType()).putObject("schema").put("type", "string");
      return content;
    }
    if (body instanceof EndpointDef.BytesBody bytes) {
      content.putObject(bytes.contentType()).putObject("schema").put("type", "string")
          .put("contentMediaType", bytes.contentType());
      return content;
    }
    if (body instanceof EndpointDef.ProtobufBody proto) {
      ObjectNode media = content.putObject(api.protobuf().contentType());
      media.put("x-protobuf-message", proto.messageName());
      ObjectNode schema = media.putObject("schema");
      schema.put("type", "string");
      schema.put("contentMediaType", api.protobuf().contentType());
      schema.put("description", "The protobuf message " + proto.messageName()
          + (response ? ", whose '" + api.protobuf().statusField() + "' field holds the status." : "."));
    } else {
      content.putObject(jsonContentType()).putObject("schema")
          .put("$ref", ref(((EndpointDef.JsonBody) body).typeName()));
    }
    return content;
  }

  private String envelopeName(String dataType) {
    return dataType == null ? "Envelope" : dataType + "Envelope";
  }

  private ObjectNode envelope(String dataType) {
    ApiInfo.JsonSettings json = api.json();
    return envelopeSchema(json.codeField(), json.messageField(), json.dataField(), json.successCode(), dataType);
  }

  /** The payload's properties and the envelope's code and message, side by side in one object. */
  private static ObjectNode besideSchema(EndpointDef.EnvelopeDef envelope, String dataType) {
    ObjectNode schema = NODES.objectNode();
    ArrayNode allOf = schema.putArray("allOf");
    allOf.addObject().put("$ref", ref(dataType));
    allOf.add(envelopeSchema(envelope.codeField(), envelope.messageField(), null, envelope.successCode(), null));
    return schema;
  }

  private static ObjectNode envelopeSchema(String codeField, String messageField, String dataField, int success,
      String dataType) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    if (codeField == null) {
      schema.put("description", "A message only; any 2xx answer is a success.");
      schema.putObject("properties").putObject(messageField).put("type", "string")
          .put("description", "The server's message.");
      return schema;
    }
    schema.put("description", "The envelope of the JSON response: " + codeField + " " + success
        + " means success, anything else failure, with the server's message in " + messageField + ".");
    schema.putArray("required").add(codeField);
    ObjectNode properties = schema.putObject("properties");
    properties.putObject(codeField).put("type", "integer").put("format", "int32")
        .put("description", "The result code; " + success + " is success.");
    properties.putObject(messageField).put("type", "string").put("description", "The server's message.");
    if (dataType != null) {
      properties.putObject(dataField).put("$ref", ref(dataType));
    }
    return schema;
  }

  private ObjectNode typeSchema(TypeDef type) {
    ObjectNode schema = NODES.objectNode();
    if (type instanceof TypeDef.EnumDef enumDef) {
      return enumSchema(enumDef);
    }
    TypeDef.ObjectDef object = (TypeDef.ObjectDef) type;
    schema.put("type", "object");
    if (object.doc() != null) {
      schema.put("description", object.doc());
    }
    ArrayNode required = NODES.arrayNode();
    ObjectNode properties = schema.putObject("properties");
    for (TypeDef.FieldDef field : object.fields()) {
      ObjectNode property;
      switch (field.format()) {
        case COMMA_SEPARATED -> {
          property = NODES.objectNode().put("type", "string");
          property.put("x-comma-separated", ((TypeRef.ListOf) field.type()).element().toString());
        }
        case STRING -> {
          // a number in a string: the pattern says which strings, the format which number
          property = NODES.objectNode().put("type", "string");
          property.put("pattern", field.type() == TypeRef.Scalar.FLOAT64 ? "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"
              : "^-?[0-9]+$");
          property.put("x-number-format", field.type() == TypeRef.Scalar.INT32 ? "int32"
              : field.type() == TypeRef.Scalar.INT64 ? "int64" : "double");
        }
        case JSON_STRING -> {
          property = NODES.objectNode().put("type", "string").put("contentMediaType", "application/json");
          property.set("contentSchema", schemaOf(field.type()));
        }
        default -> property = schemaOf(field.type());
      }
      if (field.secret()) {
        property.put("x-secret", true);
      }
      String doc = field.doc() == null ? "" : field.doc();
      if (field.commaSeparated()) {
        doc = (doc + " A comma-separated list of " + ((TypeRef.ListOf) field.type()).element() + " values.").strip();
      }
      if (!doc.isEmpty()) {
        if (property.has("$ref")) {
          // 3.1 allows siblings of $ref, but tools read them better under allOf
          ObjectNode wrapped = NODES.objectNode();
          wrapped.putArray("allOf").add(property);
          property = wrapped;
        }
        property.put("description", doc);
      }
      if (field.example() != null) {
        property.putArray("examples").add(exampleNode(field.example()));
      }
      properties.set(field.wireName(), property);
      if (field.required()) {
        required.add(field.wireName());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    // Other properties are allowed by JSON Schema's default, which is what the records do (they keep them);
    // an explicit "additionalProperties: true" makes OpenAPI Generator's Java models plain HashMaps.
    return schema;
  }

  private static com.fasterxml.jackson.databind.JsonNode exampleNode(Object example) {
    if (example instanceof Long number) {
      return NODES.numberNode(number);
    } else if (example instanceof Double number) {
      return NODES.numberNode(number);
    } else if (example instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    return NODES.textNode(String.valueOf(example));
  }

  /**
   * An open enum: {@code anyOf} the listed values (with their names) and any value of the wire type, so that
   * tools generate a type that takes a value the spec does not list, as the generated client does. A bare
   * {@code enum} would read as closed (openapi-typescript makes {@code 1 | 2 | 3} of it).
   */
  private ObjectNode enumSchema(TypeDef.EnumDef enumDef) {
    ObjectNode known = wireType(enumDef);
    StringBuilder doc = new StringBuilder(enumDef.doc() == null ? "" : enumDef.doc());
    doc.append(doc.length() == 0 ? "" : "\n\n").append("Values (the list is open: others may appear):");
    ArrayNode values = known.putArray("enum");
    ArrayNode names = known.putArray("x-enum-varnames");
    ArrayNode descriptions = known.putArray("x-enum-descriptions");
    for (TypeDef.EnumValue value : enumDef.values()) {
      if (value.value() instanceof Long number) {
        values.add(number.intValue());
      } else {
        values.add((String) value.value());
      }
      names.add(value.name());
      descriptions.add(value.doc() == null ? "" : value.doc());
      doc.append("\n- ").append(value.value()).append(' ').append(value.name())
          .append(value.doc() == null ? "" : ": " + value.doc());
    }
    ObjectNode schema = NODES.objectNode();
    schema.put("description", doc.toString());
    schema.putArray("anyOf").add(known).add(wireType(enumDef));
    return schema;
  }

  private static ObjectNode wireType(TypeDef.EnumDef enumDef) {
    ObjectNode schema = NODES.objectNode().put("type", enumDef.intValued() ? "integer" : "string");
    return enumDef.intValued() ? schema.put("format", "int32") : schema;
  }

  private ObjectNode schemaOf(TypeRef type) {
    ObjectNode schema = NODES.objectNode();
    if (type instanceof TypeRef.Scalar scalar) {
      switch (scalar) {
        case STRING -> schema.put("type", "string");
        case INT32 -> schema.put("type", "integer").put("format", "int32");
        case INT64 -> schema.put("type", "integer").put("format", "int64");
        case FLOAT64 -> schema.put("type", "number").put("format", "double");
        case BOOL -> schema.put("type", "boolean");
        case JSON -> schema.put("description", "Any JSON value.");
      }
    } else if (type instanceof TypeRef.Named named) {
      schema.put("$ref", ref(named.name()));
    } else if (type instanceof TypeRef.ListOf list) {
      schema.put("type", "array");
      schema.set("items", schemaOf(list.element()));
    } else {
      schema.put("type", "object");
      schema.set("additionalProperties", schemaOf(((TypeRef.MapOf) type).value()));
    }
    return schema;
  }

  private static String ref(String typeName) {
    return "#/components/schemas/" + typeName;
  }

  private static String firstSentence(String doc) {
    String text = doc.strip().replace('\n', ' ');
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }
}
