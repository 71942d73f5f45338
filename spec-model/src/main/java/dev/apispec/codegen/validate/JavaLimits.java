package dev.apispec.codegen.validate;

import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import dev.apispec.codegen.naming.Symbols;
import java.nio.charset.StandardCharsets;

/**
 * Limits of the Java language, of class files and of file systems that a spec could take the generated code
 * over: javac would fail on the generated code, or the files could not be written. The numbers of values,
 * endpoints and groups were found by compiling what the emitters write, and are kept a fifth or so below.
 */
final class JavaLimits {
  /** A constructor takes 255 parameter slots, one of them {@code this}; a record's last one is its unknown fields. */
  static final int MAX_FIELDS = 253;
  /** Each constant costs bytecode in the static initialiser and in two switches; 4,679 sparse values compiled. */
  static final int MAX_INT_ENUM_VALUES = 4_000;
  /** A switch on strings costs more per case; 1,878 values compiled. */
  static final int MAX_STRING_ENUM_VALUES = 1_500;
  /** Each endpoint costs about 20 bytes of the group class's static initialiser; 3,276 compiled. */
  static final int MAX_ENDPOINTS_PER_GROUP = 2_700;
  /** Each group costs 15 bytes of the client's constructor; 4,363 compiled. */
  static final int MAX_GROUPS = 3_000;
  /** A method takes 255 parameter slots, less {@code this}, the body and a long or double taking two each. */
  static final int MAX_PARAMS = 120;
  /** A string constant, or a name, is stored in at most 65,535 bytes of modified UTF-8. */
  static final int MAX_CONSTANT_BYTES = 65_535;
  /** And javac takes a string constant of at most 65,534 characters. */
  static final int MAX_CONSTANT_CHARS = 65_534;
  /** Most file systems hold at most 255 bytes in one file or folder name. */
  static final int MAX_FILE_NAME_BYTES = 255;

  private final Spec spec;
  private final Problems problems;

  private JavaLimits(Spec spec, Problems problems) {
    this.spec = spec;
    this.problems = problems;
  }

  static void check(Spec spec, Problems problems) {
    new JavaLimits(spec, problems).run();
  }

  private void run() {
    ApiInfo api = spec.api();
    String modelPackage = null;
    if (api != null) {
      checkApi(api);
      modelPackage = api.packageName() == null ? null : api.packageName() + ".model";
    }
    for (TypeDef type : spec.types()) {
      fileName(type.name() + ".class", type.location(), "type name '" + type.name() + "'");
      if (type instanceof TypeDef.ObjectDef object) {
        checkObject(object, modelPackage);
      } else if (type instanceof TypeDef.EnumDef enumDef) {
        checkEnum(enumDef);
      }
    }
    if (spec.groups().size() > MAX_GROUPS) {
      problems.add(spec.groups().get(MAX_GROUPS).location(), "the spec has " + spec.groups().size()
          + " groups; the client class can hold at most " + MAX_GROUPS + " accessors; merge groups");
    }
    for (GroupDef group : spec.groups()) {
      checkGroup(group);
    }
  }

  private void checkApi(ApiInfo api) {
    for (ApiInfo.HostDef host : api.hosts()) {
      constant(host.url(), host.location(), "the URL of host '" + host.name() + "'");
      constant(Symbols.hostSetter(host.name()), host.location(), "the builder method of host '" + host.name() + "'");
    }
    if (api.name() != null) {
      // the longest file of the API's own classes: the client's nested builder
      fileName(api.name() + "Client$Builder.class", api.location(), "api 'name' '" + api.name() + "'");
    }
    if (api.packageName() != null) {
      for (String segment : api.packageName().split("\\.")) {
        fileName(segment, api.location(), "the part '" + segment + "' of api 'package'");
      }
    }
    constant(api.baseUrl(), api.location(), "'baseUrl'");
    if (api.authHeader() != null) {
      // the builder's message names the credential's setter twice
      String credential = Symbols.credentialSetter(api);
      constant(credential + " is required; call " + credential + "(…) before build()", api.location(),
          "auth 'header'");
    }
    ApiInfo.JsonSettings json = api.json();
    if (json != null) {
      constant(json.contentType(), json.location(), "'contentType' of 'json'");
      constant(json.codeField(), json.location(), "'code' of 'envelope'");
      constant(json.messageField(), json.location(), "'message' of 'envelope'");
      constant(json.dataField(), json.location(), "'data' of 'envelope'");
    }
    ApiInfo.ProtobufSettings protobuf = api.protobuf();
    if (protobuf != null) {
      constant(protobuf.contentType(), protobuf.location(), "'contentType' of 'protobuf'");
      constant(protobuf.statusField(), protobuf.location(), "'field' of 'status'");
      constant(protobuf.codeField(), protobuf.location(), "'code' of 'status'");
      constant(protobuf.messageField(), protobuf.location(), "'message' of 'status'");
    }
  }

