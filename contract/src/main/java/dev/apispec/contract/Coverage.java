package dev.apispec.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Whether the recordings and the spec cover each other: every endpoint has a success recording,
 * every documented error is recorded, every recording belongs to an endpoint and is filed under it,
 * and no two recordings of an endpoint answer the same request (the mock server could not choose).
 * Each method returns one line per problem; none means covered.
 */
public final class Coverage {
  private final ApiSpec spec;
  private final ContractCheck check;

  public Coverage(ApiSpec spec, ClientUnderTest client) {
    this.spec = spec;
    this.check = new ContractCheck(spec, client);
  }

  /** Endpoints of the spec without a recording of a successful call. */
  public List<String> endpointsWithoutSuccess(List<Recording> recordings) {
    List<String> problems = new ArrayList<>();
    for (ApiSpec.Endpoint endpoint : spec.endpoints()) {
      if (endpoint.unsupported() != null) {
        continue; // its recordings cannot be replayed, so their outcome is not known
      }
      boolean covered = recordings.stream()
          .filter(r -> isOf(r, endpoint))
          .map(check::outcome)
          .anyMatch(o -> o != null && o.success());
      if (!covered) {
        problems.add(endpoint + " has no success recording; add " + endpoint.recordingDir() + "/success.json");
      }
    }
    return problems;
  }

  /** Errors the spec documents (from the community notes) that no recording shows. */
  public List<String> documentedErrorsWithoutRecording(List<Recording> recordings) {
    List<String> problems = new ArrayList<>();
    for (ApiSpec.Endpoint endpoint : spec.endpoints()) {
      if (endpoint.unsupported() != null) {
        continue; // its recordings cannot be replayed, so their outcome is not known
      }
      List<ContractCheck.Outcome> failures = recordings.stream()
          .filter(r -> isOf(r, endpoint))
          .map(check::outcome)
          .filter(o -> o != null && o.code() != null)
          .toList();
      for (ApiSpec.DocumentedError error : endpoint.errors()) {
        if (failures.stream().noneMatch(o -> error.matches(o.code(), o.message()))) {
          problems.add(endpoint + " documents failure " + error.code() + " \"" + error.message()
              + "\", but no recording in " + endpoint.recordingDir() + "/ shows it");
        }
      }
    }
    return problems;
  }

  /** Recordings whose request is no endpoint of the spec, or that are filed under another endpoint. */
  public List<String> strayRecordings(List<Recording> recordings) {
    List<String> problems = new ArrayList<>();
    for (Recording recording : recordings) {
      ApiSpec.Endpoint endpoint = spec.endpoint(recording.request()).orElse(null);
      String id = recording.id().startsWith("extra:") ? recording.id().substring("extra:".length()) : recording.id();
      int slash = id.lastIndexOf('/');
      String dir = slash < 0 ? "" : id.substring(0, slash);
      if (endpoint == null) {
        problems.add(recording.id() + ": " + recording.endpoint() + " matches no endpoint of the spec");
      } else if (!dir.equals(endpoint.recordingDir())) {
        problems.add(recording.id() + ": a recording of " + endpoint + " must be filed under "
            + endpoint.recordingDir() + "/, not " + (dir.isEmpty() ? "the top folder" : dir + "/"));
      }
    }
    return problems;
  }

  /** Pairs of recordings of one endpoint that answer the same request body. */
  public List<String> ambiguousRecordings(List<Recording> recordings) {
    RequestMatcher matcher = new RequestMatcher(recordings, spec.protos());
    Map<String, List<Recording>> byEndpoint = recordings.stream()
        .collect(Collectors.groupingBy(Recording::endpoint, java.util.LinkedHashMap::new, Collectors.toList()));
    List<String> problems = new ArrayList<>();
    for (List<Recording> same : byEndpoint.values()) {
      for (int i = 0; i < same.size(); i++) {
        for (int j = i + 1; j < same.size(); j++) {
          Recording.Body other = same.get(j).request().body();
          if (matcher.sameBody(same.get(i).request().body(), other == null ? new byte[0] : other.bytes())) {
            problems.add(same.get(i).id() + " and " + same.get(j).id() + " answer the same request; the mock"
                + " server would always pick " + same.get(i).id() + ". Change one request body.");
          }
        }
      }
    }
    return problems;
  }

  private boolean isOf(Recording recording, ApiSpec.Endpoint endpoint) {
    return spec.endpoint(recording.request()).filter(endpoint::equals).isPresent();
  }
}
