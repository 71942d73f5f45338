package dev.apispec.bench.jmh.hand;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The hand-written JSON envelope: {@code {"code":1,"msg":"success","data":...}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HandEnvelope<T>(int code, String msg, T data) {}
