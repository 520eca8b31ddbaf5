// Where events come from: the lens's live stream (/events, Server-Sent Events) or a saved JSON Lines file.

/** Whether the page was served by the lens (rather than opened from a file). */
export function servedByLens() {
  return location.protocol === 'http:' || location.protocol === 'https:';
}

/**
 * Follows the lens's events. handlers: hello({instance, max_events}), event(object), dropped({count, evicted}),
 * status(text, connected). Returns a function that stops following.
 */
export function followLive(handlers) {
  const source = new EventSource('events');
  source.addEventListener('hello', (message) => handlers.hello(JSON.parse(message.data)));
  source.addEventListener('dropped', (message) => handlers.dropped(JSON.parse(message.data)));
  source.addEventListener('message', (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch (error) {
      handlers.invalid?.(message.data);
      return;
    }
    handlers.event(event);
  });
  source.addEventListener('open', () => handlers.status('connected', true));
  source.addEventListener('error', () => handlers.status(source.readyState === EventSource.CLOSED
    ? 'disconnected' : 'reconnecting…', false));
  return () => source.close();
}

/** Reads a JSON Lines file; returns {events, invalid} (lines that are not JSON objects are counted, not thrown). */
export async function readJsonLines(file) {
  const text = await file.text();
  const events = [];
  let invalid = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    try {
      const event = JSON.parse(line);
      if (event && typeof event === 'object' && typeof event.event === 'string') events.push(event);
      else invalid++;
    } catch (error) {
      invalid++;
    }
  }
  return { events, invalid };
}
