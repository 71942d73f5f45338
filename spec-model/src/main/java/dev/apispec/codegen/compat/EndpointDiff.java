package dev.apispec.codegen.compat;

import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.EndpointDef.Body;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the endpoints: by method, path and host (what a server answers to), and by the method user code calls.
 * An endpoint whose key is gone but whose Java method is still there under another key has moved.
 */
final class EndpointDiff {
  private final Side baseline;
  private final Side current;
  private final JsonShapes shapes;
  private final ProtoWire protoWire;
  private final Changes changes;

  EndpointDiff(Side baseline, Side current, JsonShapes shapes, ProtoWire protoWire, Changes changes) {
    this.baseline = baseline;
    this.current = current;
    this.shapes = shapes;
    this.protoWire = protoWire;
    this.changes = changes;
  }

  void compare() {
    Map<String, Endpoints> before = Endpoints.of(baseline);
    Map<String, Endpoints> after = Endpoints.of(current);
    Map<String, Endpoints> addedByJava = new LinkedHashMap<>();
    after.values().stream().filter(e -> !before.containsKey(e.key()))
        .forEach(e -> addedByJava.putIfAbsent(e.javaName(), e));
    for (Endpoints old : before.values()) {
      Endpoints now = after.get(old.key());
      if (now == null) {
        Endpoints moved = addedByJava.remove(old.javaName());
        if (moved == null) {
          changes.both("endpoint-removed:" + old.key(), old.endpoint().location(), old.key() + " ("
              + old.javaName() + ") was removed: clients built from the baseline call what the server no longer"
              + " answers, and code that calls the method no longer compiles.");
          continue;
        }
        changes.wire("endpoint-moved:" + old.key(), moved.endpoint().location(), old.javaName() + " now calls "
            + moved.key() + " instead of " + old.key() + ": each client calls what the other server does not answer.");
        now = moved;
      } else if (!old.javaName().equals(now.javaName())) {
        changes.source("method-renamed:" + old.key(), now.endpoint().location(), old.key() + " is now called as "
            + now.javaName() + "() (was " + old.javaName() + "()).");
      }
      compareEndpoint(old, now);
    }
    for (Endpoints now : addedByJava.values()) {
      changes.safe("endpoint-added:" + now.key(), now.endpoint().location(), now.key() + " (" + now.javaName()
          + ") is new.");
    }
  }

  private void compareEndpoint(Endpoints old, Endpoints now) {
    String key = old.key();
    EndpointDef a = old.endpoint();
    EndpointDef b = now.endpoint();
    Location at = b.location();
    if (old.authenticated() != now.authenticated()) {
      changes.wire("auth-changed:" + key, at, key + (now.authenticated()
          ? " now needs the credential: a client built from the baseline calls it without."
          : " no longer takes the credential: a client built from it calls a baseline server without."));
    }
    compareEnvelope(old, now);
    compareBody("request", key, a.request(), b.request(), at);
    compareBody("response", key, a.response(), b.response(), at);
    new ParamDiff(key, shapes, changes).compare(a.params(), b.params(), at);
    if (!Objects.equals(a.doc(), b.doc())) {
      changes.safe("endpoint-doc-changed:" + key, at, "The documentation of " + key + " changed.");
    }
    if (a.deprecated() != b.deprecated()) {
      changes.safe("endpoint-deprecated:" + key, at, key + (b.deprecated() ? " is now deprecated."
          : " is no longer deprecated."));
    }
    if (a.retryable() != b.retryable()) {
      changes.safe("retryable-changed:" + key, at, key + (b.retryable() ? " may now be retried by a retry policy."
          : " is no longer retried by a retry policy."));
    }
    compareErrors(key, a, b, at);
  }

