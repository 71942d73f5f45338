package dev.apispec.codegen.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.codegen.Codegen;
import dev.apispec.codegen.TestProtos;
import dev.apispec.codegen.diagnostics.SpecException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reference of a small spec of every shape, read as Markdown: what each page says of each endpoint. */
class ApiReferenceTest {
  static final String SPEC = """
      api:
        name: Docs
        package: dev.example.docs
        baseUrl: https://api.example.com
        doc: An API of every shape.
        version: "2.1"
        license: {name: Apache-2.0, url: https://www.apache.org/licenses/LICENSE-2.0}
        auth: {header: token, doc: The session token.}
        hosts:
          web: {url: https://web.example.com, doc: The web pages' host.}
        json:
          envelope: {code: code, message: msg, data: data, success: 1}
        protobuf:
          status: {field: status, code: code, message: msg, success: 1}
      types:
        ChatType:
          doc: The kind of a chat.
          enum: int
          values:
            USER: {value: 1, doc: A user.}
            GROUP: {value: 2}
        Platform:
          enum: string
          values: {ANDROID: {value: android}}
        ApplyRequest:
          doc: Asks to add a chat.
          fields:
            chatId: {type: string, required: true, doc: "The chat, such as a *group* | user.", example: "123"}
            chatType: {type: ChatType, required: true, example: 2}
            tags: {type: list<string>, example: vip}
            types: {type: list<ChatType>, format: comma-separated, example: "1,2"}
            password: {type: string, secret: true}
            owner: {type: Owner}
        Owner:
          fields:
            id: {type: int64, format: string, example: "7356666"}
            score: {type: float64, format: string}
            settings: {type: map<string>, format: json-string}
        Page:
          fields:
            items: {type: list<Owner>, required: true}
            total: {type: int32}
      groups:
        chat:
          doc: Chats and their members. A second sentence.
          prefix: /v1/chat/
          endpoints:
            - path: /v1/chat/apply
              doc: Asks to add a chat.
              request: {json: ApplyRequest}
              errors:
                - {code: -1, message: 已是好友, doc: Already a friend.}
            - path: /v1/chat/{chatId}/list
              method: GET
              retryable: true
              params:
                chatId: {in: path, type: string, doc: The chat.}
                page: {in: query, type: int32, required: true, example: 1}
                platforms: {in: query, type: list<Platform>}
                X-Trace-Id: {in: header, type: string, javaName: traceId}
              response: {json: Page}
            - path: /v1/chat/is-member
              deprecated: true
              response: {codes: {1: true, 2: false, 3: false}}
            - path: /v1/chat/kind
              response: {codes: ChatType}
            - path: /v1/chat/report
              request: {protobuf: testapi.v1.docs.ReportRequest}
              response: {protobuf: testapi.v1.docs.ReportResponse}
            - path: /v1/chat/nickname
              envelope: {message: msg}
              request: {json: ApplyRequest}
        files:
          prefix: /v1/files/
          auth: none
          endpoints:
            - path: /v1/files/avatar
              method: GET
              response: {bytes: image/png}
            - path: /v1/files/note
              method: PUT
              request: {text: text/plain}
              response: {text: text/markdown}
        web-chat:
          host: web
          prefix: /v1/chat/
          envelope: {code: Code, message: Message, data: Data, success: 0}
          endpoints:
            - path: /v1/chat/info
              response: {json: Page}
            - path: /v1/chat/raw
              envelope: none
              auth: required
              response: {json: Owner}
      """;

  static Map<String, String> pages() {
    return Codegen.apiReferenceFromText("docs.yaml", SPEC, TestProtos.descriptorSet());
  }

  /**
   * The part of a page an anchor starts: to the next heading of the same level or higher for a heading's anchor,
   * else (an anchor inside a paragraph) to the next anchor or heading.
   */
  static String section(String page, String anchor) {
    String tag = "<a id=\"" + anchor + "\"></a>";
    int start = page.indexOf(tag);
    assertTrue(start >= 0, "no anchor " + anchor + " in\n" + page);
    int after = start + tag.length();
    Matcher heading = Pattern.compile("\\G\n(#+) ").matcher(page);
    Pattern end = heading.find(after)
        ? Pattern.compile("\n(<a id=\"[^\"]+\"></a>\n)?#{1," + heading.group(1).length() + "} ")
        : Pattern.compile("\n(<a id=|#)");
    Matcher next = end.matcher(page);
    return page.substring(start, next.find(after + 1) ? next.start() : page.length());
  }

