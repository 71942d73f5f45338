package dev.apispec.runtime;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import java.net.http.HttpResponse;

/** {@link ResponseFormat#protobuf(Parser)}: the message, its status checked and its 32-bit fields in range. */
final class ProtobufDecoder<T extends MessageLite> extends ResponseDecoder<T> {
  private final Parser<T> parser;
  /** {@code null} when the transport has no {@link ProtoStatus}. */
  private final ProtoStatusCheck statusCheck;

  ProtobufDecoder(Parser<T> parser, ProtoStatusCheck statusCheck, String accept) {
    super(accept);
    this.parser = parser;
    this.statusCheck = statusCheck;
  }

  @Override
  T decode(Endpoint<?> endpoint, HttpResponse<byte[]> response, Secrets secrets) {
    int status = response.statusCode();
    byte[] bytes = response.body();
    T message;
    try {
      message = parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new ApiDecodeException(endpoint.toString(), status,
          "the response is not a valid protobuf message: " + e.getMessage(), e);
    }
    if (message instanceof Message full) {
      if (statusCheck != null) {
        statusCheck.check(endpoint, status, full, secrets);
      }
      // protobuf-java keeps the low 32 bits of a larger number sent for a 32-bit field: refuse that
      String outOfRange = ProtoRanges.firstOutOfRange(full.getDescriptorForType(), bytes);
      if (outOfRange != null) {
        throw new ApiDecodeException(endpoint.toString(), status,
            "the response is not a valid protobuf message: " + outOfRange, null);
      }
    }
    return message;
  }
}
