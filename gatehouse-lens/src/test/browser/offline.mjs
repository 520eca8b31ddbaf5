// The offline view: a saved JSON Lines file of the lens opened with the file picker, then another dropped on the page.
// Usage: node offline.mjs PAGE_URL SCREENSHOT_DIR FILE.jsonl
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { check, contrastFailures, equal, launch, run, WAIT } from './lib.mjs';

const [url, shots, file] = process.argv.slice(2);

async function expectCapture(page, name) {
  await page.waitForFunction((wanted) => document.getElementById('status').textContent.startsWith(`File ${wanted}:`),
    name, WAIT);
  check(await page.locator('#ladder g.row').count() > 10, `${name}: the ladder shows the saved frames`);
  check(await page.locator('#calls .card[data-status="DEADLINE_EXCEEDED"]').count() === 1,
    `${name}: the deadline-exceeded call has its card`);
  check(await page.locator('#findings li', { hasText: 'DEADLINE_EXCEEDED' }).count() === 1,
    `${name}: the finding is listed`);
}

await run(async (opened) => {
  const { browser, page, problems } = await launch();
  opened(browser);
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Live (connected)'),
    null, WAIT);
  equal(await page.locator('#connections li').count(), 0, 'a lens without traffic shows no connection');

  await page.setInputFiles('#file-input', file);
  await expectCapture(page, basename(file));
  check(await page.isVisible('#live-button'), 'the page offers to go back to the live stream');
  await page.locator('#findings li', { hasText: 'DEADLINE_EXCEEDED' }).click();
  check(await page.locator('#ladder g.row.evidence').count() >= 1, 'the saved finding links to its frames');
  await page.screenshot({ path: `${shots}/offline-file.png` });

  // Drop the same capture under another name, as a user dragging it from a file manager would.
  const text = await readFile(file, 'utf8');
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.jsonl', { type: 'application/x-ndjson' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, text);
  await expectCapture(page, 'dropped.jsonl');
  check(await page.isHidden('#drop-zone'), 'the drop zone is gone after the drop');

  // A file with a broken line still opens; the broken line is counted.
  await page.setInputFiles('#file-input', { name: 'broken.jsonl', mimeType: 'application/x-ndjson',
    buffer: Buffer.from(`${text.split('\n').slice(0, 20).join('\n')}\nnot json\n`) });
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('broken.jsonl'),
    null, WAIT);
  check((await page.textContent('#status')).includes('1 lines that are not lens events skipped'),
    'a line that is not JSON is counted, not fatal');

  await page.click('#live-button');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Live (connected)'),
    null, WAIT);
  equal(await page.locator('#connections li').count(), 0, 'back to live: the file is gone');
  const failures = await contrastFailures(page);
  check(failures.length === 0, `text contrast reaches WCAG AA ${JSON.stringify(failures)}`);
  check(problems.length === 0, `no page errors ${JSON.stringify(problems)}`);
});
