// Shared by the browser scripts: launching the system Chromium, checks that fail with a message, and page audits.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Waits are bounded so a broken page fails the test instead of hanging it; a normal wait takes milliseconds. */
export const WAIT = { timeout: 30_000 };

export async function launch() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // The live stream is cut when the test ends; anything else failing is a broken page.
    if (!request.url().endsWith('/events')) problems.push(`request failed: ${request.url()}`);
  });
  return { browser, page, problems };
}

export class CheckFailed extends Error {}

export function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
  console.log(`ok - ${message}`);
}

export function equal(actual, expected, message) {
  check(actual === expected, `${message} (expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)})`);
}

/** Runs `body`, printing a clear failure and setting the exit code. */
export async function run(body) {
  let browser = null;
  try {
    await body((opened) => { browser = opened; });
  } catch (error) {
    console.log(`FAILED: ${error instanceof CheckFailed ? error.message : error.stack}`);
    process.exitCode = 1;
  } finally {
    await browser?.close();
    process.exit(); // standard input may still be open; the result is decided
  }
}

/** A line from the test on standard input. */
export function nextLine() {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) => lines.once('line', (line) => {
    lines.close();
    resolve(line);
  }));
}

/**
 * WCAG contrast of every visible text (HTML text nodes and SVG text) against its background; returns the failures.
 * Large text (>= 24px, or >= 18.66px bold) needs 3:1, other text 4.5:1.
 */
export async function contrastFailures(page) {
  return page.evaluate(() => {
    const parse = (colour) => {
      const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(colour || '');
      return match ? { r: +match[1], g: +match[2], b: +match[3], a: match[4] === undefined ? 1 : +match[4] } : null;
    };
    const luminance = ({ r, g, b }) => {
      const channel = (v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (a, b) => {
      const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
    const htmlBackground = (element) => {
      const layers = [];
      for (let e = element; e; e = e.parentElement) {
        const colour = parse(getComputedStyle(e).backgroundColor);
        if (colour && colour.a > 0) layers.push(colour);
        if (colour && colour.a === 1) break;
      }
      return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
    };
    // SVG text is drawn over whatever shapes lie under it (a badge, a state bar, a highlighted row): take what is
    // painted under its centre. Text scrolled out of sight is not checked (null).
    const svgBackground = (text) => {
      const box = text.getBoundingClientRect();
      const stack = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      const at = stack.indexOf(text);
      if (at < 0) return null;
      const layers = [];
      for (const e of stack.slice(at + 1)) {
        if (!(e instanceof SVGElement)) {
          layers.push(htmlBackground(e));
          break;
        }
        if (e.tagName === 'rect' || e.tagName === 'path') {
          const style = getComputedStyle(e);
          const fill = parse(style.fill);
          if (fill && fill.a > 0) layers.push({ ...fill, a: fill.a * Number(style.opacity || 1) });
        }
      }
      return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
    };
    const failures = [];
    const seen = new Set();
    const elements = [...document.querySelectorAll('body *')].filter((e) => {
      if (e instanceof SVGElement) return e.tagName === 'text';
      return [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
    });
    for (const element of elements) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || element.closest('[hidden]')) continue;
      const raw = parse(element instanceof SVGElement ? style.fill : style.color);
      if (!raw) continue;
      const bg = element instanceof SVGElement ? svgBackground(element) : htmlBackground(element);
      if (!bg) continue;
      const fg = over(raw, bg);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      const value = ratio(fg, bg);
      const key = `${element.tagName}|${style.color}|${style.fill}|${JSON.stringify(bg)}`;
      if (value < needed && !seen.has(key)) {
        seen.add(key);
        failures.push(`${value.toFixed(2)}:1 < ${needed} for <${element.tagName.toLowerCase()}> `
          + `"${element.textContent.trim().slice(0, 40)}"`);
      }
    }
    return failures;
  });
}

/** A description of the focused element, for keyboard checks. */
export async function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { tag: 'body' };
    const style = getComputedStyle(e);
    const bg = e.querySelector?.(':scope > rect.bg');
    return {
      tag: e.tagName.toLowerCase(), id: e.id || null, role: e.getAttribute('role'),
      seq: e.dataset?.seq ? Number(e.dataset.seq) : null, parent: e.parentElement?.id || null,
      text: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 60),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      ring: bg ? parseFloat(getComputedStyle(bg).strokeWidth) >= 2 : false,
    };
  });
}
