package dev.gatehouse.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.gateway.stream.StreamFraming;

/**
 * The layout a client asked for a server stream, and the {@code Content-Type} it is sent with.
 *
 * @param framing how messages are laid out in the body
 * @param contentType the response's {@code Content-Type}
 */
record StreamFormat(StreamFraming framing, String contentType) {
  StreamFormat {
    requireNonNull(framing, "framing");
    requireNonNull(contentType, "contentType");
  }
}
