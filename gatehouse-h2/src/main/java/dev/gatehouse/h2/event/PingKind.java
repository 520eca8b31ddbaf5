package dev.gatehouse.h2.event;

/** What a PING is for, judged from its payload (fingerprints of gRPC implementations) and context. */
public enum PingKind {
  /** A bandwidth-delay-product probe (grpc-java {@code 1234}, grpc-go {@code 0204101009 0e0707}). */
  BDP_PROBE,
  /** A keepalive or user ping (grpc-java client {@code 1111}, grpc-java server {@code 0xDEAD}). */
  KEEPALIVE,
  /**
   * The ping between the two GOAWAYs of a graceful shutdown (grpc-java {@code 0x97ACEF001}, grpc-go
   * {@code 0106010800030309}), or any PING sent right after a drain-announcing GOAWAY.
   */
  GRACEFUL_SHUTDOWN,
  /** A small counter payload (0, 1, 2, …) as gRPC C-core sends for keepalive and BDP alike. */
  COUNTER,
  /** No known fingerprint. */
  UNCLASSIFIED
}
