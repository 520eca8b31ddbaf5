package dev.gatehouse.h2.event;

/**
 * A PING or PING ACK, classified. For an ACK, the kind is the pinged frame's kind and the round trip is known when
 * the matching PING (same payload, other direction, not yet answered) was seen.
 *
 * @param timeNanos when the frame arrived
 * @param direction who sent it
 * @param seq this frame's sequence number
 * @param ack whether this is an ACK
 * @param opaqueData the payload
 * @param kind what the ping is for
 * @param fingerprint the implementation and purpose the payload reveals, e.g. {@code grpc-java BDP probe}, or empty
 * @param pingSeq for an ACK, the sequence number of the PING it answers, else -1 (also -1 when unmatched)
 * @param rttNanos for a matched ACK, the round trip as seen at the lens, else -1
 */
public record PingEvent(long timeNanos, Direction direction, long seq, boolean ack, long opaqueData, PingKind kind,
    String fingerprint, long pingSeq, long rttNanos) implements Event {}
