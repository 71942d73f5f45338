package dev.example.shop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.example.shop.ShopClient;
import dev.example.shop.model.Order;
import dev.example.shop.model.OrderState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopClientTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void ordersRoundTripWithAPlainObjectMapper() throws Exception {
    String json = "{\"order_id\":\"42\",\"state\":\"returned\",\"items\":\"7,8\",\"note\":\"gift\"}";
    Order order = mapper.readValue(json, Order.class);
    assertEquals("42", order.orderId());
    assertEquals("returned", order.state().value());
    assertFalse(order.state().isKnown());
    assertEquals(List.of(7L, 8L), order.items());
    assertEquals(mapper.readTree(json), mapper.readTree(mapper.writeValueAsString(order)));
    assertSame(OrderState.SHIPPED, mapper.readValue("\"shipped\"", OrderState.class));
  }

  @Test
  void theKeyIsNeverPrinted() {
    ShopClient.Builder builder = ShopClient.builder().xApiKey("s3cret");
    assertEquals("Builder{baseUri=https://shop.example.com, xApiKey=***}", builder.toString());
    assertEquals("ShopClient{baseUri=https://shop.example.com}", builder.build().toString());
  }
}