  @Test
  void theIndexHasOnePagePerGroupAndNamesTheApiItsHostsCredentialAndEnvelopes() {
    Map<String, String> pages = pages();
    assertEquals(List.of("index.md", "chat.md", "files.md", "web-chat.md"), List.copyOf(pages.keySet()));
    String index = pages.get("index.md");
    assertTrue(index.startsWith("# Docs API reference\n\nAn API of every shape.\n"), index);
    assertTrue(index.contains("| client | `dev.example.docs.DocsClient` |"), index);
    assertTrue(index.contains("| version | `2.1` |"), index);
    assertTrue(index.contains("| license | [Apache-2.0](https://www.apache.org/licenses/LICENSE-2.0) |"), index);
    assertTrue(index.contains("| `web` | `https://web.example.com` | `webBaseUri(URI)` | The web pages' host. |"),
        index);
    assertTrue(index.contains("in the `token` header") && index.contains("`withToken(String)`")
        && index.contains("The session token."), index);
    assertTrue(index.contains("| message | `msg` |\n| data | `data` |\n| success code | `1` |"), index);
    assertTrue(index.contains("| status | `status` |"), index);
    assertTrue(index.contains("3 groups, 10 endpoints."), index);
    assertTrue(index.contains("| [chat](chat.md) | `chat()` | `ChatApi` | 6 | Chats and their members. |"), index);
    assertTrue(index.contains("| [web-chat](web-chat.md) | `webChat()` | `WebChatApi` | 2 |  |"), index);
    // by path: the two /v1/chat/info-like paths of two hosts sort by path, then method, then host
    assertTrue(index.indexOf("`POST /v1/chat/info` | `web` | [`webChat().info(…)`](web-chat.md#info)")
        > index.indexOf("`POST /v1/chat/apply` |  | [`chat().apply(…)`](chat.md#apply)"), index);
  }

  @Test
  void aJsonEndpointShowsItsMethodsCallFieldsExampleAndErrors() {
    String apply = section(pages().get("chat.md"), "apply");
    assertTrue(apply.contains("```java\nvoid apply(ApplyRequest request)\n"
        + "CompletableFuture<Void> applyAsync(ApplyRequest request)\n```"), apply);
    assertTrue(apply.contains("| HTTP | `POST /v1/chat/apply` |"), apply);
    assertTrue(apply.contains("| host | the API's base URL, `https://api.example.com` |"), apply);
    assertTrue(apply.contains("| auth | the `token` header |"), apply);
    assertTrue(apply.contains("| retryable | no"), apply);
    assertFalse(apply.contains("| envelope |"), "the API's envelope is said once, in the index:\n" + apply);
    assertTrue(apply.contains("| code | message | doc |\n| --- | --- | --- |\n| `-1` | `已是好友` | Already a friend. |"),
        apply);

    String request = section(pages().get("chat.md"), "type-ApplyRequest");
    assertTrue(request.contains("**Request**: JSON, [`ApplyRequest`](#type-ApplyRequest)."), request);
    assertTrue(request.contains("Asks to add a chat."), request);
    // the doc's Markdown characters are escaped, and its | does not split the cell
    assertTrue(request.contains("| `chatId` | `chatId` | string | `String` | yes | The chat, such as a \\*group\\* \\| "
        + "user. Example: `\"123\"`. |"), request);
    assertTrue(request.contains("| `chatType` | `chatType` | [ChatType](#type-ChatType) | `ChatType` | yes |"), request);
    assertTrue(request.contains("| `types` | `types` | [list\\<ChatType\\>](#type-ChatType) | `List<ChatType>` | no | "
        + "Sent as one comma-separated string"), request);
    assertTrue(request.contains("| `password` | `password` | string | `String` | no | **Secret**"), request);
    assertTrue(request.contains("""
        ```json
        {
          "chatId": "123",
          "chatType": 2,
          "tags": [
            "vip"
          ],
          "types": "1,2",
          "owner": {
            "id": "7356666"
          }
        }
        ```"""), request);
  }

