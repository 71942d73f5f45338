package dev.apispec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-endpoint authentication, deriving an authenticated transport, and endpoints on other hosts. */
class CredentialAndHostsTest {
  static final String TOKEN = "tok_5f3c9a2e81d4b7";
  static final ResponseFormat<Void> OK = ResponseFormat.jsonNoData();
  static final Endpoint<Void> APPLY = Endpoint.post("/v1/friend/apply", OK);
  static final Endpoint<Void> LOGIN = new Endpoint<>("POST", "/v1/user/login", OK, false, false, null);
  static final Endpoint<Void> UPLOAD = new Endpoint<>("POST", "/upload", OK, false, true, "files");
  static final Endpoint<Void> ELSEWHERE = new Endpoint<>("POST", "/x", OK, false, true, "nowhere");

  private LocalServer main;
  private LocalServer files;

  @BeforeEach
  void start() throws Exception {
    main = LocalServer.start();
    files = LocalServer.start();
    main.respondJson("{\"code\":1,\"msg\":\"ok\"}");
    files.respondJson("{\"code\":1,\"msg\":\"ok\"}");
  }

  @AfterEach
  void stop() {
    main.close();
    files.close();
  }

  private ApiTransport transport(String token) {
    return ApiTransport.builder().baseUri(main.uri()).baseUri("files", files.uri("/f/")).auth("token", token)
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1)).build();
  }

  @Test
  void theLegacyConstructorsMeanAuthenticatedOnTheDefaultHost() {
    assertTrue(APPLY.authenticated());
    assertNull(APPLY.host());
    Endpoint<Void> retryable = new Endpoint<>("GET", "/a", OK, true);
    assertTrue(retryable.authenticated());
    assertTrue(retryable.retryable());
    assertNull(retryable.host());
    assertEquals("POST /v1/user/login", LOGIN.toString());
  }

  @Test
  void anUnauthenticatedEndpointIsSentWithoutTheCredential() throws Exception {
    transport(TOKEN).call(LOGIN, null);

    assertFalse(main.takeRequest().hasHeader("token"));
  }

  @Test
  void anAuthenticatedEndpointCarriesIt() throws Exception {
    transport(TOKEN).call(APPLY, null);

    assertEquals(TOKEN, main.takeRequest().header("token"));
  }

  @Test
  void anAuthenticatedEndpointWithoutACredentialFailsBeforeAnythingIsSent() {
    ApiTransport anonymous = transport(null);

    ApiCredentialException e = assertThrows(ApiCredentialException.class, () -> anonymous.call(APPLY, null));
    CompletableFuture<Void> async = anonymous.callAsync(APPLY, Params.create(), null);
    CompletionException later = assertThrows(CompletionException.class, async::join);

    assertEquals("POST /v1/friend/apply needs a credential in the 'token' header, and this client has none",
        e.getMessage());
    assertEquals(0, e.httpStatus());
    assertEquals("POST /v1/friend/apply", e.endpoint());
    assertEquals("token", e.header());
    assertTrue(later.getCause() instanceof ApiCredentialException, String.valueOf(later.getCause()));
    assertEquals(0, main.pendingRequests());
  }

  @Test
  void aClientLogsInAndDerivesAnAuthenticatedOne() throws Exception {
    ApiTransport anonymous = transport(null);
    anonymous.call(LOGIN, null);
    assertFalse(main.takeRequest().hasHeader("token"));

    ApiTransport signedIn = anonymous.withCredential("tok_new_77");
    signedIn.call(APPLY, null);

    assertFalse(anonymous.hasCredential());
    assertTrue(signedIn.hasCredential());
    assertEquals("tok_new_77", main.takeRequest().header("token"));
    assertEquals(anonymous.baseUri(), signedIn.baseUri());
    assertEquals(anonymous.baseUri("files"), signedIn.baseUri("files"));
    assertEquals("ApiTransport{baseUri=" + main.uri() + ", token=***, requestTimeout=null}", signedIn.toString());
    assertThrows(ApiCredentialException.class, () -> signedIn.withCredential(null).call(APPLY, null));
  }

  @Test
  void theDerivedTransportMasksItsOwnCredential() {
    main.respond(500, "text/plain", "echo tok_new_77 and " + TOKEN);

    ApiHttpException e = assertThrows(ApiHttpException.class,
        () -> transport(TOKEN).withCredential("tok_new_77").call(APPLY, null));

    assertEquals("POST /v1/friend/apply failed with HTTP 500: echo *** and " + TOKEN, e.getMessage());
  }

  @Test
  void aTransportBuiltWithoutAuthRequiresNoCredential() throws Exception {
    // an API without credentials: nothing to send, nothing to require (as before endpoints knew about it)
    ApiTransport open = ApiTransport.builder().baseUri(main.uri())
        .jsonEnvelope(new JsonEnvelope("code", "msg", "data", 1)).build();

    open.call(APPLY, null);

    assertFalse(open.hasCredential());
    assertFalse(main.takeRequest().hasHeader("Authorization"));
  }

  @Test
  void anEndpointOnAnotherHostGoesThere() throws Exception {
    transport(TOKEN).call(UPLOAD, null);
    transport(TOKEN).call(UPLOAD, Params.create().query("n", 1), null);

    LocalServer.Recorded request = files.takeRequest();
    assertEquals("/f/upload", request.path());
    assertEquals(TOKEN, request.header("token"));
    assertEquals("n=1", files.takeRequest().rawQuery());
    assertEquals(0, main.pendingRequests());
  }

  @Test
  void theHostsAreNamed() {
    ApiTransport transport = transport(TOKEN);

    assertEquals(URI.create(files.uri("/f/").toString().replaceAll("/$", "")), transport.baseUri("files"));
    assertEquals(transport.baseUri(), transport.baseUri(null));
    assertNull(transport.baseUri("nowhere"));
  }

  @Test
  void anEndpointOnAnUnknownHostIsAnIllegalState() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> transport(TOKEN).call(ELSEWHERE, null));

    assertEquals("POST /x is sent to the host 'nowhere', which this client has no base URI for", e.getMessage());
    assertEquals(0, main.pendingRequests());
    assertEquals(0, files.pendingRequests());
  }
}
