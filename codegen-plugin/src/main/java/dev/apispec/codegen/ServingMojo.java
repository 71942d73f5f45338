package dev.apispec.codegen;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** The settings the {@code mock} and {@code record} goals share: the spec, its messages and the recordings. */
abstract class ServingMojo extends AbstractMojo {
  /** The spec: one YAML file, or a folder of them. It is validated before anything is served. */
  @Parameter(property = "apispec.spec", defaultValue = "${project.basedir}/src/main/spec", required = true)
  File spec;

  /** The {@code FileDescriptorSet} of the spec's protobuf messages, with imports; only for protobuf endpoints. */
  @Parameter(property = "apispec.descriptorSet")
  File descriptorSet;

  /** The recordings folder: {@code <group>/<endpoint>/<name>.json}. */
  @Parameter(property = "apispec.recordings", defaultValue = "${project.basedir}/src/test/recordings",
      required = true)
  File recordings;

  /** Skip every goal of this plugin ({@code -Dapispec.skip}). */
  @Parameter(property = "apispec.skip", defaultValue = "false")
  boolean skipAll;
}
