/**
 * The RFC 9113 §5.1 stream state machine as an observer between two endpoints sees it: {@link
 * dev.gatehouse.h2.stream.StreamState} and the per-connection tracker of stream states, ids, concurrency and
 * violations; {@link dev.gatehouse.h2.stream.StreamMap} keeps per-stream values for every layer.
 */
package dev.gatehouse.h2.stream;
