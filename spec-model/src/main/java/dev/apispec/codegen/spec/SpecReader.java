package dev.apispec.codegen.spec;

import dev.apispec.codegen.diagnostics.DidYouMean;
import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import dev.apispec.codegen.util.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads spec files into a {@link Spec}, checking the shape of every key against the format
 * (docs/spec-format.md). Problems are collected, not thrown; cross-references are left to
 * {@link dev.apispec.codegen.validate.SpecValidator}.
 */
public final class SpecReader {
  private static final Set<String> TOP_KEYS = Set.of("api", "types", "groups");
  private static final Set<String> API_KEYS =
      Set.of("name", "package", "baseUrl", "doc", "version", "license", "auth", "json", "protobuf", "hosts");
  private static final Set<String> HOST_KEYS = Set.of("url", "doc");
  private static final Set<String> AUTH_KEYS = Set.of("header", "doc");
  private static final Set<String> LICENSE_KEYS = Set.of("name", "url");
  private static final Set<String> JSON_KEYS = Set.of("contentType", "envelope");
  private static final Set<String> ENVELOPE_KEYS = Set.of("code", "message", "data", "success");
  private static final Set<String> PROTOBUF_KEYS = Set.of("contentType", "status");
  private static final Set<String> STATUS_KEYS = Set.of("field", "code", "message", "success");
  private static final Set<String> OBJECT_KEYS = Set.of("doc", "fields");
  private static final Set<String> ENUM_KEYS = Set.of("doc", "enum", "values");
  private static final Set<String> ENUM_VALUE_KEYS = Set.of("value", "doc");
  private static final Set<String> FIELD_KEYS =
      Set.of("type", "required", "doc", "example", "javaName", "format", "secret");
  private static final Set<String> GROUP_KEYS = Set.of("doc", "prefix", "endpoints", "auth", "host", "envelope");
  private static final Set<String> ENDPOINT_KEYS =
      Set.of("path", "method", "name", "doc", "request", "response", "errors", "deprecated", "retryable", "auth",
          "host", "envelope", "params");
  private static final Set<String> BODY_KEYS = Set.of("json", "protobuf", "text", "bytes");
  private static final Set<String> RESPONSE_KEYS = Set.of("json", "protobuf", "text", "bytes", "codes");
  private static final Set<String> PARAM_KEYS = Set.of("in", "type", "required", "doc", "example", "javaName");
  private static final Set<String> ERROR_KEYS = Set.of("code", "message", "doc");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final YamlReader yaml = new YamlReader();
  private final Problems problems;
  private final List<ApiInfo> apis = new ArrayList<>();
  private final List<TypeDef> types = new ArrayList<>();
  private final List<GroupDef> groups = new ArrayList<>();
  /** Whether a file could not be read at all; its sections are then unknown, not missing. */
  private boolean unreadable;
  /** Whether some file has an 'api' section, even one that could not be read. */
  private boolean apiDeclared;
  /** Types that are declared but could not be read; their problems are reported already. */
  private final Set<String> unreadableTypes = new HashSet<>();
  /** Whether a 'types' section could not be read at all, so that any type may be missing. */
  private boolean typesUnreadable;

  private SpecReader(Problems problems) {
    this.problems = problems;
  }

  /**
   * Reads a spec file, or every {@code .yaml}/{@code .yml} file of a folder (in name order).
   * Returns the spec read so far; the caller checks {@code problems}.
   *
   * @param displayRoot the folder file names are shown relative to
   */
  public static Spec read(Path specPath, Path displayRoot, Problems problems) {
    SpecReader reader = new SpecReader(problems);
    List<Path> files = specFiles(specPath, displayRoot, problems);
    reader.unreadable = files.isEmpty();
    for (Parsed file : parseAll(reader.yaml, files, displayRoot)) {
      problems.addAll(file.problems());
      if (file.root() != null) {
        reader.readRoot(file.name(), file.root());
      } else {
        reader.unreadable = true;
      }
    }
    return reader.finish(files.isEmpty() ? display(displayRoot, specPath) : display(displayRoot, files.get(0)));
  }

  /** Reads one spec document given as text; for tests and tools. */
  public static Spec readText(String fileName, String text, Problems problems) {
    SpecReader reader = new SpecReader(problems);
    reader.readDocument(fileName, text);
    return reader.finish(fileName);
  }

