/**
 * The transparent TCP proxy: {@link dev.gatehouse.lens.proxy.LensServer} accepts clients, opens one upstream
 * connection per client on the same event loop and forwards every byte unchanged, with backpressure (no automatic
 * reads: the next chunk is read only after the previous one was written to the other side). Each chunk is shown to
 * the connection's {@link dev.gatehouse.lens.observe.ConnectionObserver} before it is written. See
 * {@code docs/lens-format.md} ("How the lens forwards") for threads, buffer ownership and backpressure.
 */
package dev.gatehouse.lens.proxy;
