package dev.apispec.runtime;

/**
 * An endpoint that needs the credential was called on a transport that has none. Nothing was sent.
 *
 * @see ApiTransport#withCredential(String)
 */
public final class ApiCredentialException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final String header;

  public ApiCredentialException(String endpoint, String header) {
    super(endpoint, 0, endpoint + " needs a credential in the '" + header + "' header, and this client has none",
        null);
    this.header = header;
  }

  /** The header that would have carried the credential. */
  public String header() {
    return header;
  }
}
