package dev.apispec.runtime;

import java.util.Objects;

/**
 * Where a JSON response keeps its result code, the server's message and the payload, and which
 * code means success. For example {@code {"code":1,"msg":"success","data":{…}}} is
 * {@code new JsonEnvelope("code", "msg", "data", 1)}.
 */
public record JsonEnvelope(String codeField, String messageField, String dataField, int successCode) {
  public JsonEnvelope {
    Objects.requireNonNull(codeField, "codeField");
    Objects.requireNonNull(messageField, "messageField");
    Objects.requireNonNull(dataField, "dataField");
  }
}
