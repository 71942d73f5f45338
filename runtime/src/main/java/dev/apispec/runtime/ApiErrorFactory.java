package dev.apispec.runtime;

/** Makes the API-specific exception for a response whose result code is not the success code. */
@FunctionalInterface
public interface ApiErrorFactory {
  ApiErrorException create(String endpoint, int httpStatus, int code, String message);
}
