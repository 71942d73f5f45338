package dev.apispec.codegen.validate;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the constructs that say how an endpoint travels beyond its bodies: credentials, hosts, envelopes,
 * parameters, answers carried by the code, text and byte bodies, and the wire formats of fields.
 */
final class ShapeChecks {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]*)}");
  private static final Pattern HOST_NAME = Pattern.compile("[a-z][A-Za-z0-9-]*");
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");
  /** Headers the transport sets itself; a declared parameter of that name would be overwritten or refused. */
  private static final Set<String> TRANSPORT_HEADERS =
      Set.of("content-type", "accept", "content-length", "host", "connection", "expect", "upgrade");

  private final Spec spec;
  private final Map<String, TypeDef> types;
  private final Problems problems;

  ShapeChecks(Spec spec, Map<String, TypeDef> types, Problems problems) {
    this.spec = spec;
    this.types = types;
    this.problems = problems;
  }

  /** {@code path} with each {@code {name}} replaced by a plain segment, to check the rest as a path. */
  static String withoutPlaceholders(String path) {
    return PLACEHOLDER.matcher(path).replaceAll("p");
  }

  /** The names of the {@code {name}} placeholders of {@code path}, in order. */
  static List<String> placeholders(String path) {
    List<String> names = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(path);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  void checkHosts(ApiInfo api) {
    Map<String, ApiInfo.HostDef> setters = new HashMap<>();
    for (ApiInfo.HostDef host : api.hosts()) {
      if (!HOST_NAME.matcher(host.name()).matches()) {
        problems.add(host.location(), "host name '" + host.name()
            + "' must be lower camel case letters, digits and '-' (it names the builder method "
            + Symbols.hostSetter(host.name()) + ")");
        continue;
      }
      String setter = Symbols.hostSetter(host.name());
      ApiInfo.HostDef clash = setters.putIfAbsent(setter, host);
      if (clash != null || Symbols.BUILDER_METHODS.contains(setter) || setter.equals(Symbols.credentialSetter(api))) {
        problems.add(host.location(), "host '" + host.name() + "' would become the builder method '" + setter
            + "(URI)', which the builder has already" + (clash == null ? "" : " for host '" + clash.name() + "'"));
      }
      SpecValidator.checkBaseUrl(host.url(), host.location(), "the URL of host '" + host.name() + "'", problems);
    }
  }

  /** The 'auth', 'host' and 'envelope' of a group or an endpoint, each on its own. */
  void checkSettings(EndpointDef.Settings settings, String owner) {
    ApiInfo api = spec.api();
    if (api == null) {
      return;
    }
    if (settings.auth() == EndpointDef.Auth.REQUIRED && api.authHeader() == null) {
      problems.add(settings.authLocation(), owner + " needs a credential, but 'api' declares no 'auth'");
    }
    if (settings.host() != null && api.host(settings.host()) == null) {
      problems.add(settings.hostLocation(), "unknown host '" + settings.host() + "'"
          + (api.hosts().isEmpty() ? "; declare it under 'hosts' of 'api'"
              : SpecValidator.suggestion(settings.host(), api.hosts().stream().map(ApiInfo.HostDef::name).toList())));
    }
    EndpointDef.EnvelopeDef envelope = settings.envelope();
    if (envelope != null && envelope.messageOnly() && envelope.dataField() != null) {
      problems.add(envelope.location(), "an 'envelope' without 'code' holds a message only; remove 'data'");
    }
  }

  void checkEndpoint(GroupDef group, EndpointDef endpoint) {
    String what = "endpoint '" + endpoint.path() + "'";
    checkSettings(endpoint.settings(), what);
    EndpointDef.EnvelopeDef envelope = group.envelope(endpoint);
    EndpointDef.Body response = endpoint.response();
    if (endpoint.settings().envelope() != null && !(response == null || response instanceof EndpointDef.JsonBody
        || response instanceof EndpointDef.CodesBody)) {
      problems.add(endpoint.settings().envelope().location(), "'envelope' applies to JSON answers only, and "
          + what + " answers " + describe(response) + "; remove it");
    }
    if (envelope != null && (response == null || response instanceof EndpointDef.JsonBody
        || response instanceof EndpointDef.CodesBody)) {
      Location at = response == null ? endpoint.location() : response.location();
      if (envelope.none() && response == null) {
        problems.add(at, what + " has 'envelope: none' and no response, so nothing says what it answers; give it"
            + " a 'response' (json, text or bytes)");
      } else if (envelope.none() && response instanceof EndpointDef.CodesBody) {
        problems.add(at, "'codes' needs an envelope with a code, and " + what + " has 'envelope: none'");
      } else if (envelope.messageOnly() && response instanceof EndpointDef.CodesBody) {
        problems.add(at, "'codes' needs an envelope with a code, and the envelope of " + what
            + " holds a message only");
      } else if (envelope.messageOnly() && envelope.dataField() == null
          && response instanceof EndpointDef.JsonBody) {
        problems.add(at, what + " answers data, but its envelope holds a message only; give it a 'code' and"
            + " 'success' (then, without 'data', the payload sits beside them), or 'envelope: none'");
      }
    }
    for (EndpointDef.Body body : new EndpointDef.Body[] {endpoint.request(), response}) {
      String contentType = body instanceof EndpointDef.TextBody text ? text.contentType()
          : body instanceof EndpointDef.BytesBody bytes ? bytes.contentType() : null;
      if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
        problems.add(body.location(), "'" + contentType + "' is not a media type such as text/plain or"
            + " application/octet-stream");
      }
    }
    if (response instanceof EndpointDef.CodesBody codes) {
      checkCodes(endpoint, codes);
    }
    checkParams(endpoint);
  }

  private static String describe(EndpointDef.Body body) {
    if (body instanceof EndpointDef.ProtobufBody) {
      return "protobuf";
    }
    return body instanceof EndpointDef.TextBody ? "text" : "bytes";
  }

  private void checkCodes(EndpointDef endpoint, EndpointDef.CodesBody codes) {
    Set<Long> answerCodes = new LinkedHashSet<>();
    if (codes.isBoolean()) {
      boolean anyTrue = false;
      boolean anyFalse = false;
      for (EndpointDef.CodeAnswer answer : codes.answers()) {
        if (!answerCodes.add(answer.code())) {
          problems.add(answer.location(), "code " + answer.code() + " is given twice");
        }
        if (answer.code() < Integer.MIN_VALUE || answer.code() > Integer.MAX_VALUE) {
          problems.add(answer.location(), "code " + answer.code() + " does not fit in an int");
        }
        anyTrue |= answer.value();
        anyFalse |= !answer.value();
      }
      if (!anyTrue || !anyFalse) {
        problems.add(codes.location(), "'codes' must map at least one code to true and one to false; the answer"
            + " is a boolean");
      }
    } else {
      TypeDef type = types.get(codes.enumName());
      if (type == null && spec.mayBeUnread(codes.enumName())) {
        return;
      }
      if (!(type instanceof TypeDef.EnumDef enumDef) || !enumDef.intValued()) {
        problems.add(codes.location(), type == null ? "unknown type '" + codes.enumName() + "'"
            + SpecValidator.suggestion(codes.enumName(), types.keySet())
            : "'" + codes.enumName() + "' is not an int enum; 'codes' names an int enum whose values are the"
            + " answers, or maps codes to true and false");
        return;
      }
      enumDef.values().forEach(value -> answerCodes.add((Long) value.value()));
    }
    for (EndpointDef.ErrorDef error : endpoint.errors()) {
      if (answerCodes.contains(error.code())) {
        problems.add(codes.location(), "code " + error.code() + " is both an answer in 'codes' and a documented"
            + " error of endpoint '" + endpoint.path() + "'");
      }
    }
  }

  private void checkParams(EndpointDef endpoint) {
    String what = "endpoint '" + endpoint.path() + "'";
    List<String> placeholders = placeholders(endpoint.path());
    Set<String> pathParams = new LinkedHashSet<>();
    Map<String, EndpointDef.ParamDef> javaNames = new HashMap<>();
    Map<String, EndpointDef.ParamDef> headers = new HashMap<>();
    ApiInfo api = spec.api();
    for (EndpointDef.ParamDef param : endpoint.params()) {
      String name = "parameter '" + param.wireName() + "'";
      String javaName = Symbols.paramName(param);
      if (param.javaName() != null && !JavaNames.isLegal(param.javaName())) {
        problems.add(param.location(), "'javaName' '" + param.javaName() + "' of " + name
            + " is not a legal Java name");
      } else if (param.javaName() != null && !Character.isLowerCase(param.javaName().codePointAt(0))) {
        // an upper-case name could hide a class (Objects, Params) or constant the method body names
        problems.add(param.location(), "'javaName' '" + param.javaName() + "' of " + name
            + " must start with a lower-case letter");
      } else if (Symbols.RESERVED_PARAMETERS.contains(javaName)) {
        problems.add(param.location(), name + " would be named '" + javaName + "', which the generated method"
            + " uses itself; " + (param.javaName() == null ? "set 'javaName'" : "choose another 'javaName'"));
      }
      EndpointDef.ParamDef clash = javaNames.putIfAbsent(javaName, param);
      if (clash != null) {
        problems.add(param.location(), "parameters '" + clash.wireName() + "' and '" + param.wireName() + "' of "
            + what + " both become '" + javaName + "' in Java; set 'javaName' on one");
      }
      switch (param.in()) {
        case PATH -> {
          pathParams.add(param.wireName());
          if (!param.required()) {
            problems.add(param.location(), "path " + name + " cannot be optional: the path needs a value");
          }
          if (!placeholders.contains(param.wireName())) {
            problems.add(param.location(), "path " + name + " is not in the path '" + endpoint.path()
                + "'; write '{" + param.wireName() + "}' where it goes");
          }
        }
        case HEADER -> {
          String lower = param.wireName().toLowerCase(Locale.ROOT);
          if (!SpecValidator.HEADER_NAME.matcher(param.wireName()).matches()) {
            problems.add(param.location(), "header " + name + " is not a valid HTTP header name");
          } else if (api != null && api.authHeader() != null && lower.equals(api.authHeader().toLowerCase(Locale.ROOT))) {
            problems.add(param.location(), "header " + name + " is the credential's header; the client sends it");
          } else if (TRANSPORT_HEADERS.contains(lower)) {
            problems.add(param.location(), "header " + name + " is set by the client itself");
          }
          EndpointDef.ParamDef sameHeader = headers.putIfAbsent(lower, param);
          if (sameHeader != null) {
            problems.add(param.location(), "headers '" + sameHeader.wireName() + "' and '" + param.wireName()
                + "' are the same header (names are case-insensitive)");
          }
        }
        case QUERY -> { }
      }
      checkParamType(param, name);
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String placeholder : placeholders) {
      if (!seen.add(placeholder)) {
        problems.add(endpoint.pathLocation(), "'{" + placeholder + "}' appears twice in the path '"
            + endpoint.path() + "'");
      } else if (!pathParams.contains(placeholder)) {
        problems.add(endpoint.pathLocation(), "'{" + placeholder + "}' in the path '" + endpoint.path()
            + "' is not declared; add it to 'params' with 'in: path'");
      }
    }
  }

  private void checkParamType(EndpointDef.ParamDef param, String name) {
    TypeRef type = param.type();
    boolean list = type instanceof TypeRef.ListOf;
    TypeRef element = list ? ((TypeRef.ListOf) type).element() : type;
    boolean ok;
    if (element instanceof TypeRef.Scalar scalar) {
      ok = scalar != TypeRef.Scalar.JSON;
    } else if (element instanceof TypeRef.Named named) {
      TypeDef def = types.get(named.name());
      if (def == null && !spec.mayBeUnread(named.name())) {
        problems.add(param.typeLocation(), "unknown type '" + named.name() + "'"
            + SpecValidator.suggestion(named.name(), types.keySet()));
        return;
      }
      ok = def == null || def instanceof TypeDef.EnumDef;
    } else {
      ok = false;
    }
    if (!ok) {
      problems.add(param.typeLocation(), name + " must be a scalar (not json) or an enum"
          + (param.in() == EndpointDef.In.QUERY ? ", or a list of them" : "") + ", not '" + type + "'");
    } else if (list && param.in() != EndpointDef.In.QUERY) {
      problems.add(param.typeLocation(), "only a query parameter may be a"
          + " list (sent as one name=value pair per element)");
    }
    if (param.example() != null && !SpecValidator.exampleFits(param.example(), element, types) && !list) {
      problems.add(param.location(), "the 'example' of " + name + " does not match its type '" + type + "'");
    }
  }

  /** Whether {@code text} is how a number of {@code type} is sent as a string ({@code format: string}). */
  static boolean isNumber(String text, TypeRef type) {
    try {
      if (type == TypeRef.Scalar.INT32) {
        Integer.parseInt(text);
      } else if (type == TypeRef.Scalar.INT64) {
        Long.parseLong(text);
      } else {
        return Double.isFinite(Double.parseDouble(text));
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  void checkFieldFormat(TypeDef.FieldDef field) {
    if (field.format() == TypeDef.Format.STRING && !(field.type() == TypeRef.Scalar.INT32
        || field.type() == TypeRef.Scalar.INT64 || field.type() == TypeRef.Scalar.FLOAT64)) {
      problems.add(field.formatLocation(), "'format: string' is for a number sent as a string (int32, int64 or"
          + " float64), not '" + field.type() + "'");
    }
  }
}
