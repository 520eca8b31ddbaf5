// Small DOM helpers: every captured value reaches the page as text (textContent), never as markup.

const SVG = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

/** Milliseconds since the connection opened, as a short text. */
export function sinceOpen(ms) {
  if (!Number.isFinite(ms)) return '';
  if (Math.abs(ms) < 1000) return `+${ms.toFixed(3)} ms`;
  return `+${(ms / 1000).toFixed(3)} s`;
}

export function duration(ms) {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function bytes(n) {
  if (!Number.isFinite(n)) return '';
  const abs = Math.abs(n);
  if (abs >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (abs >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} B`;
}

/**
 * Arrow-key navigation in a list of focusable items with one tab stop (roving tabindex): Up/Left and Down/Right move,
 * Home/End jump, Enter/Space activate. `items()` returns the current items; `activate(item)` runs on Enter or Space.
 */
export function rovingList(container, items, activate, { horizontal = false } = {}) {
  container.addEventListener('keydown', (event) => {
    const all = items();
    const index = all.indexOf(document.activeElement);
    if (index < 0) return;
    let next = -1;
    switch (event.key) {
      case 'ArrowDown': next = index + 1; break;
      case 'ArrowUp': next = index - 1; break;
      case 'ArrowRight': if (horizontal) next = index + 1; else return; break;
      case 'ArrowLeft': if (horizontal) next = index - 1; else return; break;
      case 'Home': next = 0; break;
      case 'End': next = all.length - 1; break;
      case 'Enter': case ' ':
        event.preventDefault();
        activate(all[index]);
        return;
      default: return;
    }
    event.preventDefault();
    next = Math.max(0, Math.min(all.length - 1, next));
    focusItem(all, next);
  });
}

/** Makes `all[index]` the list's tab stop and focuses it. */
export function focusItem(all, index) {
  all.forEach((item, i) => item.setAttribute('tabindex', i === index ? '0' : '-1'));
  all[index]?.focus();
  all[index]?.scrollIntoView?.({ block: 'nearest' });
}

/** Makes sure a list has exactly one tab stop: the selected item, the focused one, or the first. */
export function keepOneTabStop(all, preferred) {
  if (all.length === 0) return;
  let stop = all.indexOf(document.activeElement);
  if (stop < 0) stop = Math.max(0, all.indexOf(preferred));
  all.forEach((item, i) => item.setAttribute('tabindex', i === stop ? '0' : '-1'));
}
