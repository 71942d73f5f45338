package dev.apispec.runtime;

import java.util.Objects;

/**
 * Where a JSON response keeps its result code, the server's message and the payload, and which
 * code means success. For example {@code {"code":1,"msg":"success","data":{…}}} is
 * {@code new JsonEnvelope("code", "msg", "data", 1)}.
 *
 * <p>An envelope may lack the code ({@link #codeField()} is {@code null}: every 2xx answer is a success,
 * as for {@code {"msg":"success"}}, see {@link #messageOnly(String)}) or the data ({@link #dataField()} is
 * {@code null}: only {@link ResponseFormat#jsonNoData(JsonEnvelope)} and, when it has a code,
 * {@link ResponseFormat#codes(JsonEnvelope, java.util.Map)} can use it).
 *
 * <p>A value class (it was a record; its accessors, equality and 4-argument constructor are unchanged).
 */
public final class JsonEnvelope {
  private final String codeField;
  private final String messageField;
  private final String dataField;
  private final int successCode;

  /**
   * An envelope with all three fields.
   *
   * @param codeField the property holding the result code
   * @param messageField the property holding the server's message
   * @param dataField the property holding the payload
   * @param successCode the result code that means success
   */
  public JsonEnvelope(String codeField, String messageField, String dataField, int successCode) {
    this(successCode, Objects.requireNonNull(codeField, "codeField"),
        Objects.requireNonNull(messageField, "messageField"), Objects.requireNonNull(dataField, "dataField"));
  }

  /** Code and data may be {@code null} here (another order than the public constructor's, to tell them apart). */
  private JsonEnvelope(int successCode, String codeField, String messageField, String dataField) {
    this.codeField = codeField;
    this.messageField = Objects.requireNonNull(messageField, "messageField");
    this.dataField = dataField;
    this.successCode = successCode;
  }

  /**
   * An envelope whose code and data fields may be absent ({@code null}); the message field is always named.
   * {@code successCode} is not read without a code field.
   *
   * @param codeField the property holding the result code, or {@code null}
   * @param messageField the property holding the server's message
   * @param dataField the property holding the payload, or {@code null}
   * @param successCode the result code that means success
   * @return the envelope
   */
  public static JsonEnvelope of(String codeField, String messageField, String dataField, int successCode) {
    return new JsonEnvelope(successCode, codeField, messageField, dataField);
  }

  /**
   * An envelope with a message and neither code nor data, such as {@code {"msg":"success"}}: any 2xx answer
   * is a success, and its message is not checked.
   *
   * @param messageField the property holding the server's message
   * @return the envelope
   */
  public static JsonEnvelope messageOnly(String messageField) {
    return new JsonEnvelope(0, null, messageField, null);
  }

  /**
   * The property holding the result code, or {@code null} when the envelope has none.
   *
   * @return the property name, or {@code null}
   */
  public String codeField() {
    return codeField;
  }

  /**
   * The property holding the server's message.
   *
   * @return the property name
   */
  public String messageField() {
    return messageField;
  }

  /**
   * The property holding the payload, or {@code null} when the envelope has none.
   *
   * @return the property name, or {@code null}
   */
  public String dataField() {
    return dataField;
  }

  /**
   * The code that means success; meaningless without a {@link #codeField()}.
   *
   * @return the code
   */
  public int successCode() {
    return successCode;
  }

  /**
   * Whether the envelope has a code field.
   *
   * @return {@code true} when it has one
   */
  public boolean hasCode() {
    return codeField != null;
  }

  /**
   * Whether the envelope has a data field.
   *
   * @return {@code true} when it has one
   */
  public boolean hasData() {
    return dataField != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonEnvelope that && Objects.equals(codeField, that.codeField)
        && messageField.equals(that.messageField) && Objects.equals(dataField, that.dataField)
        && successCode == that.successCode;
  }

  @Override
  public int hashCode() {
    return Objects.hash(codeField, messageField, dataField, successCode);
  }

  @Override
  public String toString() {
    return "JsonEnvelope[codeField=" + codeField + ", messageField=" + messageField + ", dataField=" + dataField
        + ", successCode=" + successCode + "]";
  }
}
