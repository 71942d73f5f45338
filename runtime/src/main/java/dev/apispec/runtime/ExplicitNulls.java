package dev.apispec.runtime;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** See {@link ApiJson#module()}. */
final class ExplicitNulls {
  static final Module MODULE = new SimpleModule("apispec-explicit-nulls");

  private ExplicitNulls() {}
}
