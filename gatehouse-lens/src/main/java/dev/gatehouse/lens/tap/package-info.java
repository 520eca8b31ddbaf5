/**
 * The lens without its proxy: {@link dev.gatehouse.lens.tap.LensTap} observes connections whose bytes someone else
 * carries (the gateway's own upstream connections, {@code gatehouse serve --trace}) with the lens's decoder,
 * detectors and outputs, exactly as if they had crossed the lens. It also finds the stream of a call by a metadata
 * value, so a REST answer can name the upstream stream that served it.
 */
package dev.gatehouse.lens.tap;
