package dev.gatehouse.h2.frame;

/**
 * A frame of a known type whose payload cannot be what the type requires: a wrong fixed length (PING not 8 bytes,
 * RST_STREAM or WINDOW_UPDATE not 4, PRIORITY not 5, SETTINGS not a multiple of 6), padding longer than the
 * payload, a frame over the receiver's SETTINGS_MAX_FRAME_SIZE, or a frame too large to buffer. RFC 9113 makes most
 * of these a connection error; the lens shows the frame and goes on with the next one.
 *
 * @param type the declared type
 * @param streamId the stream
 * @param length the payload length from the frame header
 * @param flags the flags
 * @param reason what is wrong, in plain words
 */
public record MalformedFrame(FrameType type, int streamId, int length, Flags flags, String reason)
    implements Http2Frame {}
