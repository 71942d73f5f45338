package dev.apispec.codegen.model;

import dev.apispec.codegen.diagnostics.Location;
import java.util.List;

/**
 * A group of endpoints, which becomes one accessor of the client.
 *
 * @param settings what the group says of its endpoints' credential, host and envelope
 */
public record GroupDef(
    String name, Location location, String doc, String prefix, Location prefixLocation,
    List<EndpointDef> endpoints, EndpointDef.Settings settings) {

  /** Whether {@code endpoint} (one of this group's) needs the credential: as it says, or its group, or yes. */
  public boolean authenticated(EndpointDef endpoint, ApiInfo api) {
    if (api.authHeader() == null) {
      return false;
    }
    EndpointDef.Auth auth = endpoint.settings().auth() != null ? endpoint.settings().auth() : settings.auth();
    return auth != EndpointDef.Auth.NONE;
  }

  /** The host {@code endpoint} lives on, or {@code null} for the API's {@code baseUrl}. */
  public String host(EndpointDef endpoint) {
    return endpoint.settings().host() != null ? endpoint.settings().host() : settings.host();
  }

  /** The envelope of {@code endpoint}'s JSON responses, or {@code null} for the API's. */
  public EndpointDef.EnvelopeDef envelope(EndpointDef endpoint) {
    return endpoint.settings().envelope() != null ? endpoint.settings().envelope() : settings.envelope();
  }
}
