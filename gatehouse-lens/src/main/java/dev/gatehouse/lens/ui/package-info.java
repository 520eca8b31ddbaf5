/**
 * The lens's live web view: {@link dev.gatehouse.lens.ui.LensUi} serves a self-contained page (classpath resources
 * under {@code dev/gatehouse/lens/ui/}) and a Server-Sent Events stream of the same JSON objects the JSON Lines
 * output writes. The events live in a bounded log, so a page that connects late sees the latest of them and is told
 * how many older ones were dropped. Nothing here blocks the proxy: the lens's event loops only append to the log.
 */
package dev.gatehouse.lens.ui;
