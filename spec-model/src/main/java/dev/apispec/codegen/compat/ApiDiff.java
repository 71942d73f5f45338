package dev.apispec.codegen.compat;

import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.naming.Symbols;
import java.util.Objects;

/** Compares what the {@code api} section says for every endpoint at once, and the groups' own documentation. */
final class ApiDiff {
  private final Side baseline;
  private final Side current;
  private final Changes changes;

  ApiDiff(Side baseline, Side current, Changes changes) {
    this.baseline = baseline;
    this.current = current;
    this.changes = changes;
  }

  void compare() {
    ApiInfo a = baseline.spec.api();
    ApiInfo b = current.spec.api();
    Location at = b.location();
    if (!Objects.equals(a.name(), b.name())) {
      changes.source("client-renamed", at, "The client is now " + b.name() + "Client (was " + a.name()
          + "Client), and its exception " + b.name() + "ApiException.");
    }
    if (!Objects.equals(a.packageName(), b.packageName())) {
      changes.source("package-changed", at, "The generated classes are now in " + b.packageName() + " (were in "
          + a.packageName() + ").");
    }
    if (!Objects.equals(a.baseUrl(), b.baseUrl())) {
      changes.wire("base-url-changed", at, "The client's default base URL is now " + b.baseUrl() + " (was "
          + a.baseUrl() + "): a client built from the baseline calls the old one.");
    }
    if (!Objects.equals(a.authHeader(), b.authHeader())) {
      changes.both("auth-header-changed", at, "The credential travels in " + header(b) + " (was " + header(a)
          + "), and the builder's setter is " + Objects.toString(Symbols.credentialSetter(b), "gone") + ".");
    }
    String envelopeBefore = EndpointDiff.describe(null, a);
    String envelopeAfter = EndpointDiff.describe(null, b);
    if (!envelopeBefore.equals(envelopeAfter)) {
      changes.wire("envelope-changed", b.json() == null ? at : b.json().location(), "The JSON answers are in "
          + envelopeAfter + " (was " + envelopeBefore + "): each client reads the other's answers wrong.");
    }
    String statusBefore = status(a);
    String statusAfter = status(b);
    if (!statusBefore.equals(statusAfter)) {
      changes.wire("status-changed", b.protobuf() == null ? at : b.protobuf().location(), "The protobuf answers"
          + " carry " + statusAfter + " (was " + statusBefore + ").");
    }
    compareHosts(a, b);
    if (!Objects.equals(a.doc(), b.doc()) || !Objects.equals(a.authDoc(), b.authDoc())
        || !Objects.equals(a.license(), b.license())) {
      changes.safe("api-doc-changed", at, "The API's documentation changed.");
    }
    if (!Objects.equals(a.version(), b.version())) {
      changes.safe("api-version-changed", at, "The API's version is now " + b.version() + " (was " + a.version()
          + ").");
    }
    for (GroupDef group : current.spec.groups()) {
      baseline.spec.groups().stream().filter(g -> g.name().equals(group.name())).findFirst()
          .filter(g -> !Objects.equals(g.doc(), group.doc()))
          .ifPresent(g -> changes.safe("group-doc-changed:" + group.name(), group.location(),
              "The documentation of the group " + group.name() + " changed."));
    }
  }

  private void compareHosts(ApiInfo a, ApiInfo b) {
    for (ApiInfo.HostDef host : a.hosts()) {
      ApiInfo.HostDef other = b.host(host.name());
      if (other == null) {
        changes.source("host-removed:" + host.name(), host.location(), "The host " + host.name() + " was removed,"
            + " and with it the builder's " + Symbols.hostSetter(host.name()) + "().");
      } else if (!Objects.equals(host.url(), other.url())) {
        changes.wire("host-url-changed:" + host.name(), other.location(), "The host " + host.name() + " is now "
            + other.url() + " (was " + host.url() + "): a client built from the baseline calls the old one.");
      }
    }
    for (ApiInfo.HostDef host : b.hosts()) {
      if (a.host(host.name()) == null) {
        changes.safe("host-added:" + host.name(), host.location(), "The host " + host.name() + " (" + host.url()
            + ") is new, set with the builder's " + Symbols.hostSetter(host.name()) + "().");
      }
    }
  }

  private static String header(ApiInfo api) {
    return api.authHeader() == null ? "no header" : "the header " + api.authHeader();
  }

  private static String status(ApiInfo api) {
    ApiInfo.ProtobufSettings status = api.protobuf();
    return status == null ? "no status" : "the status {field: " + status.statusField() + ", code: "
        + status.codeField() + ", message: " + status.messageField() + ", success: " + status.successCode() + "}";
  }
}
