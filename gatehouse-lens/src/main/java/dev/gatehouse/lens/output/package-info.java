/**
 * The lens's outputs, listeners of the event stream: {@link dev.gatehouse.lens.output.TextOutput} (one line per frame,
 * like {@code nghttp -v} but gRPC-aware) and {@link dev.gatehouse.lens.output.JsonlOutput} (JSON Lines), both
 * documented in {@code docs/lens-format.md}. Events are handed to a {@link dev.gatehouse.lens.output.LineSink} to be
 * formatted when it gets to them: {@link dev.gatehouse.lens.output.QueuedLineWriter} formats and writes them on its own
 * thread, off the event loop, and drops (and counts) lines rather than let a slow terminal or disk stall forwarding.
 * {@link dev.gatehouse.lens.output.LineOutput#open} makes the output the lens and the tap are configured with.
 */
package dev.gatehouse.lens.output;
