package dev.apispec.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DynamicMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Picks the recording that answers a request: same host, method and path, then the same body. */
final class RequestMatcher {
  private final List<Recording> recordings;
  private final ProtoTypes protos;

  RequestMatcher(List<Recording> recordings, ProtoTypes protos) {
    this.recordings = List.copyOf(recordings);
    this.protos = protos;
  }

  /** The recordings of a path on a host ({@code null}: the {@code baseUrl}), any method, in order. */
  List<Recording> forPath(String host, String path) {
    return recordings.stream()
        .filter(r -> Objects.equals(r.request().host(), host) && r.request().path().equals(path))
        .toList();
  }

  /** The first recording with this host, method, path and body. */
  Optional<Recording> match(String host, String method, String path, byte[] body) {
    return forPath(host, path).stream()
        .filter(r -> r.request().method().equalsIgnoreCase(method))
        .filter(r -> sameBody(r.request().body(), body))
        .findFirst();
  }

  List<Recording> all() {
    return recordings;
  }

  /** JSON compared as JSON, protobuf as messages (or bytes), anything else as bytes. */
  boolean sameBody(Recording.Body recorded, byte[] sent) {
    if (recorded == null) {
      return sent.length == 0;
    }
    if (recorded instanceof Recording.JsonBody json) {
      JsonNode actual = JsonCompare.normaliseBytes(sent);
      return actual != null && actual.equals(JsonCompare.normalise(json.json()));
    }
    byte[] bytes = recorded.bytes();
    if (Arrays.equals(bytes, sent)) {
      return true;
    }
    if (recorded instanceof Recording.ProtobufBody proto && protos.find(proto.message()).isPresent()) {
      try {
        DynamicMessage expected = protos.parse(proto.message(), bytes);
        DynamicMessage actual = protos.parse(proto.message(), sent);
        return expected.equals(actual);
      } catch (Exception e) {
        return false;
      }
    }
    return false;
  }

  /** A body in one line, for listings. */
  String summary(Recording.Body body) {
    if (body == null) {
      return "(no body)";
    }
    if (body instanceof Recording.JsonBody json) {
      return json.json().toString();
    }
    if (body instanceof Recording.ProtobufBody proto) {
      return (proto.message() == null ? "protobuf" : proto.message()) + " { "
          + String.join(" ", proto.decoded().stream().map(String::strip).toList()) + " }";
    }
    if (body instanceof Recording.TextBody text) {
      return text.text().length() > 60 ? text.text().substring(0, 60) + "…" : text.text();
    }
    return body.bytes().length + " bytes";
  }
}
