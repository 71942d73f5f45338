package dev.apispec.codegen;

import dev.apispec.contract.ApiSpec;
import dev.apispec.contract.ProtoTypes;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** What the {@code mock} and {@code record} goals share: the spec and its messages, a log, and waiting. */
final class Serving {
  private Serving() {}

  /** The spec's protobuf messages: from the descriptor set, or none for a JSON-only spec. */
  static ProtoTypes protos(File descriptorSet) throws MojoExecutionException {
    if (descriptorSet == null) {
      return ProtoTypes.none();
    }
    try {
      return ProtoTypes.fromDescriptorSet(Files.readAllBytes(descriptorSet.toPath()));
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("cannot read the descriptor set " + descriptorSet + ": " + e.getMessage(), e);
    }
  }

  /** The spec, read and validated as the {@code generate} goal does. */
  static ApiSpec spec(File spec, ProtoTypes protos) throws MojoFailureException {
    try {
      return ApiSpec.read(spec.toPath(), protos);
    } catch (IllegalStateException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  /** A stream whose every line goes to the Maven log at info level. */
  static PrintStream infoLines(Log log) {
    return new PrintStream(new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        if (b == '\n') {
          log.info(line.toString(StandardCharsets.UTF_8));
          line.reset();
        } else {
          line.write(b);
        }
      }
    }, true, StandardCharsets.UTF_8);
  }

  /** Blocks until the build is stopped (Ctrl+C) or this thread is interrupted. */
  static void untilStopped() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