  /** The envelope an endpoint's own answer reads, when the endpoint or its group says; the API's is compared once. */
  private void compareEnvelope(Endpoints old, Endpoints now) {
    if (!enveloped(old.endpoint().response()) || !enveloped(now.endpoint().response())) {
      return;
    }
    EndpointDef.EnvelopeDef before = old.group().envelope(old.endpoint());
    EndpointDef.EnvelopeDef after = now.group().envelope(now.endpoint());
    if (before == null && after == null) {
      return;
    }
    String a = describe(before, baseline.spec.api());
    String b = describe(after, current.spec.api());
    if (!a.equals(b)) {
      changes.wire("envelope-changed:" + old.key(), now.endpoint().location(), old.key() + " answers in "
          + b + " (was " + a + "): each client reads the other's answers wrong.");
    }
  }

  private static boolean enveloped(Body body) {
    return body == null || body instanceof EndpointDef.JsonBody || body instanceof EndpointDef.CodesBody;
  }

  static String describe(EndpointDef.EnvelopeDef envelope, ApiInfo api) {
    if (envelope == null) {
      ApiInfo.JsonSettings json = api.json();
      return json == null ? "no envelope" : "the envelope {code: " + json.codeField() + ", message: "
          + json.messageField() + ", data: " + json.dataField() + ", success: " + json.successCode() + "}";
    }
    if (envelope.none()) {
      return "no envelope";
    }
    if (envelope.messageOnly()) {
      return "a message-only envelope {message: " + envelope.messageField() + "}";
    }
    return "the envelope {code: " + envelope.codeField() + ", message: " + envelope.messageField()
        + (envelope.dataField() == null ? "" : ", data: " + envelope.dataField()) + ", success: "
        + envelope.successCode() + "}";
  }

  private void compareBody(String role, String key, Body before, Body after, Location at) {
    String id = key;
    if (before == null && after == null) {
      return;
    }
    if (before == null || after == null || before.getClass() != after.getClass()) {
      changes.both(role + "-format-changed:" + id, at, "The " + role + " of " + key + " is now " + describe(after)
          + " (was " + describe(before) + "): a different body on the wire and a different Java type.");
      return;
    }
    if (before instanceof EndpointDef.JsonBody a && after instanceof EndpointDef.JsonBody b) {
      if (!a.typeName().equals(b.typeName())) {
        boolean wireBreak = !shapes.sameTypes(a.typeName(), b.typeName());
        changes.add(role + "-type-changed:" + id, at, "The " + role + " of " + key + " is now " + b.typeName()
            + " (was " + a.typeName() + ")" + (wireBreak ? ", whose JSON differs" : ", the same JSON") + ".",
            Changes.kinds(wireBreak, true));
      }
    } else if (before instanceof EndpointDef.ProtobufBody a && after instanceof EndpointDef.ProtobufBody b) {
      String beforeName = Side.strip(a.messageName());
      String afterName = Side.strip(b.messageName());
      if (!beforeName.equals(afterName)) {
        boolean wireBreak = !protoWire.compatibleMessages(beforeName, afterName);
        ProtoCatalog.Message beforeClass = baseline.protos.find(beforeName);
        ProtoCatalog.Message afterClass = current.protos.find(afterName);
        boolean sourceBreak = beforeClass == null || afterClass == null
            || !beforeClass.javaClass().equals(afterClass.javaClass());
        changes.add(role + "-message-changed:" + id, at, "The " + role + " of " + key + " is now the message "
            + afterName + " (was " + beforeName + ")" + (wireBreak ? ", which reads other field numbers or types"
                : ", whose fields read the same") + ".", Changes.kinds(wireBreak, sourceBreak));
      }
    } else if (!contentType(before).equals(contentType(after))) {
      changes.wire(role + "-content-type-changed:" + id, at, "The " + role + " of " + key + " is now "
          + describe(after) + " (was " + describe(before) + ").");
    } else if (before instanceof EndpointDef.CodesBody a && after instanceof EndpointDef.CodesBody b) {
      compareCodes(key, a, b, at);
    }
  }

