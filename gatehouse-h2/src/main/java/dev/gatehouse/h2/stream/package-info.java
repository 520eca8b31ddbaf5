/**
 * The RFC 9113 §5.1 stream state machine as an observer between two endpoints sees it: {@link
 * dev.gatehouse.h2.stream.StreamState} and the per-connection tracker of stream states, ids, concurrency and
 * violations.
 */
package dev.gatehouse.h2.stream;
