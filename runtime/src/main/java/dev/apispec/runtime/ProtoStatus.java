package dev.apispec.runtime;

import java.util.Objects;

/**
 * Where a protobuf response keeps its status: the field of the response message that holds the
 * status message, the fields of that message holding the result code and the server's message,
 * and which code means success. Fields are named as in the {@code .proto} file.
 *
 * @param statusField the field of the response message that holds the status message
 * @param codeField the field of the status message holding the result code
 * @param messageField the field of the status message holding the server's message
 * @param successCode the result code that means success
 */
public record ProtoStatus(String statusField, String codeField, String messageField, int successCode) {
  /**
   * Checks that every field is named.
   *
   * @param statusField see {@link #statusField()}
   * @param codeField see {@link #codeField()}
   * @param messageField see {@link #messageField()}
   * @param successCode see {@link #successCode()}
   */
  public ProtoStatus {
    Objects.requireNonNull(statusField, "statusField");
    Objects.requireNonNull(codeField, "codeField");
    Objects.requireNonNull(messageField, "messageField");
  }
}
