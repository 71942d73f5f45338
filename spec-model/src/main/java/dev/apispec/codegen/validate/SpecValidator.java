package dev.apispec.codegen.validate;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.apispec.codegen.diagnostics.DidYouMean;
import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import dev.apispec.codegen.naming.JavaNames;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Checks what {@link dev.apispec.codegen.spec.SpecReader} cannot see in one key at a time: that
 * names resolve and do not clash, that paths fit their groups, and that protobuf messages exist.
 */
public final class SpecValidator {
  private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern CONSTANT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");
  /** Methods without parameters that every class has; a generated method of that name would not compile. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("getClass", "hashCode", "toString", "clone", "finalize", "notify", "notifyAll", "wait");
  /**
   * The java.lang classes that generated model classes name without an import: a model class of the same
   * name, in the same package, would silently take their place.
   */
  private static final Set<String> JAVA_LANG_IN_MODEL =
      Set.of("String", "Integer", "Long", "Double", "Boolean", "Object", "Override");

  private final Spec spec;
  private final ProtoCatalog protos;
  private final Problems problems;
  private final Map<String, TypeDef> types = new LinkedHashMap<>();
  private final ShapeChecks shapes;

  private SpecValidator(Spec spec, ProtoCatalog protos, Problems problems) {
    this.spec = spec;
    this.protos = protos == null ? ProtoCatalog.empty() : protos;
    this.problems = problems;
    this.shapes = new ShapeChecks(spec, types, problems);
  }

  /**
   * Validates a spec. {@code protos} is the catalog of the compiled {@code .proto} files, or
   * {@code null} when none were given.
   */
  public static void validate(Spec spec, ProtoCatalog protos, Problems problems) {
    new SpecValidator(spec, protos, problems).run(protos != null);
  }

  private void run(boolean haveProtos) {
    if (spec.api() != null) {
      checkApi(spec.api());
    }
    for (TypeDef type : spec.types()) {
      TypeDef previous = types.putIfAbsent(type.name(), type);
      if (previous != null) {
        problems.add(type.location(), "type '" + type.name() + "' is declared again (first at "
            + previous.location() + ")");
      }
      if (!TYPE_NAME.matcher(type.name()).matches() || SourceVersion.isKeyword(type.name())) {
        problems.add(type.location(), "type name '" + type.name()
            + "' must be a Java class name in UpperCamelCase (letters and digits, starting with a capital)");
      } else if (JAVA_LANG_IN_MODEL.contains(type.name())) {
        problems.add(type.location(), "type name '" + type.name() + "' would hide java.lang." + type.name()
            + ", which the generated model classes use; choose another name");
      }
    }
    for (TypeDef type : spec.types()) {
      if (type instanceof TypeDef.ObjectDef object) {
        checkObject(object);
      } else if (type instanceof TypeDef.EnumDef enumDef) {
        checkEnum(enumDef);
      }
    }
    checkGroups(haveProtos);
    ValueChecks.check(spec, types, problems);
    JavaLimits.check(spec, problems);
    ReservedNames.check(spec, haveProtos ? protos : null, problems);
  }

  private void checkApi(ApiInfo api) {
    if (api.name() != null && !TYPE_NAME.matcher(api.name()).matches()) {
      problems.add(api.location(), "api 'name' '" + api.name()
          + "' must be UpperCamelCase letters and digits; it prefixes class names such as " + api.name() + "Client");
    }
    // javac ignores some characters in names (a soft hyphen, C1 controls): the classes would land in another package
    if (api.packageName() != null && (!SourceVersion.isName(api.packageName())
        || api.packageName().codePoints().anyMatch(Character::isIdentifierIgnorable))) {
      problems.add(api.location(), "api 'package' '" + api.packageName() + "' is not a Java package name");
    }
    if (api.baseUrl() != null) {
      checkBaseUrl(api.baseUrl(), api.location(), "'baseUrl'", problems);
    }
    if (api.authHeader() != null && !HEADER_NAME.matcher(api.authHeader()).matches()) {
      problems.add(api.location(), "auth 'header' '" + api.authHeader() + "' is not a valid HTTP header name");
    } else if (api.authHeader() != null && Symbols.BUILDER_METHODS.contains(Symbols.credentialSetter(api))) {
      problems.add(api.location(), "auth 'header' '" + api.authHeader() + "' would become the builder method '"
          + Symbols.credentialSetter(api) + "(String)', which the builder has already for another setting");
    }
    shapes.checkHosts(api);
    checkVersionAndLicense(api);
  }

