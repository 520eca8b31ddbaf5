package dev.gatehouse.gateway.trace;

/** Who sent the bytes of an upstream connection: the gateway is the HTTP/2 client, the backend the server. */
public enum Sender {
  /** The gateway (the HTTP/2 client: it sends the connection preface and opens the streams). */
  GATEWAY,
  /** The gRPC backend (the HTTP/2 server). */
  BACKEND
}
