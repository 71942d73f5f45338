package dev.yunhu.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apispec.contract.MockServer;
import dev.yunhu.client.YunhuClient;
import dev.yunhu.client.model.EmailLoginRequest;
import dev.yunhu.client.model.LoginToken;
import dev.yunhu.client.proto.ConversationListRequest;
import dev.yunhu.client.proto.ConversationListResponse;
import dev.yunhu.client.proto.ListMessageRequest;
import dev.yunhu.client.proto.ListMessageResponse;
import dev.yunhu.client.proto.MessageContent;
import dev.yunhu.client.proto.RecallMessageRequest;
import dev.yunhu.client.proto.SendMessageRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's chat session, run against the mock server of the built-in recordings: the code between the markers
 * below is the README's, line for line, so the README shows what works.
 */
class ChatSessionTest {

  private static final Path README = Path.of("../README.md");
  private static final Path SELF = Path.of("src/test/java/dev/yunhu/contract/ChatSessionTest.java");

  @Test
  void theReadmeChatSessionRunsAgainstTheMockServer() throws Exception {
    try (MockServer server = MockServer.start(0, Yunhu.recordings(), Yunhu.protos(), null)) {
      URI mock = server.uri();
      // README chat session
      YunhuClient anonymous = YunhuClient.builder()
          .baseUri(mock)                  // leave out for https://chat-go.jwzhd.com
          .build();                       // no token yet

      // 1. log in by e-mail: an endpoint that needs no token
      LoginToken login = anonymous.user().emailLogin(
          new EmailLoginRequest("123456@example.com", "123456", "awa", "android"));

      // 2. a client that sends the returned token (toString() shows token=***, never the token)
      YunhuClient yunhu = anonymous.withToken(login.token());

      // 3. the conversations, given the md5 of the list held from last time
      ConversationListResponse conversations = yunhu.conversation().list(
          ConversationListRequest.newBuilder().setMd5("fedcba9876543210fedcba9876543210").build());
      ConversationListResponse.Conversation group = conversations.getData(0);   // 测试群聊, 3 unread

      // 4. send it a text
      yunhu.msg().sendMessage(SendMessageRequest.newBuilder()
          .setMsgId("c0ffee00c0ffee00c0ffee00c0ffee00")    // the sender picks the ID: 32 random hex digits
          .setChatId(group.getChatId())
          .setChatType(group.getChatType())
          .setContentType(1)                                // text
          .setMsgContent(MessageContent.newBuilder().setText("今晚八点开会"))
          .build());

      // 5. the newest 20 messages of that chat, newest first
      ListMessageResponse messages = yunhu.msg().listMessage(ListMessageRequest.newBuilder()
          .setChatId(group.getChatId()).setChatType(group.getChatType()).setMsgCount(20).build());
      ListMessageResponse.Message sent = messages.getData(0);

      // 6. recall it
      yunhu.msg().recall(RecallMessageRequest.newBuilder()
          .addMsgId(sent.getMsgId()).setChatId(group.getChatId()).setChatType(group.getChatType()).build());
      // end of README chat session

      assertEquals("abcdefg1-xxxx-xxxx-xxxxxxxxxx", login.token());
      assertFalse(login.toString().contains(login.token()), login.toString());
      assertEquals("测试群聊", group.getName());
      assertEquals(3, group.getUnreadMsg());
      assertEquals(2, messages.getDataCount());
      assertEquals("今晚八点开会", sent.getMsgContent().getText());
      assertEquals("c0ffee00c0ffee00c0ffee00c0ffee00", sent.getMsgId());
    }
  }

  /** The README holds the session above verbatim (less the test's indentation), after its mock URI line. */
  @Test
  void theReadmeShowsThisSession() throws IOException {
    List<String> lines = Files.readAllLines(SELF);
    int start = lines.indexOf("      // README chat session");
    int end = lines.indexOf("      // end of README chat session");
    assertTrue(start > 0 && end > start, "markers in " + SELF);
    String session = lines.subList(start + 1, end).stream()
        .map(line -> line.length() >= 6 ? line.substring(6) : line.strip())
        .collect(Collectors.joining("\n"));
    String readme = Files.readString(README);
    assertTrue(readme.contains("URI mock = URI.create(\"http://127.0.0.1:8099\");\n" + session + "\n```"),
        "README.md must show the chat session of " + SELF + " after its line URI mock = ...:\n" + session);
  }
}
