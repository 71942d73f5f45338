package dev.apispec.runtime;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the status a protobuf response carries (where {@link ProtoStatus} says). The field descriptors
 * are looked up once per response type: by name on every call they were a twentieth of a protobuf call.
 */
final class ProtoStatusCheck {
  /** As in {@link ProtoRanges}: types built at run time must not grow the cache without end. */
  private static final int MAX_CACHED = 1024;

  private final ProtoStatus names;
  private final ApiErrorFactory errorFactory;
  private final ConcurrentHashMap<Descriptor, Fields> byResponseType = new ConcurrentHashMap<>();

  ProtoStatusCheck(ProtoStatus names, ApiErrorFactory errorFactory) {
    this.names = names;
    this.errorFactory = errorFactory;
  }

  /**
   * The status field of a response type and the code and message fields of its type; {@code code} and
   * {@code text} are {@code null} when that type has no field of the name.
   */
  record Fields(FieldDescriptor status, Descriptor statusType, FieldDescriptor code, FieldDescriptor text) {}

  /**
   * Returns when {@code message} holds a status with the success code.
   *
   * @param secrets masks the secrets in the server's message
   *
   * @throws ApiDecodeException when it holds no status
   * @throws ApiException from the error factory when the code is another
   * @throws IllegalStateException when its type has no such status field, or the status no integer code
   */
  void check(Endpoint<?> endpoint, int status, Message message, Secrets secrets) {
    Fields fields = fields(message.getDescriptorForType());
    if (!message.hasField(fields.status())) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response has no '" + names.statusField() + "'", null);
    }
    Message statusMessage = (Message) message.getField(fields.status());
    if (statusMessage.getDescriptorForType() != fields.statusType()) {
      // a parsed response's status is always of the field's type; a message built otherwise may differ
      fields = codeFields(fields.status(), statusMessage.getDescriptorForType());
    }
    FieldDescriptor codeField = fields.code();
    if (codeField == null || !(statusMessage.getField(codeField) instanceof Number codeValue)) {
      throw new IllegalStateException(statusMessage.getDescriptorForType().getFullName()
          + " has no integer field '" + names.codeField() + "'");
    }
    long code = codeValue.longValue();
    if (code != names.successCode()) {
      FieldDescriptor textField = fields.text();
      String text = textField == null ? "" : secrets.in(null).mask(String.valueOf(statusMessage.getField(textField)));
      int intCode = code > Integer.MAX_VALUE || code < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) code;
      throw errorFactory.create(endpoint.toString(), status, intCode, text);
    }
  }

  /**
   * The fields of {@code responseType}.
   *
   * @throws IllegalStateException when it has no message field of the status field's name
   */
  Fields fields(Descriptor responseType) {
    Fields fields = byResponseType.get(responseType);
    if (fields == null) {
      FieldDescriptor statusField = responseType.findFieldByName(names.statusField());
      if (statusField == null || statusField.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        throw new IllegalStateException(responseType.getFullName()
            + " has no message field '" + names.statusField() + "'");
      }
      fields = codeFields(statusField, statusField.getMessageType());
      if (byResponseType.size() < MAX_CACHED) {
        byResponseType.putIfAbsent(responseType, fields);
      }
    }
    return fields;
  }

  private Fields codeFields(FieldDescriptor statusField, Descriptor statusType) {
    return new Fields(statusField, statusType,
        statusType.findFieldByName(names.codeField()), statusType.findFieldByName(names.messageField()));
  }
}
