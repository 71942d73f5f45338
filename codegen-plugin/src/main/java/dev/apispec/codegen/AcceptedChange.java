package dev.apispec.codegen;

/**
 * A change the maintainers accepted, in the {@code compat} goal's configuration:
 * {@code <accepted><change><id>endpoint-removed:POST /v1/x</id><reason>…</reason></change></accepted>}.
 */
public class AcceptedChange {
  /** The change's id, as the report gives it. */
  private String id;

  /** Why it is accepted; shown in the report. */
  private String reason;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
