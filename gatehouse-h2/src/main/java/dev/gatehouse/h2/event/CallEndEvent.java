package dev.gatehouse.h2.event;

import dev.gatehouse.h2.frame.ErrorCode;
import dev.gatehouse.h2.grpc.GrpcStatus;

/**
 * A call's summary when it ends.
 *
 * @param timeNanos when it ended
 * @param streamId the stream
 * @param method {@code :path}, or {@code null}
 * @param authority {@code :authority}, or {@code null}
 * @param ending how it ended
 * @param status the status: from {@code grpc-status} when trailers came; else the one a client derives (from the
 *     RST_STREAM code, a non-200 {@code :status}, or UNAVAILABLE/INTERNAL for a lost connection); {@code null} when
 *     none applies
 * @param statusFromTrailers whether {@code status} was sent by the server rather than derived
 * @param message the percent-decoded {@code grpc-message}, or {@code null}
 * @param httpStatus the response {@code :status}, or -1
 * @param trailersOnly whether the response was trailers-only
 * @param resetCode the RST_STREAM code when one ended the call, else {@code null}
 * @param resetBy who sent that RST_STREAM, else {@code null}
 * @param startNanos when the request headers arrived
 * @param durationNanos from the request headers to the end
 * @param requestMessages complete messages the client sent
 * @param responseMessages complete messages the server sent
 * @param firstFrameSeq the request's first HEADERS frame
 * @param lastFrameSeq the frame that ended the call, or -1 when the connection's end did
 */
public record CallEndEvent(long timeNanos, int streamId, String method, String authority, CallEnding ending,
    GrpcStatus status, boolean statusFromTrailers, String message, int httpStatus, boolean trailersOnly,
    ErrorCode resetCode, Direction resetBy, long startNanos, long durationNanos, int requestMessages,
    int responseMessages, long firstFrameSeq, long lastFrameSeq) implements Event {}
