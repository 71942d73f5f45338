package dev.example.shop.app;

import dev.example.shop.ShopClient;
import dev.example.shop.model.Order;
import dev.example.shop.model.OrderQuery;
import java.net.URI;

/** Prints an order: the way an application uses the generated client. */
public final class App {
  private App() {}

  public static void main(String[] args) {
    ShopClient client = ShopClient.builder()
        .baseUri(URI.create(args[0]))
        .xApiKey(args[1])
        .build();
    Order order = client.orders().get(new OrderQuery(args[2]));
    System.out.println(order.orderId() + " is " + order.state() + " with items " + order.items());
  }
}
