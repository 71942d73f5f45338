package dev.apispec.codegen;

import dev.apispec.contract.ApiSpec;
import dev.apispec.contract.ProtoTypes;
import dev.apispec.contract.Recorder;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A recording proxy on 127.0.0.1 to the API, until stopped (Ctrl+C): each exchange the client makes through it
 * is written as a recording. Before anything is written, these are replaced with the recordings' redaction marker, in headers
 * and bodies (JSON properties and protobuf fields alike): the spec's credential header; {@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie}; every field the spec marks
 * {@code secret: true}; and the headers and fields named here. A body such a field may be in but that cannot be
 * decoded is replaced whole, with a marker that says so.
 */
@Mojo(name = "record", threadSafe = true)
public final class RecordMojo extends ServingMojo {
  /** The port on 127.0.0.1; 0 for any free one (the log says which). */
  @Parameter(property = "apispec.port", defaultValue = "8098")
  private int port;

  /** Where to forward; the spec's {@code baseUrl} unless set. */
  @Parameter(property = "apispec.target")
  private String target;

  /** The file name of new recordings; a number is added when it is taken. */
  @Parameter(property = "apispec.recordingName", defaultValue = "recorded")
  private String name;

  /** More request headers to hide (any case). */
  @Parameter(property = "apispec.redactHeaders")
  private List<String> redactHeaders;

  /** More JSON properties and protobuf fields to hide, anywhere in the bodies. */
  @Parameter(property = "apispec.redactFields")
  private List<String> redactFields;

  /** Skip this goal ({@code -Dapispec.record.skip}). */
  @Parameter(property = "apispec.record.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipAll) {
      getLog().info("Skipping the recording proxy");
      return;
    }
    ProtoTypes protos = Serving.protos(descriptorSet);
    ApiSpec api = Serving.spec(spec, protos);
    URI to = URI.create(target == null || target.isBlank() ? api.baseUrl() : target);
    if (!"http".equals(to.getScheme()) && !"https".equals(to.getScheme())) {
      throw new MojoFailureException("'target' must be an http or https URL: " + to);
    }
    Set<String> headers = new LinkedHashSet<>(redactHeaders == null ? List.of() : redactHeaders);
    Set<String> fields = new LinkedHashSet<>(redactFields == null ? List.of() : redactFields);
    Recorder.Options options;
    try {
      options = new Recorder.Options(to, port, recordings.toPath().toAbsolutePath().normalize(), name, headers,
          fields);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    try (Recorder recorder = Recorder.start(options, api, Serving.infoLines(getLog()))) {
      Set<String> hidden = new LinkedHashSet<>();
      if (api.authHeader() != null) {
        hidden.add(api.authHeader());
      }
      hidden.addAll(Recorder.CREDENTIAL_HEADERS);
      hidden.addAll(headers);
      getLog().info("Recording proxy on " + recorder.uri() + " -> " + to + ", writing to " + options.out()
          + ". Point the client at it with .baseUri(URI.create(\"" + recorder.uri() + "\")). Hidden: the headers "
          + hidden + ", the fields " + union(api.secretFields(), fields) + ". Ctrl+C stops it.");
      Serving.untilStopped();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot start the recorder on port " + port + ": " + e.getMessage(), e);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
