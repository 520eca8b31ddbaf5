/**
 * One proxied connection as the lens observes it: {@link dev.gatehouse.lens.observe.ConnectionObserver} feeds a copy
 * of each direction's bytes to the h2 decoder, runs the detectors and fans events and findings out to every {@link
 * dev.gatehouse.lens.observe.LensListener} (text, JSON Lines, tests). Nothing here may block or throw into the proxy:
 * a failing decoder or listener becomes a finding and forwarding goes on.
 */
package dev.gatehouse.lens.observe;