  private void compareCodes(String key, EndpointDef.CodesBody before, EndpointDef.CodesBody after, Location at) {
    if (!Objects.equals(before.enumName(), after.enumName())) {
      boolean wireBreak = before.isBoolean() || after.isBoolean()
          || !shapes.sameTypes(before.enumName(), after.enumName());
      changes.add("response-type-changed:" + key, at, "The answer of " + key + " is now " + codesName(after)
          + " (was " + codesName(before) + ").", Changes.kinds(wireBreak, true));
    } else if (before.isBoolean() && !answers(before).equals(answers(after))) {
      changes.wire("response-codes-changed:" + key, at, "The codes that answer " + key + " are now "
          + answers(after) + " (were " + answers(before) + ").");
    }
  }

  private static String codesName(EndpointDef.CodesBody codes) {
    return codes.isBoolean() ? "a boolean" : codes.enumName();
  }

  private static Map<Long, Boolean> answers(EndpointDef.CodesBody codes) {
    Map<Long, Boolean> answers = new java.util.TreeMap<>();
    codes.answers().forEach(answer -> answers.put(answer.code(), answer.value()));
    return answers;
  }

  /**
   * Documented errors, matched by code and message (an endpoint may document one code with several messages), then
   * by code alone: a message edited in place is a documentation change.
   */
  private void compareErrors(String key, EndpointDef before, EndpointDef after, Location at) {
    List<EndpointDef.ErrorDef> unmatched = new ArrayList<>(after.errors());
    List<EndpointDef.ErrorDef> removed = new ArrayList<>();
    for (EndpointDef.ErrorDef error : before.errors()) {
      EndpointDef.ErrorDef same = unmatched.stream()
          .filter(e -> e.code() == error.code() && Objects.equals(e.message(), error.message()))
          .findFirst().orElse(null);
      if (same == null) {
        removed.add(error);
        continue;
      }
      unmatched.remove(same);
      if (!Objects.equals(error.doc(), same.doc())) {
        changes.safe("error-doc-changed:" + key + " " + errorKey(error, before, after), at,
            "The documentation of the error " + error.code() + " of " + key + " changed.");
      }
    }
    for (EndpointDef.ErrorDef error : removed) {
      EndpointDef.ErrorDef edited = unmatched.stream().filter(e -> e.code() == error.code()).findFirst().orElse(null);
      if (edited != null) {
        unmatched.remove(edited);
        changes.safe("error-doc-changed:" + key + " " + errorKey(error, before, after), at,
            "The documentation of the error " + error.code() + " of " + key + " changed.");
      } else {
        changes.safe("error-removed:" + key + " " + errorKey(error, before, after), at, "The error "
            + error.code() + " of " + key + " is no longer documented.");
      }
    }
    for (EndpointDef.ErrorDef error : unmatched) {
      changes.safe("error-added:" + key + " " + errorKey(error, before, after), at, "The error " + error.code()
          + " of " + key + " is now documented.");
    }
  }

  /** The code, and the message too when the endpoint documents that code more than once. */
  private static String errorKey(EndpointDef.ErrorDef error, EndpointDef before, EndpointDef after) {
    long sharing = java.util.stream.Stream.concat(before.errors().stream(), after.errors().stream())
        .filter(e -> e.code() == error.code()).map(EndpointDef.ErrorDef::message).distinct().count();
    return sharing > 1 && error.message() != null ? error.code() + " " + error.message() : String.valueOf(error.code());
  }

  private static String contentType(Body body) {
    if (body instanceof EndpointDef.TextBody text) {
      return text.contentType();
    }
    if (body instanceof EndpointDef.BytesBody bytes) {
      return bytes.contentType();
    }
    return "";
  }

  private static String describe(Body body) {
    if (body == null) {
      return "nothing";
    }
    if (body instanceof EndpointDef.JsonBody json) {
      return "JSON " + json.typeName();
    }
    if (body instanceof EndpointDef.ProtobufBody protobuf) {
      return "protobuf " + Side.strip(protobuf.messageName());
    }
    if (body instanceof EndpointDef.TextBody text) {
      return "text " + text.contentType();
    }
    if (body instanceof EndpointDef.BytesBody bytes) {
      return "bytes " + bytes.contentType();
    }
    return "the result code";
  }
}
