package dev.apispec.runtime;

/**
 * An endpoint that needs the credential was called on a transport that has none. Nothing was sent.
 *
 * @see ApiTransport#withCredential(String)
 */
public final class ApiCredentialException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** The header that would have carried the credential. */
  private final String header;

  /**
   * The endpoint needs the credential the transport lacks.
   *
   * @param endpoint the endpoint, as {@link Endpoint#toString()} names it
   * @param header the header that would carry the credential
   */
  public ApiCredentialException(String endpoint, String header) {
    super(endpoint, 0, endpoint + " needs a credential in the '" + header + "' header, and this client has none",
        null);
    this.header = header;
  }

  /**
   * The header that would have carried the credential.
   *
   * @return the header name
   */
  public String header() {
    return header;
  }
}
