package dev.apispec.codegen;

import dev.apispec.contract.ApiSpec;
import dev.apispec.contract.MockServer;
import dev.apispec.contract.ProtoTypes;
import dev.apispec.contract.Recording;
import dev.apispec.contract.Recordings;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Serves the project's recordings as a mock of its API on 127.0.0.1, until stopped (Ctrl+C): each request gets
 * the recorded answer of its method, path and body (JSON compared as JSON, protobuf as messages); an unrecorded
 * one gets a 404 that lists what is recorded for its path. Only the project's own recordings are served.
 */
@Mojo(name = "mock", threadSafe = true)
public final class MockMojo extends ServingMojo {
  /** The port on 127.0.0.1; 0 for any free one (the log says which). */
  @Parameter(property = "apispec.port", defaultValue = "8099")
  private int port;

  /** Skip this goal ({@code -Dapispec.mock.skip}). */
  @Parameter(property = "apispec.mock.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipAll) {
      getLog().info("Skipping the mock");
      return;
    }
    ProtoTypes protos = Serving.protos(descriptorSet);
    ApiSpec api = Serving.spec(spec, protos);
    if (!recordings.isDirectory()) {
      throw new MojoFailureException("no recordings folder " + recordings + "; set 'recordings'"
          + " (-Dapispec.recordings=DIR)");
    }
    List<Recording> served;
    try {
      served = Recordings.inDirectory(recordings.toPath());
    } catch (RuntimeException e) {
      throw new MojoFailureException("cannot read the recordings in " + recordings + ": " + e.getMessage(), e);
    }
    long endpoints = served.stream().map(r -> r.request().method() + " " + r.request().path()).distinct().count();
    try (MockServer mock = MockServer.start(port, served, protos, Serving.infoLines(getLog()))) {
      getLog().info("Mock of the API on " + mock.uri() + ": " + served.size() + " recordings of " + endpoints
          + " endpoints (of " + api.endpoints().size() + " in the spec), from " + recordings
          + ". Point the client at it with .baseUri(URI.create(\"" + mock.uri() + "\")). Ctrl+C stops it.");
      Serving.untilStopped();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot start the mock on port " + port + ": " + e.getMessage(), e);
    }
  }
}