  @Test
  void parametersComeInSpecOrderBeforeTheBodyWithTheirJavaAndWireNames() {
    String list = section(pages().get("chat.md"), "chatIdList");
    assertTrue(list.contains("Page chatIdList(String chatId, int page, List<Platform> platforms, String traceId)\n"
        + "CompletableFuture<Page> chatIdListAsync(String chatId, int page, List<Platform> platforms, String traceId)"),
        list);
    assertTrue(list.contains("| `chatId` | `chatId` | path | string | `String` | yes | The chat. |"), list);
    assertTrue(list.contains("| `page` | `page` | query | int32 | `int` | yes | Example: `1`. |"), list);
    assertTrue(list.contains("| `platforms` | `platforms` | query | [list\\<Platform\\>](#type-Platform) | "
        + "`List<Platform>` | no |"), list);
    assertTrue(list.contains("| `traceId` | `X-Trace-Id` | header | string | `String` | no |"), list);
    assertTrue(list.contains("| retryable | yes"), list);
    assertTrue(list.contains("**Response**: JSON, [`Page`](#type-Page), in the envelope's `data`."), list);
  }

  @Test
  void codesAnswersListEveryCodeAndDeprecatedMethodsSaySo() {
    String chat = pages().get("chat.md");
    String isMember = section(chat, "isMember");
    assertTrue(isMember.contains("**Deprecated**"), isMember);
    assertTrue(isMember.contains("@Deprecated boolean isMember()\n@Deprecated CompletableFuture<Boolean> isMemberAsync()"),
        isMember);
    assertTrue(isMember.contains("| `1` | `true` |\n| `2` | `false` |\n| `3` | `false` |"), isMember);
    String kind = section(chat, "kind");
    assertTrue(kind.contains("ChatType kind()"), kind);
    assertTrue(kind.contains("| `1` | `ChatType.USER` |\n| `2` | `ChatType.GROUP` |"), kind);
  }

  @Test
  void enumsAndNestedTypesAreDescribedOnceOnThePageThatUsesThem() {
    String chat = pages().get("chat.md");
    String chatType = section(chat, "type-ChatType");
    assertTrue(chatType.contains("Enum `dev.example.docs.model.ChatType`."), chatType);
    assertTrue(chatType.contains("The kind of a chat."), chatType);
    assertTrue(chatType.contains("| `USER` | `1` | A user. |\n| `GROUP` | `2` |  |"), chatType);
    assertTrue(section(chat, "type-Platform").contains("| `ANDROID` | `\"android\"` |"), chat);
    String owner = section(chat, "type-Owner");
    assertTrue(owner.contains("| `id` | `id` | int64 | `Long` | no | Sent as a JSON string"), owner);
    assertTrue(owner.contains("| `score` | `score` | float64 | `BigDecimal` | no |"), owner);
    assertTrue(owner.contains("| `settings` | `settings` | map\\<string\\> | `Map<String, String>` | no | Sent as its JSON"
        + " text"), owner);
    for (String anchor : List.of("type-ApplyRequest", "type-Owner", "type-ChatType")) {
      assertEquals(1, count(chat, "<a id=\"" + anchor + "\">"), anchor);
    }
    // the second endpoint with ApplyRequest links to where it is described
    String nickname = section(chat, "nickname");
    assertTrue(nickname.contains("**Request**: JSON, [`ApplyRequest`](#type-ApplyRequest)."), nickname);
    assertFalse(nickname.contains("| Java name |"), nickname);
    assertTrue(nickname.contains("| envelope | a message only, in `msg`"), nickname);
    // no link of a page points to an anchor it does not have
    for (Map.Entry<String, String> page : pages().entrySet()) {
      Matcher link = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(page.getValue());
      while (link.find()) {
        assertTrue(page.getValue().contains("<a id=\"" + link.group(1) + "\"></a>"),
            page.getKey() + " links to #" + link.group(1));
      }
    }
  }

