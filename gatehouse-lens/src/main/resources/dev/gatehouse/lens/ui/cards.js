// One card per gRPC call: method, status, duration, the messages as JSON and the metadata.

import { duration, h } from './dom.js';
import { IN_PROGRESS, statusOf } from './model.js';

const MAX_MESSAGES = 3;

function metadataTable(caption, pairs) {
  if (!pairs || pairs.length === 0) return null;
  return h('table', { class: 'meta' }, h('caption', { class: 'visually-hidden' }, caption),
    h('tbody', {}, pairs.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, value)))));
}

function messageBlock(message) {
  const who = message.dir === 'client' ? 'request' : 'response';
  const title = `${who} #${(message.index ?? 0) + 1}${message.type ? ` · ${message.type}` : ''} · ${message.length} B`
    + (message.compressed ? ' · compressed' : '')
    + (message.cut ? ` · cut off (${message.cut}, ${message.received} of ${message.length} B)` : '');
  let body;
  if (message.cut) body = `(cut off: ${message.received} of ${message.length} bytes arrived, too few to decode)`;
  else if (message.json !== undefined) body = JSON.stringify(message.json, null, 2);
  else if (message.json_omitted) body = `(JSON omitted: ${message.json_omitted})`;
  else if (message.base64) body = `(not decoded${message.note ? `: ${message.note}` : ''}) base64 ${message.base64}`;
  else body = message.note || '(no payload)';
  return h('div', { class: 'message' }, h('div', { class: 'sub' }, title), h('pre', {}, body));
}

/** The first messages of a direction; a long stream would bury the rest of the page. */
function messageBlocks(messages) {
  // A cut-off message is evidence of what went wrong: always shown.
  const chosen = messages.filter((message, i) => i < MAX_MESSAGES || message.cut);
  const shown = chosen.map(messageBlock);
  if (messages.length > chosen.length) {
    shown.splice(MAX_MESSAGES, 0, h('p', { class: 'sub' }, `… ${messages.length - chosen.length} more not shown `
      + '(all of them are in the lens\'s JSON Lines output)'));
  }
  return shown;
}

/** Renders the calls of `conn` that pass `filters`; `onShowFrames(call)` narrows the page to a call's stream. */
export function renderCards(container, conn, filters, { onShowFrames, expanded }) {
  const calls = [...conn.calls.values()].filter((call) => filters.callVisible(conn, call))
    .sort((a, b) => a.stream - b.stream);
  const cards = calls.map((call) => {
    const status = statusOf(call);
    const kind = status === IN_PROGRESS ? 'pending' : status === 'OK' ? 'ok' : 'error';
    const end = call.end || {};
    const request = call.request || {};
    const trailers = call.trailers || {};
    const statusText = end.message ?? trailers.message;
    const requests = call.messages.filter((message) => message.dir === 'client');
    const responses = call.messages.filter((message) => message.dir === 'server');
    const key = `${conn.id}:${call.stream}`;
    const details = (summary, ...content) => {
      const id = `${key}:${summary.replace(/ .*/, '')}`;
      const open = expanded.has(id) ? expanded.get(id) : !summary.startsWith('Metadata');
      const element = h('details', { open: open ? true : null }, h('summary', {}, summary), content);
      element.addEventListener('toggle', () => expanded.set(id, element.open));
      return element;
    };
    return h('article', { class: `card ${kind}`, role: 'listitem', tabindex: '-1',
      'aria-label': `call on stream ${call.stream}: ${call.method || 'unknown method'}, ${status}`,
      dataset: { stream: call.stream, status } },
      h('h3', {}, call.method || '(no :path)'),
      h('div', {},
        h('span', { class: `badge ${kind}` }, status),
        end.status_source === 'derived' ? h('span', { class: 'label' }, 'status derived by the client') : null,
        (end.trailers_only || trailers.trailers_only) ? h('span', { class: 'label' }, 'trailers-only') : null,
        end.reset_code ? h('span', { class: 'label' }, `RST_STREAM ${end.reset_code} by ${end.reset_by}`) : null),
      h('dl', {},
        h('dt', {}, 'stream'), h('dd', {}, String(call.stream)),
        h('dt', {}, 'duration'), h('dd', {}, end.duration_ms !== undefined ? duration(end.duration_ms) : 'running'),
        request.timeout ? [h('dt', {}, 'deadline'), h('dd', {}, `${request.timeout} (${duration(request.timeout_ms)})`)]
          : null,
        request.authority ? [h('dt', {}, 'authority'), h('dd', {}, request.authority)] : null,
        statusText ? [h('dt', {}, 'message'), h('dd', {}, statusText)] : null,
        end.ending ? [h('dt', {}, 'ending'), h('dd', {}, end.ending)] : null,
        [h('dt', {}, 'messages'), h('dd', {}, `${requests.length} request, ${responses.length} response`)]),
      requests.length ? details(`Request messages (${requests.length})`, messageBlocks(requests)) : null,
      responses.length ? details(`Response messages (${responses.length})`, messageBlocks(responses)) : null,
      details('Metadata',
        h('div', { class: 'sub' }, 'request headers'),
        metadataTable('request metadata', [
          ['content-type', request.content_type], ['te', request.te], ['user-agent', request.user_agent],
          ['grpc-timeout', request.timeout], ['grpc-encoding', request.grpc_encoding],
          ...(request.metadata || [])].filter(([, value]) => value !== null && value !== undefined)),
        call.response ? [h('div', { class: 'sub' }, 'response headers'),
          metadataTable('response metadata', [[':status', String(call.response.http_status)],
            ['content-type', call.response.content_type], ...(call.response.metadata || [])]
            .filter(([, value]) => value !== null && value !== undefined))] : null,
        call.trailers ? [h('div', { class: 'sub' }, 'trailers'),
          metadataTable('trailers', [['grpc-status', `${trailers.status} ${trailers.status_name || ''}`],
            ['grpc-message', trailers.message], ...(trailers.metadata || [])]
            .filter(([, value]) => value !== null && value !== undefined))] : null,
        trailers.details ? [h('div', { class: 'sub' }, 'grpc-status-details-bin'),
          h('pre', {}, JSON.stringify(trailers.details, null, 2))] : null),
      h('button', { type: 'button', class: 'show-frames', onclick: () => onShowFrames(call) },
        `Show stream ${call.stream} only`));
  });
  container.replaceChildren(...cards);
  return cards;
}
