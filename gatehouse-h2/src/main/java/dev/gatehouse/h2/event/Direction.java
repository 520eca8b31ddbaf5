package dev.gatehouse.h2.event;

/** Who sent the bytes: the endpoint that opened the connection (sent the preface) or the other one. */
public enum Direction {
  CLIENT,
  SERVER;

  /** The other endpoint. */
  public Direction peer() {
    return this == CLIENT ? SERVER : CLIENT;
  }

  /** The lowercase name used in outputs: {@code client} or {@code server}. */
  public String label() {
    return this == CLIENT ? "client" : "server";
  }
}