  @Test
  void protobufMessagesShowFieldNumbersTypesAndLabelsNestedMessagesToo() {
    String chat = pages().get("chat.md");
    String report = section(chat, "report");
    assertTrue(report.contains("ReportResponse report(ReportRequest request)"), report);
    String request = section(chat, "message-testapi.v1.docs.ReportRequest");
    assertTrue(request.contains("**Request**: protobuf, [`testapi.v1.docs.ReportRequest`]"
        + "(#message-testapi.v1.docs.ReportRequest) (`ReportRequest`)."), request);
    assertTrue(request.contains("| number | field | type | label |"), request);
    assertTrue(request.contains("| 1 | `id` | `string` |  |"), request);
    assertTrue(request.contains("| 2 | `tags` | `string` | repeated |"), request);
    assertTrue(request.contains("| 3 | `counts` | map\\<`string`, `int32`\\> | map |"), request);
    assertTrue(request.contains("| 5 | `kind` | [`testapi.v1.docs.ReportRequest.Kind`]"
        + "(#message-testapi.v1.docs.ReportRequest.Kind) |  |"), request);
    assertTrue(request.contains("| 9 | `since` | `int64` | optional |"), request);
    assertTrue(request.contains("| 10 | `user` | `string` | oneof `target` |"), request);
    assertTrue(request.contains("Reserved: 4, 6 to 8, `old_name`."), request);
    String response = section(chat, "message-testapi.v1.docs.ReportResponse");
    assertTrue(response.contains("; its `status` is checked."), response);

    String line = section(chat, "message-testapi.v1.docs.ReportResponse.Line");
    assertTrue(line.contains("Protobuf message, `dev.apispec.testapi.v1.docs.ReportResponse.Line`."), line);
    assertTrue(line.contains("| 2 | `parent` | [`testapi.v1.docs.ReportResponse.Line`]"), line);
    assertTrue(section(chat, "message-testapi.v1.Status").contains("| 2 | `code` | `int64` |  |"), chat);
    assertTrue(section(chat, "message-testapi.v1.docs.ReportRequest.Kind").contains("| 1 | `DAILY` |"), chat);
    assertFalse(chat.contains("CountsEntry"), "a map's entry is not a message of its own");
  }

  @Test
  void textBytesOtherHostsOtherEnvelopesAndEndpointsWithoutTheCredential() {
    Map<String, String> pages = pages();
    String files = pages.get("files.md");
    assertTrue(files.contains("| auth | none, unless an endpoint says otherwise |"), files);
    String avatar = section(files, "avatar");
    assertTrue(avatar.contains("byte[] avatar()"), avatar);
    assertTrue(avatar.contains("**Response**: bytes, `image/png` (`byte[]`)."), avatar);
    assertTrue(avatar.contains("| auth | none: the credential is not sent |"), avatar);
    String note = section(files, "note");
    assertTrue(note.contains("String note(String request)"), note);
    assertTrue(note.contains("**Request**: text, `text/plain` (`String`)."), note);
    assertTrue(note.contains("**Response**: text, `text/markdown` (`String`), asked for with `Accept`."), note);

    String web = pages.get("web-chat.md");
    String info = section(web, "info");
    assertTrue(info.contains("| host | `web`, `https://web.example.com` (builder: `webBaseUri(URI)`) |"), info);
    assertTrue(info.contains("| envelope | code in `Code`, message in `Message`, data in `Data`; success is `0` |"), info);
    assertTrue(info.contains("in the envelope's `Data`."), info);
    String raw = section(web, "type-Owner");
    assertTrue(raw.contains("**Response**: JSON, [`Owner`](#type-Owner), in the whole body."), raw);
    assertTrue(section(web, "raw").contains("| envelope | none: the body is the payload"), web);
    assertTrue(section(web, "raw").contains("| auth | the `token` header |"), web);
  }

  @Test
  void theSamePagesComeOutEveryTimeWithUnixLineEnds() {
    Map<String, String> first = pages();
    assertEquals(first, pages());
    first.forEach((name, text) -> {
      assertFalse(text.contains("\r"), name);
      assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), name);
    });
  }

  @Test
  void anInvalidSpecGivesNoPagesButEveryProblemWithItsLocation() {
    SpecException e = assertThrows(SpecException.class, () -> Codegen.apiReferenceFromText("docs.yaml",
        SPEC.replaceFirst("json: ApplyRequest", "json: ApplyRequst"), TestProtos.descriptorSet()));
    assertNotNull(e.getMessage());
    assertTrue(e.problems().get(0).toString().startsWith("docs.yaml:"), e.problems().toString());
    assertTrue(e.getMessage().contains("ApplyRequst"), e.getMessage());
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