  private void checkObject(TypeDef.ObjectDef object, String modelPackage) {
    if (object.fields().size() > MAX_FIELDS) {
      problems.add(object.fields().get(MAX_FIELDS).location(), "type '" + object.name() + "' has "
          + object.fields().size() + " fields; a Java record can have at most " + MAX_FIELDS + " (its constructor"
          + " takes 255 parameters, two of them the unknown properties and 'this'); split it into nested types");
    }
    // the canonical constructor's generic signature names the type of every component
    long signature = "(Ljava/util/Map<Ljava/lang/String;Ljava/lang/Object;>;)V".length();
    for (TypeDef.FieldDef field : object.fields()) {
      String what = "field '" + field.wireName() + "' of type '" + object.name() + "'";
      constant(field.wireName() + " is required", field.location(), "the wire name of " + what);
      constant(Symbols.fieldName(field), field.location(), "the Java name of " + what);
      signature += modelPackage == null ? 0 : signatureBytes(field.type(), modelPackage);
    }
    if (signature > MAX_CONSTANT_BYTES) {
      problems.add(object.location(), "the types of the fields of type '" + object.name() + "' take " + signature
          + " bytes in its constructor's signature; a class file holds at most " + MAX_CONSTANT_BYTES
          + "; use fewer fields or shorter type names");
    }
  }

  private void checkEnum(TypeDef.EnumDef enumDef) {
    int max = enumDef.intValued() ? MAX_INT_ENUM_VALUES : MAX_STRING_ENUM_VALUES;
    if (enumDef.values().size() > max) {
      problems.add(enumDef.values().get(max).location(), "enum '" + enumDef.name() + "' has "
          + enumDef.values().size() + " values; an enum of " + (enumDef.intValued() ? "int" : "string")
          + " values can have at most " + max + " (its generated code would be larger than a Java method may be);"
          + " split it, or use '" + (enumDef.intValued() ? "int32" : "string") + "' for the field");
    }
    for (TypeDef.EnumValue value : enumDef.values()) {
      String what = "value '" + value.name() + "' of enum '" + enumDef.name() + "'";
      constant(value.name(), value.location(), "the name of " + what);
      if (value.value() instanceof String text) {
        constant(text, value.location(), what);
      }
    }
  }

  private void checkGroup(GroupDef group) {
    fileName(Symbols.groupClassName(group) + ".class", group.location(), "group '" + group.name() + "'");
    constant(Symbols.groupAccessor(group), group.location(), "the accessor of group '" + group.name() + "'");
    if (group.endpoints().size() > MAX_ENDPOINTS_PER_GROUP) {
      problems.add(group.endpoints().get(MAX_ENDPOINTS_PER_GROUP).pathLocation(), "group '" + group.name()
          + "' has " + group.endpoints().size() + " endpoints; a group can have at most " + MAX_ENDPOINTS_PER_GROUP
          + " (its class's static initialiser would be larger than a Java method may be); split the group");
    }
    for (EndpointDef endpoint : group.endpoints()) {
      constant(endpoint.path(), endpoint.pathLocation(), "path");
      Location where = endpoint.nameLocation() == null ? endpoint.pathLocation() : endpoint.nameLocation();
      String method = Symbols.methodName(group, endpoint);
      constant(Symbols.asyncMethodName(method), where, "the method name of the endpoint");
      constant(Symbols.endpointConstant(method), where, "the constant of the endpoint");
      checkShapes(group, endpoint);
    }
  }

