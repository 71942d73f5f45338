package dev.apispec.runtime;

import java.util.Objects;

/**
 * Where a protobuf response keeps its status: the field of the response message that holds the
 * status message, the fields of that message holding the result code and the server's message,
 * and which code means success. Fields are named as in the {@code .proto} file.
 */
public record ProtoStatus(String statusField, String codeField, String messageField, int successCode) {
  public ProtoStatus {
    Objects.requireNonNull(statusField, "statusField");
    Objects.requireNonNull(codeField, "codeField");
    Objects.requireNonNull(messageField, "messageField");
  }
}