  /** What only the OpenAPI export uses: a version that says something, a license URL that is one. */
  private void checkVersionAndLicense(ApiInfo api) {
    if (api.version() != null && api.version().isBlank()) {
      problems.add(api.location(), "api 'version' is empty; give the API's version, such as \"1.0\", or leave it out");
    }
    ApiInfo.License license = api.license();
    if (license == null) {
      return;
    }
    if (license.url() != null) {
      URI uri = null;
      try {
        uri = new URI(license.url());
      } catch (URISyntaxException e) {
        // reported below
      }
      if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        problems.add(license.location(), "license 'url' '" + license.url() + "' must be an absolute http or https URL");
      }
    }
  }

  private void checkObject(TypeDef.ObjectDef object) {
    Map<String, TypeDef.FieldDef> javaNames = new HashMap<>();
    for (TypeDef.FieldDef field : object.fields()) {
      String javaName = Symbols.fieldName(field);
      if (field.javaName() != null && !JavaNames.isLegal(field.javaName())) {
        problems.add(field.location(), "'javaName' '" + field.javaName() + "' of field '" + field.wireName()
            + "' is not a legal Java name");
      } else if (JavaNames.isReservedComponent(javaName)) {
        problems.add(field.location(), "field '" + field.wireName() + "' of type '" + object.name()
            + "' would be named '" + javaName + "', which generated records reserve; "
            + (field.javaName() == null ? "set 'javaName'" : "choose another 'javaName'"));
      }
      TypeDef.FieldDef clash = javaNames.putIfAbsent(javaName, field);
      if (clash != null) {
        problems.add(field.location(), "fields '" + clash.wireName() + "' and '" + field.wireName()
            + "' of type '" + object.name() + "' both become '" + javaName + "' in Java; set 'javaName' on one");
      }
      checkRef(field.type(), field.typeLocation());
      if (field.commaSeparated() && !isScalarList(field.type())) {
        problems.add(field.formatLocation(), "'format: comma-separated' needs a list of scalars or enums, not '"
            + field.type() + "'");
      }
      shapes.checkFieldFormat(field);
      if (field.example() != null) {
        checkExample(field);
      }
    }
  }

  private boolean isScalarList(TypeRef type) {
    if (!(type instanceof TypeRef.ListOf list)) {
      return false;
    }
    if (list.element() instanceof TypeRef.Scalar scalar) {
      return scalar != TypeRef.Scalar.JSON;
    }
    return list.element() instanceof TypeRef.Named named
        && (types.get(named.name()) instanceof TypeDef.EnumDef || spec.mayBeUnread(named.name()));
  }

  /** A base URL (the API's or a host's): an absolute http or https URL without query or fragment. */
  static void checkBaseUrl(String url, Location location, String what, Problems problems) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getQuery() != null || uri.getFragment() != null) {
        problems.add(location, what + " '" + url + "' must be an absolute http or https URL without query or"
            + " fragment");
      }
    } catch (URISyntaxException e) {
      problems.add(location, what + " is not a URL: " + e.getMessage());
    }
  }

  /** Whether an example (of a field or a parameter) is a value of {@code type}; other types take anything. */
  static boolean exampleFits(Object example, TypeRef type, Map<String, TypeDef> types) {
    if (type == TypeRef.Scalar.STRING) {
      return example instanceof String;
    } else if (type == TypeRef.Scalar.INT32 || type == TypeRef.Scalar.INT64) {
      return example instanceof Long;
    } else if (type == TypeRef.Scalar.FLOAT64) {
      return example instanceof Number;
    } else if (type == TypeRef.Scalar.BOOL) {
      return example instanceof Boolean;
    } else if (type instanceof TypeRef.Named named && types.get(named.name()) instanceof TypeDef.EnumDef e) {
      return e.intValued() ? example instanceof Long : example instanceof String;
    }
    return true;
  }

  private void checkExample(TypeDef.FieldDef field) {
    Object example = field.example();
    TypeRef type = field.type();
    boolean ok = field.format() == TypeDef.Format.STRING && example instanceof String text
        && type != TypeRef.Scalar.STRING ? ShapeChecks.isNumber(text, type) : exampleFits(example, type, types);
    if (!ok) {
      problems.add(field.location(), "the 'example' of field '" + field.wireName() + "' does not match its type '"
          + type + "'" + (example instanceof Long && type == TypeRef.Scalar.STRING ? "; quote it" : ""));
    }
  }

  private void checkRef(TypeRef type, Location location) {
    if (type instanceof TypeRef.ListOf list) {
      checkRef(list.element(), location);
    } else if (type instanceof TypeRef.MapOf map) {
      checkRef(map.value(), location);
    } else if (type instanceof TypeRef.Named named && !types.containsKey(named.name())
        && !spec.mayBeUnread(named.name())) {
      // A misspelt built-in ("strin", "int") is as likely as a misspelt type of the spec.
      List<String> known = new ArrayList<>(types.keySet());
      Arrays.stream(TypeRef.Scalar.values()).map(TypeRef.Scalar::specName).forEach(known::add);
      problems.add(location, "unknown type '" + named.name() + "'" + suggestion(named.name(), known));
    }
  }

  private void checkEnum(TypeDef.EnumDef enumDef) {
    Map<Object, TypeDef.EnumValue> byValue = new HashMap<>();
    for (TypeDef.EnumValue value : enumDef.values()) {
      if (!CONSTANT_NAME.matcher(value.name()).matches()) {
        problems.add(value.location(), "enum constant '" + value.name() + "' of '" + enumDef.name()
            + "' must be UPPER_SNAKE_CASE");
      }
      TypeDef.EnumValue clash = byValue.putIfAbsent(value.value(), value);
      if (clash != null) {
        problems.add(value.location(), "'" + value.name() + "' repeats the value " + value.value() + " of '"
            + clash.name() + "' in enum '" + enumDef.name() + "'");
      }
    }
  }

  private void checkGroups(boolean haveProtos) {
    Map<String, GroupDef> accessors = new HashMap<>();
    Map<String, GroupDef> classes = new HashMap<>();
    Map<String, EndpointDef> routes = new HashMap<>();
    boolean usesEnvelope = false;
    boolean usesProtobuf = false;
    Location firstEnvelope = null;
    Location firstProtobuf = null;
    for (GroupDef group : spec.groups()) {
      String accessor = Symbols.groupAccessor(group);
      GroupDef clash = accessors.putIfAbsent(accessor, group);
      if (clash != null) {
        problems.add(group.location(), "groups '" + clash.name() + "' and '" + group.name()
            + "' both become the accessor '" + accessor + "()'");
      } else if (OBJECT_METHODS.contains(accessor) || Symbols.CLIENT_MEMBERS.contains(accessor)
          || (spec.api() != null && accessor.equals(Symbols.withCredential(spec.api())))) {
        problems.add(group.location(), "group '" + group.name() + "' would become the accessor '" + accessor
            + "()', which the client has already; rename the group");
      } else {
        // Case mapping is not one to one ('ß' becomes 'SS'), so different accessors can still share a class.
        String className = Symbols.groupClassName(group);
        GroupDef sameClass = classes.putIfAbsent(className, group);
        if (sameClass != null) {
          problems.add(group.location(), "groups '" + sameClass.name() + "' and '" + group.name()
              + "' both become the class '" + className + "'; rename one");
        }
      }
      shapes.checkSettings(group.settings(), "group '" + group.name() + "'");
      if (group.prefix() != null && !(group.prefix().startsWith("/") && group.prefix().endsWith("/"))) {
        problems.add(group.prefixLocation(), "'prefix' '" + group.prefix() + "' must start and end with '/'");
      }
      Map<String, EndpointDef> methods = new HashMap<>();
      Map<String, EndpointDef> constants = new HashMap<>();
      for (EndpointDef endpoint : group.endpoints()) {
        String path = endpoint.path();
        if (!path.startsWith("/")) {
          problems.add(endpoint.pathLocation(), "path '" + path + "' must start with '/'");
        } else if (!PATH.matcher(ShapeChecks.withoutPlaceholders(path)).matches()) {
          problems.add(endpoint.pathLocation(), "path '" + path
              + "' has characters a path may not hold (spaces, '?', '#', …)");
        } else if (group.prefix() != null && !path.startsWith(group.prefix())) {
          problems.add(endpoint.pathLocation(), "path '" + path + "' does not start with the prefix '"
              + group.prefix() + "' of group '" + group.name() + "'");
        } else if (group.prefix() != null && endpoint.name() == null && path.length() == group.prefix().length()) {
          problems.add(endpoint.pathLocation(), "path '" + path + "' is the group's prefix itself; set 'name'");
        }
        // the same method and path may live on two hosts
        String host = group.host(endpoint);
        EndpointDef sameRoute = routes.putIfAbsent(host + " " + endpoint.method() + " " + path, endpoint);
        if (sameRoute != null) {
          problems.add(endpoint.pathLocation(), "duplicate endpoint " + endpoint.method() + " " + path
              + (host == null ? "" : " on host '" + host + "'") + " (first at " + sameRoute.pathLocation() + ")");
        }
        String method = Symbols.methodName(group, endpoint);
        if (endpoint.name() != null && !JavaNames.isLegal(endpoint.name())) {
          problems.add(endpoint.nameLocation(), "'name' '" + endpoint.name() + "' is not a legal Java method name");
        }
        // One clash per endpoint is enough: a repeated route or name also repeats the Async twin.
        boolean clashReported = sameRoute != null;
        for (String javaMethod : List.of(method, Symbols.asyncMethodName(method))) {
          EndpointDef sameMethod = methods.putIfAbsent(javaMethod, endpoint);
          if (sameMethod != null && !clashReported) {
            problems.add(endpoint.pathLocation(), "endpoints '" + sameMethod.path() + "' and '" + path
                + "' of group '" + group.name() + "' both become the method '" + javaMethod + "'; set 'name'");
            clashReported = true;
          }
        }
        String constant = Symbols.endpointConstant(method);
        EndpointDef sameConstant = constants.putIfAbsent(constant, endpoint);
        if (sameConstant != null && !clashReported) {
          problems.add(endpoint.pathLocation(), "endpoints '" + sameConstant.path() + "' and '" + path
              + "' of group '" + group.name() + "' both become the constant '" + constant + "'; set 'name'");
        }
        shapes.checkEndpoint(group, endpoint);
        if (endpoint.request() == null && endpoint.params().isEmpty() && OBJECT_METHODS.contains(method)) {
          problems.add(endpoint.pathLocation(), "endpoint '" + path + "' would become the method '" + method
              + "()', which every Java object has; set 'name'");
        }
        for (EndpointDef.Body body : new EndpointDef.Body[] {endpoint.request(), endpoint.response()}) {
          if (body instanceof EndpointDef.JsonBody json) {
            TypeDef type = types.get(json.typeName());
            if (type == null && spec.mayBeUnread(json.typeName())) {
              // its declaration's problem is reported
            } else if (type == null) {
              problems.add(json.location(), "unknown type '" + json.typeName() + "'"
                  + BodyHints.forJson(json.typeName(), types.keySet(), protos));
            } else if (!(type instanceof TypeDef.ObjectDef)) {
              problems.add(json.location(), "'" + json.typeName() + "' is an enum; a JSON body must be an object type");
            }
          } else if (body instanceof EndpointDef.ProtobufBody proto) {
            usesProtobuf = true;
            firstProtobuf = firstProtobuf == null ? proto.location() : firstProtobuf;
            checkProto(proto, haveProtos, body == endpoint.response());
          }
        }
        boolean readsEnvelope = endpoint.response() == null || endpoint.response() instanceof EndpointDef.JsonBody
            || endpoint.response() instanceof EndpointDef.CodesBody;
        if (readsEnvelope && group.envelope(endpoint) == null) {
          usesEnvelope = true;
          firstEnvelope = firstEnvelope == null ? endpoint.location() : firstEnvelope;
        }
      }
    }
    if (spec.api() != null) {
      if (usesEnvelope && spec.api().json() == null) {
        problems.add(firstEnvelope, "this endpoint reads a JSON envelope, but 'api' declares no 'json' envelope"
            + " (declare one, or give the endpoint or its group an 'envelope')");
      }
      if (usesProtobuf && spec.api().protobuf() == null) {
        problems.add(firstProtobuf, "this endpoint speaks protobuf, but 'api' declares no 'protobuf' status");
      }
    }
  }

  private void checkProto(EndpointDef.ProtobufBody body, boolean haveProtos, boolean isResponse) {
    if (protos.isUnreadable()) {
      return; // the descriptor set's own problem says what to fix
    }
    if (!haveProtos) {
      problems.add(body.location(), "protobuf message '" + body.messageName()
          + "' cannot be checked: no descriptor set was given (set the plugin's 'descriptorSet')");
      return;
    }
    ProtoCatalog.Message message = protos.find(body.messageName());
    if (message == null) {
      problems.add(body.location(), "protobuf message '" + body.messageName()
          + "' does not exist in the compiled .proto files" + BodyHints.forProtobuf(body.messageName(), types.keySet(),
          protos));
      return;
    }
    ApiInfo.ProtobufSettings status = spec.api() == null ? null : spec.api().protobuf();
    // A status whose field names could not be read is reported where it is declared.
    if (isResponse && status != null && status.statusField() != null) {
      FieldDescriptorProto field = message.fields().get(status.statusField());
      if (field == null || field.getType() != FieldDescriptorProto.Type.TYPE_MESSAGE) {
        problems.add(body.location(), "protobuf message '" + body.messageName() + "' has no message field '"
            + status.statusField() + "' to hold the status");
        return;
      }
      ProtoCatalog.Message statusMessage = protos.find(field.getTypeName());
      if (statusMessage != null) {
        if (status.codeField() != null && !statusMessage.fields().containsKey(status.codeField())) {
          problems.add(body.location(), "status message '" + statusMessage.fullName() + "' has no field '"
              + status.codeField() + "'");
        }
        if (status.messageField() != null && !statusMessage.fields().containsKey(status.messageField())) {
          problems.add(body.location(), "status message '" + statusMessage.fullName() + "' has no field '"
              + status.messageField() + "'");
        }
      }
    }
  }

  /** "; did you mean 'ChatType'?" when a known name is close, else "". */
  static String suggestion(String wanted, Iterable<String> known) {
    return DidYouMean.suggestion(wanted, known);
  }
}
