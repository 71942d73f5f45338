package dev.apispec.bench.jmh.hand;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.yunhu.client.proto.GroupInfoRequest;
import dev.yunhu.client.proto.GroupInfoResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The minimal hand-written baseline: java.net.http and Jackson (or protobuf's {@code parseFrom}), the
 * token header, a status check, the envelope's code or the protobuf status checked. No retries, no
 * size limit, no error mapping beyond that.
 */
public final class HandClient {
  private static final int SUCCESS = 1;

  private final HttpClient http;
  private final String token;
  private final ObjectMapper mapper = new ObjectMapper();
  private final JavaType recommendEnvelope;
  private final URI recommendList;
  private final URI groupInfo;

  public HandClient(HttpClient http, URI baseUri, String token) {
    this.http = http;
    this.token = token;
    this.recommendEnvelope = mapper.getTypeFactory().constructParametricType(HandEnvelope.class, HandRecommendedGroups.class);
    this.recommendList = URI.create(baseUri + "/v1/group/recommend/list");
    this.groupInfo = URI.create(baseUri + "/v1/group/info");
  }

  public HandRecommendedGroups recommendList(HandRecommendListRequest request) throws IOException, InterruptedException {
    HttpRequest httpRequest = HttpRequest.newBuilder(recommendList)
        .header("token", token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request)))
        .build();
    HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode());
    }
    HandEnvelope<HandRecommendedGroups> envelope = mapper.readValue(response.body(), recommendEnvelope);
    if (envelope.code() != SUCCESS) {
      throw new IOException("code " + envelope.code() + ": " + envelope.msg());
    }
    return envelope.data();
  }

  public GroupInfoResponse groupInfo(GroupInfoRequest request) throws IOException, InterruptedException {
    HttpRequest httpRequest = HttpRequest.newBuilder(groupInfo)
        .header("token", token)
        .header("Content-Type", "application/x-protobuf")
        .header("Accept", "application/x-protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
        .build();
    HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return checked(GroupInfoResponse.parseFrom(response.body()));
  }

  /** The status check a person would write with the generated getters. */
  public static GroupInfoResponse checked(GroupInfoResponse response) throws InvalidProtocolBufferException {
    if (response.getStatus().getCode() != SUCCESS) {
      throw new InvalidProtocolBufferException("code " + response.getStatus().getCode() + ": " + response.getStatus().getMsg());
    }
    return response;
  }
}
