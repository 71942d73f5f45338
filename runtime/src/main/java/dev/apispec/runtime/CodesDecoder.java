package dev.apispec.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * {@link ResponseFormat#codes(JsonEnvelope, Map)}: the envelope's code is the answer. A code that is not a key
 * fails as a refusal does, through the error factory (the success code too, when it is not a key).
 */
final class CodesDecoder<T> extends ResponseDecoder<T> {
  private final EnvelopeDecoder<Void> envelope;
  private final Map<Integer, T> answers;

  CodesDecoder(EnvelopeDecoder<Void> envelope, Map<Integer, T> answers) {
    super(envelope.accept());
    this.envelope = envelope;
    this.answers = answers;
  }

  @Override
  T decode(Endpoint<?> endpoint, HttpResponse<byte[]> response, Secrets secrets) {
    int status = response.statusCode();
    byte[] bytes = response.body();
    int code;
    String text = null;
    boolean textRead = true;
    JsonNode root = null;
    Secrets.Masker masker = null;
    try {
      envelope.reader().read(bytes, null);
      code = envelope.envelope().successCode();
      textRead = false; // the one-pass reader keeps a success's message to itself
    } catch (EnvelopeReader.Refused refused) {
      code = refused.code;
      text = refused.text;
    } catch (EnvelopeReader.Irregular irregular) {
      // the tree path names what is wrong, or finds the code the one-pass reader did not settle on
      masker = secrets.in(bytes);
      root = envelope.root(endpoint, status, bytes, masker);
      code = envelope.code(endpoint, status, bytes, root, masker);
      text = envelope.message(root);
    }
    T answer = answers.get(code);
    if (answer != null) {
      return answer;
    }
    if (masker == null) {
      masker = secrets.in(bytes);
    }
    if (!textRead) {
      text = envelope.message(envelope.root(endpoint, status, bytes, masker));
    }
    throw envelope.refusal(endpoint, status, code, text, masker);
  }
}
