package dev.apispec.bench.jmh;

import dev.apispec.bench.jmh.hand.HandClient;
import dev.apispec.bench.jmh.hand.HandRecommendListRequest;
import dev.apispec.bench.oag.ApiClient;
import dev.apispec.bench.oag.ApiException;
import dev.apispec.bench.oag.api.GroupApi;
import dev.apispec.bench.oag.model.RecommendedGroups;
import dev.apispec.bench.oag.model.RecommendedGroupsEnvelope;
import dev.yunhu.client.YunhuClient;
import dev.yunhu.client.model.RecommendListRequest;
import dev.yunhu.client.proto.GroupInfoRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Objects;

/** The three clients of one endpoint, set up alike, and the requests they send. */
final class Clients {
  static final String TOKEN = "bench-token-0123456789";
  /** The request of the recording of /v1/group/recommend/list. */
  static final int CATEGORY_ID = 22;
  static final String KEYWORD = "114514";
  /** The group name in the recorded response, checked once before measuring. */
  static final String EXPECTED_NAME = "这是群聊名字";

  static final RecommendListRequest APISPEC_REQUEST = new RecommendListRequest(CATEGORY_ID, KEYWORD);
  static final HandRecommendListRequest HAND_REQUEST = new HandRecommendListRequest(CATEGORY_ID, KEYWORD);
  static final GroupInfoRequest GROUP_INFO_REQUEST = GroupInfoRequest.newBuilder().setGroupId("123").build();

  private Clients() {}

  /** What every client gets to send with over the network: HTTP/1.1 (the server speaks nothing else), no redirects. */
  static HttpClient.Builder httpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
  }

  static YunhuClient apispec(HttpClient http, URI baseUri) {
    return YunhuClient.builder().baseUri(baseUri).token(TOKEN).httpClient(http).build();
  }

  static HandClient hand(HttpClient http, URI baseUri) {
    return new HandClient(http, baseUri, TOKEN);
  }

  /** OpenAPI Generator's client, as its README sets it up; the API key header through the request interceptor. */
  static GroupApi openApiGenerator(HttpClient.Builder http, URI baseUri) {
    ApiClient api = new ApiClient();
    api.setHttpClientBuilder(http);
    api.updateBaseUri(baseUri.toString());
    api.setRequestInterceptor(request -> request.header("token", TOKEN));
    return new GroupApi(api);
  }

  static dev.apispec.bench.oag.model.RecommendListRequest oagRequest() {
    return new dev.apispec.bench.oag.model.RecommendListRequest().categoryId(CATEGORY_ID).keyword(KEYWORD);
  }

  /** OpenAPI Generator returns the envelope: the caller checks its code and takes the data. */
  static RecommendedGroups oagRecommendList(GroupApi api, dev.apispec.bench.oag.model.RecommendListRequest request)
      throws ApiException {
    RecommendedGroupsEnvelope envelope = api.groupRecommendList(request);
    if (!Objects.equals(envelope.getCode(), 1)) {
      throw new ApiException(200, "code " + envelope.getCode() + ": " + envelope.getMsg());
    }
    return envelope.getData();
  }

  static void expect(String actual) {
    if (!EXPECTED_NAME.equals(actual)) {
      throw new IllegalStateException("decoded the wrong thing: " + actual);
    }
  }
}
