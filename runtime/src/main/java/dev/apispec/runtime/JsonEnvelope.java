package dev.apispec.runtime;

import java.util.Objects;

/**
 * Where a JSON response keeps its result code, the server's message and the payload, and which
 * code means success. For example {@code {"code":1,"msg":"success","data":{…}}} is
 * {@code new JsonEnvelope("code", "msg", "data", 1)}.
 *
 * @param codeField the property holding the result code
 * @param messageField the property holding the server's message
 * @param dataField the property holding the payload
 * @param successCode the result code that means success
 */
public record JsonEnvelope(String codeField, String messageField, String dataField, int successCode) {
  /**
   * Checks that every property is named.
   *
   * @param codeField see {@link #codeField()}
   * @param messageField see {@link #messageField()}
   * @param dataField see {@link #dataField()}
   * @param successCode see {@link #successCode()}
   */
  public JsonEnvelope {
    Objects.requireNonNull(codeField, "codeField");
    Objects.requireNonNull(messageField, "messageField");
    Objects.requireNonNull(dataField, "dataField");
  }
}