  private Spec finish(String firstFile) {
    ApiInfo api = null;
    if (apis.isEmpty()) {
      if (!unreadable && !apiDeclared) {
        problems.add(new Location(firstFile, 1, 1), "no file of the spec has an 'api' section; add one");
      }
    } else {
      api = apis.get(0);
      for (ApiInfo other : apis.subList(1, apis.size())) {
        problems.add(other.location(), "'api' is declared again (first at " + api.location()
            + "); keep one 'api' section");
      }
    }
    return new Spec(api, List.copyOf(types), List.copyOf(groups), Set.copyOf(unreadableTypes),
        typesUnreadable || unreadable);
  }

  static List<Path> specFiles(Path specPath, Path displayRoot, Problems problems) {
    if (Files.isRegularFile(specPath)) {
      return List.of(specPath);
    }
    if (!Files.isDirectory(specPath) && Files.isSymbolicLink(specPath)) {
      problems.add(new Location(display(displayRoot, specPath), 1, 1), brokenLink(specPath));
      return List.of();
    }
    if (!Files.isDirectory(specPath)) {
      problems.add(new Location(display(displayRoot, specPath), 1, 1),
          "the spec does not exist; set 'spec' to a YAML file or a folder of them");
      return List.of();
    }
    reportBrokenLinks(specPath, displayRoot, problems);
    try (Stream<Path> listing = Files.list(specPath)) {
      List<Path> files = listing
          .filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".yaml") || n.endsWith(".yml");
          })
          .sorted()
          .toList();
      if (files.isEmpty()) {
        problems.add(new Location(display(displayRoot, specPath), 1, 1),
            "the folder holds no .yaml or .yml file");
      }
      return files;
    } catch (IOException e) {
      problems.add(new Location(display(displayRoot, specPath), 1, 1), "cannot list the folder: " + e.getMessage());
      return List.of();
    }
  }

  /**
   * Spec files that are links to nothing, or to themselves through other links, would be left out as not being
   * files: a part of the spec would go missing without a word.
   */
  private static void reportBrokenLinks(Path folder, Path displayRoot, Problems problems) {
    try (Stream<Path> listing = Files.list(folder)) {
      listing.filter(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isSymbolicLink(p) && !Files.exists(p);
      }).sorted().forEach(link -> problems.add(new Location(display(displayRoot, link), 1, 1), brokenLink(link)));
    } catch (IOException e) {
      // listing the folder again below reports it
    }
  }

  private static String brokenLink(Path link) {
    try {
      link.toRealPath();
      return "the link cannot be followed; make it point to a spec file";
    } catch (FileSystemException e) {
      boolean loop = e.getReason() != null && e.getReason().toLowerCase(Locale.ROOT).contains("levels of symbolic links");
      return loop ? "the link leads round in a loop of links; make it point to a spec file"
          : "the link points to '" + target(link) + "', which does not exist; fix or remove the link";
    } catch (IOException e) {
      return "the link cannot be followed (" + e.getMessage() + "); make it point to a spec file";
    }
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }

  static String display(Path root, Path file) {
    if (root != null) {
      try {
        Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        // a sibling module's file reads best as ../module/...; anything farther away as an absolute path
        int up = 0;
        while (up < relative.getNameCount() && relative.getName(up).toString().equals("..")) {
          up++;
        }
        if (up <= 1) {
          return relative.toString().replace('\\', '/');
        }
      } catch (IllegalArgumentException differentRoot) {
        // fall through to the absolute path
      }
    }
    return file.toAbsolutePath().normalize().toString();
  }

  private static String readText(Path file, String name, Problems problems) {
    try {
      // Not read at all when it cannot be within the limit: every code point takes at most 4 bytes of UTF-8.
      if (Files.size(file) > 4L * YamlReader.MAX_CODE_POINTS + 3) {
        problems.add(new Location(name, 1, 1), "the file is larger than " + (4L * YamlReader.MAX_CODE_POINTS)
            + " bytes, more than a spec file may hold; split the spec into several files");
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(new Location(name, 1, 1), "the file is not UTF-8 text");
    } catch (IOException e) {
      problems.add(new Location(name, 1, 1), "cannot read the file: " + e.getMessage());
    }
    return null;
  }

  /** A spec file parsed as YAML, with the problems found so far; {@code root} is null when it could not be read. */
  private record Parsed(String name, YamlNode root, Problems problems) {}

  /** Files with this many or more per thread are parsed on several threads. */
  private static final int FILES_PER_THREAD = 8;

  /**
   * Parses every file, on a few threads when there are many (a large spec is mostly many files of YAML, and
   * parsing them is independent); what the YAML means is read afterwards, in file order, on the caller's thread.
   */
  private static List<Parsed> parseAll(YamlReader yaml, List<Path> files, Path displayRoot) {
    try {
      return Parallel.map("apispec-reader", files, FILES_PER_THREAD, file -> {
        String name = display(displayRoot, file);
        Problems found = new Problems();
        String text = readText(file, name, found);
        return new Parsed(name, text == null ? null : yaml.read(name, text, found), found);
      });
    } catch (IOException e) {
      // readText and YamlReader report every IOException as a problem of its file
      throw new UncheckedIOException(e);
    }
  }

  private void readDocument(String file, String text) {
    YamlNode root = yaml.read(file, text, problems);
    if (root == null) {
      unreadable = true;
      return;
    }
    readRoot(file, root);
  }

  private void readRoot(String file, YamlNode root) {
    YamlNode.Mapping top = mapping(root, "a spec file");
    if (top == null) {
      unreadable = true;
      return;
    }
    checkKeys(top, TOP_KEYS, "a spec file");
    YamlNode api = top.get("api");
    if (api != null) {
      apiDeclared = true;
      readApi(api);
    }
    YamlNode typesNode = top.get("types");
    if (typesNode != null) {
      YamlNode.Mapping map = mapping(typesNode, "'types'");
      if (map != null) {
        for (YamlNode.Entry entry : map.entries()) {
          readType(entry);
        }
      } else {
        typesUnreadable = true;
      }
    }
    YamlNode groupsNode = top.get("groups");
    if (groupsNode != null) {
      YamlNode.Mapping map = mapping(groupsNode, "'groups'");
      if (map != null) {
        for (YamlNode.Entry entry : map.entries()) {
          readGroup(entry);
        }
      }
    }
  }

  private void readApi(YamlNode node) {
    YamlNode.Mapping api = mapping(node, "'api'");
    if (api == null) {
      return;
    }
    checkKeys(api, API_KEYS, "'api'");
    String name = requiredString(api, "name", "'api'");
    String packageName = requiredString(api, "package", "'api'");
    String baseUrl = requiredString(api, "baseUrl", "'api'");
    String doc = optionalString(api, "doc");
    String version = optionalString(api, "version");
    ApiInfo.License license = null;
    YamlNode licenseNode = api.get("license");
    if (licenseNode != null) {
      YamlNode.Mapping map = mapping(licenseNode, "'license'");
      if (map != null) {
        checkKeys(map, LICENSE_KEYS, "'license'");
        license = new ApiInfo.License(licenseNode.location(), requiredString(map, "name", "'license'"),
            optionalString(map, "url"));
      }
    }
    String authHeader = null;
    String authDoc = null;
    YamlNode authNode = api.get("auth");
    if (authNode != null) {
      YamlNode.Mapping auth = mapping(authNode, "'auth'");
      if (auth != null) {
        checkKeys(auth, AUTH_KEYS, "'auth'");
        authHeader = requiredString(auth, "header", "'auth'");
        authDoc = optionalString(auth, "doc");
      }
    }
    // 'json' and 'protobuf' count as declared even when they could not be read: their problems are reported
    // here, and the endpoints that need them must not be told they are missing. Their unread parts are null.
    ApiInfo.JsonSettings json = null;
    YamlNode jsonNode = api.get("json");
    if (jsonNode != null) {
      String contentType = null;
      String code = null;
      String message = null;
      String data = null;
      int success = 0;
      YamlNode.Mapping map = mapping(jsonNode, "'json'");
      if (map != null) {
        checkKeys(map, JSON_KEYS, "'json'");
        contentType = optionalString(map, "contentType");
        YamlNode envelopeNode = require(map, "envelope", "'json'");
        YamlNode.Mapping envelope = envelopeNode == null ? null : mapping(envelopeNode, "'envelope'");
        if (envelope != null) {
          checkKeys(envelope, ENVELOPE_KEYS, "'envelope'");
          code = requiredString(envelope, "code", "'envelope'");
          message = requiredString(envelope, "message", "'envelope'");
          data = requiredString(envelope, "data", "'envelope'");
          success = requiredInt(envelope, "success", "'envelope'");
        }
      }
      json = new ApiInfo.JsonSettings(jsonNode.location(), contentType == null ? "application/json" : contentType,
          code, message, data, success);
    }
    ApiInfo.ProtobufSettings protobuf = null;
    YamlNode protoNode = api.get("protobuf");
    if (protoNode != null) {
      String contentType = null;
      String field = null;
      String code = null;
      String message = null;
      int success = 0;
      YamlNode.Mapping map = mapping(protoNode, "'protobuf'");
      if (map != null) {
        checkKeys(map, PROTOBUF_KEYS, "'protobuf'");
        contentType = optionalString(map, "contentType");
        YamlNode statusNode = require(map, "status", "'protobuf'");
        YamlNode.Mapping status = statusNode == null ? null : mapping(statusNode, "'status'");
        if (status != null) {
          checkKeys(status, STATUS_KEYS, "'status'");
          field = requiredString(status, "field", "'status'");
          code = requiredString(status, "code", "'status'");
          message = requiredString(status, "message", "'status'");
          success = requiredInt(status, "success", "'status'");
        }
      }
      protobuf = new ApiInfo.ProtobufSettings(protoNode.location(),
          contentType == null ? "application/x-protobuf" : contentType, field, code, message, success);
    }
    apis.add(new ApiInfo(api.location(), name, packageName, baseUrl, doc, authHeader, authDoc, json, protobuf,
        readHosts(api.get("hosts")), version, license));
  }

  private void readType(YamlNode.Entry entry) {
    String what = "type '" + entry.key() + "'";
    YamlNode.Mapping type = mapping(entry.value(), what);
    if (type == null) {
      unreadableTypes.add(entry.key());
      return;
    }
    if (type.get("enum") != null) {
      readEnum(entry.key(), entry.keyLocation(), type, what);
    } else if (type.get("fields") != null) {
      readObject(entry.key(), entry.keyLocation(), type, what);
    } else {
      unreadableTypes.add(entry.key());
      problems.add(entry.keyLocation(), what + " needs 'fields' (an object type) or 'enum' (an enum)");
      reportUnknownTypeKeys(type, what);
    }
  }

  /** A type that is neither kind may have its kind's key misspelt: name every key that belongs to neither. */
  private void reportUnknownTypeKeys(YamlNode.Mapping type, String what) {
    Set<String> known = new TreeSet<>(OBJECT_KEYS);
    known.addAll(ENUM_KEYS);
    for (YamlNode.Entry key : type.entries()) {
      if (!known.contains(key.key())) {
        problems.add(key.keyLocation(), "unknown key '" + key.key() + "' in " + what
            + DidYouMean.suggestion(key.key(), known) + " (allowed: " + String.join(", ", known) + ")");
      }
    }
  }

  private void readObject(String name, Location location, YamlNode.Mapping type, String what) {
    checkKeys(type, OBJECT_KEYS, what);
    String doc = optionalString(type, "doc");
    List<TypeDef.FieldDef> fields = new ArrayList<>();
    YamlNode.Mapping fieldsNode = mapping(type.get("fields"), "'fields' of " + what);
    if (fieldsNode != null) {
      for (YamlNode.Entry entry : fieldsNode.entries()) {
        TypeDef.FieldDef field = readField(entry, what);
        if (field != null) {
          fields.add(field);
        }
      }
    }
    types.add(new TypeDef.ObjectDef(name, location, doc, List.copyOf(fields)));
  }

  private TypeDef.FieldDef readField(YamlNode.Entry entry, String owner) {
    String what = "field '" + entry.key() + "' of " + owner;
    YamlNode.Mapping field = mapping(entry.value(), what);
    if (field == null) {
      return null;
    }
    checkKeys(field, FIELD_KEYS, what);
    YamlNode typeNode = field.get("type");
    TypeRef type = typeRef(field, what);
    Location typeLocation = typeNode == null ? field.location() : typeNode.location();
    boolean required = optionalBoolean(field, "required", false);
    String doc = optionalString(field, "doc");
    Object example = example(field, what);
    String javaName = optionalString(field, "javaName");
    TypeDef.Format format = TypeDef.Format.PLAIN;
    Location formatLocation = null;
    YamlNode formatNode = field.get("format");
    if (formatNode != null) {
      formatLocation = formatNode.location();
      String text = string(formatNode, "'format' of " + what);
      TypeDef.Format named = text == null ? null : TypeDef.Format.bySpecName(text);
      if (named != null) {
        format = named;
      } else if (text != null) {
        problems.add(formatNode.location(), "unknown format '" + text
            + "'; use comma-separated, string or json-string");
      }
    }
    boolean secret = optionalBoolean(field, "secret", false);
    if (type == null) {
      return null;
    }
    return new TypeDef.FieldDef(entry.key(), entry.keyLocation(), type, typeLocation, required, doc, example,
        javaName, format, formatLocation, secret);
  }

  /** The required 'type' of a field or parameter, or {@code null} when it is missing or not a type (reported). */
  private TypeRef typeRef(YamlNode.Mapping map, String what) {
    YamlNode typeNode = require(map, "type", what);
    if (typeNode == null) {
      return null;
    }
    String text = string(typeNode, "'type' of " + what);
    return text == null ? null : TypeRefParser.parse(text, typeNode.location(), problems);
  }

  /** The optional 'example' of a field or parameter: a single value as YAML read it. */
  private Object example(YamlNode.Mapping map, String what) {
    YamlNode exampleNode = map.get("example");
    if (exampleNode instanceof YamlNode.Scalar scalar) {
      return scalar.value();
    } else if (exampleNode != null) {
      problems.add(exampleNode.location(), "'example' of " + what + " must be a single value, not "
          + exampleNode.kind());
    }
    return null;
  }

  private void readEnum(String name, Location location, YamlNode.Mapping type, String what) {
    checkKeys(type, ENUM_KEYS, what);
    String doc = optionalString(type, "doc");
    YamlNode kindNode = type.get("enum");
    String kind = string(kindNode, "'enum' of " + what);
    boolean intValued = !"string".equals(kind);
    // When the kind is unknown (and reported), values of either kind are taken without another report.
    boolean kindKnown = "int".equals(kind) || "string".equals(kind);
    if (kind != null && !kindKnown) {
      problems.add(kindNode.location(), "'enum' must be 'int' or 'string', not '" + kind + "'");
    }
    List<TypeDef.EnumValue> values = new ArrayList<>();
    YamlNode valuesNode = require(type, "values", what);
    YamlNode.Mapping valuesMap = valuesNode == null ? null : mapping(valuesNode, "'values' of " + what);
    if (valuesMap != null) {
      if (valuesMap.entries().isEmpty()) {
        problems.add(valuesMap.location(), what + " has no values");
      }
      for (YamlNode.Entry entry : valuesMap.entries()) {
        String valueWhat = "value '" + entry.key() + "' of " + what;
        YamlNode.Mapping valueMap = mapping(entry.value(), valueWhat);
        if (valueMap == null) {
          continue;
        }
        checkKeys(valueMap, ENUM_VALUE_KEYS, valueWhat);
        YamlNode raw = require(valueMap, "value", valueWhat);
        Object value = null;
        if (raw instanceof YamlNode.Scalar scalar) {
          if ((intValued || !kindKnown) && scalar.value() instanceof Long number) {
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
              problems.add(raw.location(), "'value' of " + valueWhat + " does not fit in an int");
            } else {
              value = number;
            }
          } else if ((!intValued || !kindKnown) && scalar.value() instanceof String text) {
            value = text;
          } else {
            problems.add(raw.location(), "'value' of " + valueWhat + " must be "
                + (intValued ? "an integer" : "a string") + ", not " + raw.kind());
          }
        } else if (raw != null) {
          problems.add(raw.location(), "'value' of " + valueWhat + " must be a single value, not " + raw.kind());
        }
        String valueDoc = optionalString(valueMap, "doc");
        if (value != null) {
          values.add(new TypeDef.EnumValue(entry.key(), entry.keyLocation(), value, valueDoc));
        }
      }
    }
    types.add(new TypeDef.EnumDef(name, location, doc, intValued, List.copyOf(values)));
  }

  private void readGroup(YamlNode.Entry entry) {
    String what = "group '" + entry.key() + "'";
    YamlNode.Mapping group = mapping(entry.value(), what);
    if (group == null) {
      return;
    }
    checkKeys(group, GROUP_KEYS, what);
    String doc = optionalString(group, "doc");
    YamlNode prefixNode = require(group, "prefix", what);
    String prefix = prefixNode == null ? null : string(prefixNode, "'prefix' of " + what);
    List<EndpointDef> endpoints = new ArrayList<>();
    YamlNode endpointsNode = require(group, "endpoints", what);
    if (endpointsNode instanceof YamlNode.Sequence list) {
      for (YamlNode item : list.items()) {
        EndpointDef endpoint = readEndpoint(item, what);
        if (endpoint != null) {
          endpoints.add(endpoint);
        }
      }
    } else if (endpointsNode != null) {
      problems.add(endpointsNode.location(), "'endpoints' of " + what + " must be a list, not " + endpointsNode.kind());
    }
    groups.add(new GroupDef(entry.key(), entry.keyLocation(), doc, prefix,
        prefixNode == null ? group.location() : prefixNode.location(), List.copyOf(endpoints),
        readSettings(group, what)));
  }

  private EndpointDef readEndpoint(YamlNode node, String group) {
    String what = "an endpoint of " + group;
    YamlNode.Mapping endpoint = mapping(node, what);
    if (endpoint == null) {
      return null;
    }
    checkKeys(endpoint, ENDPOINT_KEYS, what);
    YamlNode pathNode = require(endpoint, "path", what);
    String path = pathNode == null ? null : string(pathNode, "'path' of " + what);
    if (path != null) {
      what = "endpoint '" + path + "'";
    }
    String method = "POST";
    YamlNode methodNode = endpoint.get("method");
    if (methodNode != null) {
      String text = string(methodNode, "'method' of " + what);
      if (text != null && !METHODS.contains(text)) {
        problems.add(methodNode.location(), "unknown method '" + text + "'; use one of GET, POST, PUT, PATCH, DELETE");
      } else if (text != null) {
        method = text;
      }
    }
    YamlNode nameNode = endpoint.get("name");
    String name = nameNode == null ? null : string(nameNode, "'name' of " + what);
    String doc = optionalString(endpoint, "doc");
    EndpointDef.Body request = readBody(endpoint.get("request"), "'request' of " + what, false);
    EndpointDef.Body response = readBody(endpoint.get("response"), "'response' of " + what, true);
    List<EndpointDef.ErrorDef> errors = new ArrayList<>();
    YamlNode errorsNode = endpoint.get("errors");
    if (errorsNode instanceof YamlNode.Sequence list) {
      for (YamlNode item : list.items()) {
        YamlNode.Mapping error = mapping(item, "an error of " + what);
        if (error == null) {
          continue;
        }
        checkKeys(error, ERROR_KEYS, "an error of " + what);
        YamlNode codeNode = require(error, "code", "an error of " + what);
        Long code = codeNode == null ? null : integer(codeNode, "'code' of an error of " + what);
        String message = optionalString(error, "message");
        String errorDoc = optionalString(error, "doc");
        if (code != null) {
          errors.add(new EndpointDef.ErrorDef(code, message, errorDoc));
        }
      }
    } else if (errorsNode != null) {
      problems.add(errorsNode.location(), "'errors' of " + what + " must be a list, not " + errorsNode.kind());
    }
    boolean deprecated = optionalBoolean(endpoint, "deprecated", false);
    boolean retryable = optionalBoolean(endpoint, "retryable", false);
    if (path == null) {
      return null;
    }
    EndpointDef.Settings settings = readSettings(endpoint, what);
    List<EndpointDef.ParamDef> params = readParams(endpoint.get("params"), what);
    return new EndpointDef(endpoint.location(), path, pathNode.location(), method, name,
        nameNode == null ? null : nameNode.location(), doc, request, response, List.copyOf(errors), deprecated,
        retryable, settings, params);
  }

  private List<ApiInfo.HostDef> readHosts(YamlNode node) {
    YamlNode.Mapping map = node == null ? null : mapping(node, "'hosts'");
    if (map == null) {
      return List.of();
    }
    List<ApiInfo.HostDef> hosts = new ArrayList<>();
    for (YamlNode.Entry entry : map.entries()) {
      String what = "host '" + entry.key() + "'";
      String url;
      String doc = null;
      if (entry.value() instanceof YamlNode.Mapping host) {
        checkKeys(host, HOST_KEYS, what);
        url = requiredString(host, "url", what);
        doc = optionalString(host, "doc");
      } else {
        url = string(entry.value(), what + " (its base URL)");
      }
      if (url != null) {
        hosts.add(new ApiInfo.HostDef(entry.key(), entry.keyLocation(), url, doc));
      }
    }
    return List.copyOf(hosts);
  }

  /** The 'auth', 'host' and 'envelope' keys of a group or an endpoint. */
  private EndpointDef.Settings readSettings(YamlNode.Mapping map, String what) {
    EndpointDef.Auth auth = null;
    YamlNode authNode = map.get("auth");
    if (authNode != null) {
      String text = string(authNode, "'auth' of " + what);
      if ("none".equals(text)) {
        auth = EndpointDef.Auth.NONE;
      } else if ("required".equals(text)) {
        auth = EndpointDef.Auth.REQUIRED;
      } else if (text != null) {
        problems.add(authNode.location(), "'auth' of " + what + " must be 'none' or 'required', not '" + text + "'");
      }
    }
    YamlNode hostNode = map.get("host");
    String host = hostNode == null ? null : string(hostNode, "'host' of " + what);
    EndpointDef.EnvelopeDef envelope = null;
    YamlNode envelopeNode = map.get("envelope");
    if (envelopeNode instanceof YamlNode.Scalar scalar && "none".equals(scalar.value())) {
      envelope = new EndpointDef.EnvelopeDef(envelopeNode.location(), true, null, null, null, null);
    } else if (envelopeNode instanceof YamlNode.Mapping envelopeMap) {
      String envelopeWhat = "'envelope' of " + what;
      checkKeys(envelopeMap, ENVELOPE_KEYS, envelopeWhat);
      String message = requiredString(envelopeMap, "message", envelopeWhat);
      YamlNode codeNode = envelopeMap.get("code");
      YamlNode successNode = envelopeMap.get("success");
      String code = codeNode == null ? null : string(codeNode, "'code' of " + envelopeWhat);
      Integer success = successNode == null ? null : requiredInt(envelopeMap, "success", envelopeWhat);
      if ((codeNode == null) != (successNode == null)) {
        problems.add(envelopeMap.location(), envelopeWhat + " needs both 'code' and 'success', or neither (then"
            + " it holds a message only, and any 2xx answer is success)");
      }
      YamlNode dataNode = envelopeMap.get("data");
      String data = dataNode == null ? null : string(dataNode, "'data' of " + envelopeWhat);
      envelope = new EndpointDef.EnvelopeDef(envelopeMap.location(), false, code, message, data, success);
    } else if (envelopeNode != null) {
      problems.add(envelopeNode.location(), "'envelope' of " + what
          + " must be 'none' or a map of 'code', 'message', 'data' and 'success', not " + envelopeNode.kind());
    }
    if (auth == null && host == null && envelope == null) {
      return EndpointDef.Settings.NONE;
    }
    return new EndpointDef.Settings(auth, authNode == null ? null : authNode.location(), host,
        hostNode == null ? null : hostNode.location(), envelope);
  }

  private List<EndpointDef.ParamDef> readParams(YamlNode node, String owner) {
    YamlNode.Mapping map = node == null ? null : mapping(node, "'params' of " + owner);
    if (map == null) {
      return List.of();
    }
    List<EndpointDef.ParamDef> params = new ArrayList<>();
    for (YamlNode.Entry entry : map.entries()) {
      String what = "parameter '" + entry.key() + "' of " + owner;
      YamlNode.Mapping param = mapping(entry.value(), what);
      if (param == null) {
        continue;
      }
      checkKeys(param, PARAM_KEYS, what);
      YamlNode inNode = require(param, "in", what);
      EndpointDef.In in = null;
      if (inNode != null) {
        String text = string(inNode, "'in' of " + what);
        for (EndpointDef.In candidate : EndpointDef.In.values()) {
          if (candidate.specName().equals(text)) {
            in = candidate;
          }
        }
        if (in == null && text != null) {
          problems.add(inNode.location(), "'in' of " + what + " must be path, query or header, not '" + text + "'");
        }
      }
      YamlNode typeNode = param.get("type");
      TypeRef type = typeRef(param, what);
      boolean required = optionalBoolean(param, "required", in == EndpointDef.In.PATH);
      String doc = optionalString(param, "doc");
      Object example = example(param, what);
      String javaName = optionalString(param, "javaName");
      if (in != null && type != null) {
        params.add(new EndpointDef.ParamDef(entry.key(), entry.keyLocation(), in, type, typeNode.location(),
            required, doc, example, javaName, inNode.location()));
      }
    }
    return List.copyOf(params);
  }

  private EndpointDef.Body readBody(YamlNode node, String what, boolean response) {
    if (node == null) {
      return null;
    }
    YamlNode.Mapping body = mapping(node, what);
    if (body == null) {
      return null;
    }
    Set<String> keys = response ? RESPONSE_KEYS : BODY_KEYS;
    checkKeys(body, keys, what);
    if (body.entries().size() != 1) {
      problems.add(body.location(), what + " must have exactly one of " + String.join(", ",
          keys.stream().sorted().map(k -> "'" + k + "'").toList()));
      return null;
    }
    YamlNode.Entry only = body.entries().get(0);
    if (!keys.contains(only.key())) {
      return null;
    }
    if (only.key().equals("codes")) {
      return readCodes(only.value(), "'codes' of " + what);
    }
    String name = string(only.value(), "'" + only.key() + "' of " + what);
    if (name == null) {
      return null;
    }
    Location location = only.value().location();
    return switch (only.key()) {
      case "json" -> new EndpointDef.JsonBody(name, location);
      case "protobuf" -> new EndpointDef.ProtobufBody(name, location);
      case "text" -> new EndpointDef.TextBody(name, location);
      default -> new EndpointDef.BytesBody(name, location);
    };
  }

  /** {@code codes: EnumName}, or {@code codes: {1: true, 2: false}}. */
  private EndpointDef.Body readCodes(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof String enumName) {
      return new EndpointDef.CodesBody(node.location(), enumName, List.of());
    }
    YamlNode.Mapping map = mapping(node, what + " (an int enum's name, or a map of codes to true and false)");
    if (map == null) {
      return null;
    }
    List<EndpointDef.CodeAnswer> answers = new ArrayList<>();
    for (YamlNode.Entry entry : map.entries()) {
      Long code = null;
      try {
        code = Long.parseLong(entry.key());
      } catch (NumberFormatException e) {
        problems.add(entry.keyLocation(), "'" + entry.key() + "' in " + what + " is not an integer code");
      }
      Boolean value = null;
      if (entry.value() instanceof YamlNode.Scalar scalar && scalar.value() instanceof Boolean flag) {
        value = flag;
      } else {
        problems.add(entry.value().location(), "the answer of code " + entry.key() + " in " + what
            + " must be true or false, not " + entry.value().kind());
      }
      if (code != null && value != null) {
        answers.add(new EndpointDef.CodeAnswer(code, value, entry.keyLocation()));
      }
    }
    return new EndpointDef.CodesBody(map.location(), null, List.copyOf(answers));
  }

  // --- typed access, each reporting what it expected ---

  private YamlNode.Mapping mapping(YamlNode node, String what) {
    if (node instanceof YamlNode.Mapping map) {
      return map;
    }
    if (node != null) {
      problems.add(node.location(), what + " must be a map, not " + node.kind());
    }
    return null;
  }

  private void checkKeys(YamlNode.Mapping map, Set<String> allowed, String what) {
    for (YamlNode.Entry entry : map.entries()) {
      if (!allowed.contains(entry.key())) {
        problems.add(entry.keyLocation(), "unknown key '" + entry.key() + "' in " + what
            + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private YamlNode require(YamlNode.Mapping map, String key, String what) {
    YamlNode value = map.get(key);
    if (value == null) {
      problems.add(map.location(), what + " is missing '" + key + "'");
    }
    return value;
  }

  private String string(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text) {
      if (text.isBlank()) {
        problems.add(node.location(), what + " must not be empty");
        return null;
      }
      return text;
    }
    problems.add(node.location(), what + " must be a string, not " + node.kind());
    return null;
  }

  private String requiredString(YamlNode.Mapping map, String key, String what) {
    YamlNode node = require(map, key, what);
    return node == null ? null : string(node, "'" + key + "' of " + what);
  }

  private String optionalString(YamlNode.Mapping map, String key) {
    YamlNode node = map.get(key);
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text) {
      return text;
    }
    problems.add(node.location(), "'" + key + "' must be a string, not " + node.kind());
    return null;
  }

  private boolean optionalBoolean(YamlNode.Mapping map, String key, boolean fallback) {
    YamlNode node = map.get(key);
    if (node == null) {
      return fallback;
    }
    if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Boolean flag) {
      return flag;
    }
    problems.add(node.location(), "'" + key + "' must be true or false, not " + node.kind());
    return fallback;
  }

  private Long integer(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long number) {
      return number;
    }
    problems.add(node.location(), what + " must be an integer, not " + node.kind());
    return null;
  }

  private int requiredInt(YamlNode.Mapping map, String key, String what) {
    YamlNode node = require(map, key, what);
    if (node == null) {
      return 0;
    }
    Long value = integer(node, "'" + key + "' of " + what);
    if (value == null) {
      return 0;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      problems.add(node.location(), "'" + key + "' of " + what + " does not fit in an int");
      return 0;
    }
    return value.intValue();
  }
}