  /** What the constructs beyond the bodies put in generated code: parameters, media types, envelopes. */
  private void checkShapes(GroupDef group, EndpointDef endpoint) {
    if (endpoint.params().size() > MAX_PARAMS) {
      problems.add(endpoint.params().get(MAX_PARAMS).location(), "endpoint '" + endpoint.path() + "' has "
          + endpoint.params().size() + " parameters; a Java method takes at most " + MAX_PARAMS
          + " of them here; put them in a request body");
    }
    for (EndpointDef.ParamDef param : endpoint.params()) {
      constant(param.wireName(), param.location(), "the name of parameter");
      constant(Symbols.paramName(param), param.location(), "the Java name of parameter");
    }
    for (EndpointDef.Body body : new EndpointDef.Body[] {endpoint.request(), endpoint.response()}) {
      if (body instanceof EndpointDef.TextBody text) {
        constant(text.contentType(), text.location(), "the media type");
      } else if (body instanceof EndpointDef.BytesBody bytes) {
        constant(bytes.contentType(), bytes.location(), "the media type");
      }
    }
    EndpointDef.EnvelopeDef envelope = group.envelope(endpoint);
    if (envelope != null && !envelope.none()) {
      for (String field : new String[] {envelope.codeField(), envelope.messageField(), envelope.dataField()}) {
        constant(field, envelope.location(), "a field name of the envelope");
      }
    }
  }

  /** A text that generated code holds as a string constant or a name. */
  private void constant(String text, Location location, String what) {
    if (text == null || text.length() * 3L <= MAX_CONSTANT_BYTES) {
      return;
    }
    long bytes = modifiedUtf8Length(text);
    if (bytes > MAX_CONSTANT_BYTES || text.length() > MAX_CONSTANT_CHARS) {
      problems.add(location, what + " is " + text.length() + " characters long, " + bytes + " bytes in a class file;"
          + " a Java string constant holds at most " + MAX_CONSTANT_CHARS + " characters and " + MAX_CONSTANT_BYTES
          + " bytes; shorten it");
    }
  }

  /** A name that becomes a file or folder name. */
  private void fileName(String name, Location location, String what) {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_FILE_NAME_BYTES) {
      problems.add(location, what + " is too long: it would make the file or folder name '"
          + name.substring(0, Math.min(name.length(), 40)) + "…' of " + bytes + " bytes, and file systems hold at most "
          + MAX_FILE_NAME_BYTES + "; shorten it");
    }
  }

  /** The bytes of a type in a generic signature, such as {@code Ljava/util/List<Ldev/demo/model/Tag;>;}. */
  private static long signatureBytes(TypeRef type, String modelPackage) {
    if (type instanceof TypeRef.Scalar scalar) {
      return switch (scalar) {
        case STRING -> "Ljava/lang/String;".length();
        case INT32 -> "Ljava/lang/Integer;".length();
        case INT64 -> "Ljava/lang/Long;".length();
        case FLOAT64 -> "Ljava/lang/Double;".length();
        case BOOL -> "Ljava/lang/Boolean;".length();
        case JSON -> "Lcom/fasterxml/jackson/databind/JsonNode;".length();
      };
    }
    if (type instanceof TypeRef.Named named) {
      return modifiedUtf8Length("L" + modelPackage + "." + named.name() + ";");
    }
    if (type instanceof TypeRef.ListOf list) {
      return "Ljava/util/List<>;".length() + signatureBytes(list.element(), modelPackage);
    }
    TypeRef.MapOf map = (TypeRef.MapOf) type;
    return "Ljava/util/Map<Ljava/lang/String;>;".length() + signatureBytes(map.value(), modelPackage);
  }

  /** The length in the class file's encoding: U+0000 takes two bytes, a supplementary character six. */
  static long modifiedUtf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes;
  }
}
