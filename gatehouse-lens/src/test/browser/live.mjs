// The live view: open the page before any traffic, let the test make real gRPC calls through the lens, then check
// that they appear, that a finding leads to its frames, that filters narrow the view and that the keyboard works.
// Usage: node live.mjs PAGE_URL SCREENSHOT_DIR   (prints READY once the page follows the lens; waits for a line)
import { check, contrastFailures, equal, focused, launch, nextLine, run, WAIT } from './lib.mjs';

const [url, shots] = process.argv.slice(2);

await run(async (opened) => {
  const { browser, page, problems } = await launch();
  opened(browser);
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Live (connected)'),
    null, WAIT);
  equal(await page.locator('#ladder g.row').count(), 0, 'the page starts with no frames');
  console.log('READY');
  await nextLine(); // the test made its calls

  // The frames of the real calls arrive without reloading the page.
  await page.waitForFunction(() => document.querySelectorAll('#calls .card').length >= 3
    && document.querySelector('#calls .card[data-status="DEADLINE_EXCEEDED"]')
    && [...document.querySelectorAll('#findings li')].some((li) => li.textContent.includes('DEADLINE_EXCEEDED'))
    && document.querySelector('#connections li')?.textContent.includes('closed'), null, WAIT);
  const types = await page.locator('#ladder g.row').evaluateAll((rows) => rows.map((row) => row.dataset.type));
  for (const type of ['SETTINGS', 'HEADERS', 'DATA', 'WINDOW_UPDATE', 'RST_STREAM']) {
    check(types.includes(type), `a ${type} frame of the real calls is in the ladder`);
  }
  const labels = (await page.locator('#ladder').textContent());
  check(labels.includes('WatchShelf') && labels.includes('GetShelf'), 'the HEADERS rows name the methods');
  check(await page.locator('#ladder g.row .mark text', { hasText: 'END_STREAM' }).count() > 0,
    'END_STREAM is marked on its frames');
  check(await page.locator('#ladder g.row .mark text', { hasText: 'ACK' }).count() > 0, 'ACKs are marked');
  const watch = page.locator('#calls .card[data-status="DEADLINE_EXCEEDED"]');
  check((await watch.textContent()).includes('/gatehouse.testing.v1.Library/WatchShelf'),
    'the deadline-exceeded card is the WatchShelf call');
  check((await watch.locator('pre').first().textContent()).includes('"name": "shelves/poetry"'),
    'the card shows the request message as JSON');
  const missing = page.locator('#calls .card[data-status="NOT_FOUND"]');
  await missing.locator('summary', { hasText: 'Metadata' }).click();
  check((await missing.textContent()).includes('SHELF_NOT_FOUND'), 'the NOT_FOUND card shows its decoded details');
  check(await page.locator('#timeline svg rect').count() >= 3, 'the stream states are drawn');
  check(await page.locator('#windows path.series').count() >= 2, 'the window chart has lines');
  check(await page.locator('#windows rect.stall').count() >= 1, 'the stall is shaded on the window chart');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/live-overview.png` });

  // A finding leads to its evidence frames.
  const finding = page.locator('#findings li', { hasText: 'DEADLINE_EXCEEDED' }).first();
  const findingText = await finding.textContent();
  await finding.click();
  await page.waitForSelector('#ladder g.row.evidence', WAIT);
  const evidence = await page.locator('#ladder g.row.evidence').evaluateAll((rows) =>
    rows.map((row) => Number(row.dataset.seq)));
  check(evidence.length >= 1, `the finding highlights its evidence frames ${JSON.stringify(evidence)}`);
  check(findingText.includes(`${evidence.length} evidence frames`), 'every evidence frame is highlighted');
  const active = await focused(page);
  check(evidence.includes(active.seq), `focus moves to the first evidence frame (#${active.seq})`);
  const inView = await page.evaluate(() => {
    const ladder = document.getElementById('ladder').getBoundingClientRect();
    const row = document.activeElement.getBoundingClientRect();
    return row.top >= ladder.top && row.bottom <= ladder.bottom;
  });
  check(inView, 'the ladder scrolled to the evidence frame');
  check((await page.locator('#details-body').textContent()).includes('DEADLINE_EXCEEDED'),
    'the details panel explains the finding');
  await page.locator('.split').screenshot({ path: `${shots}/live-finding.png` });

  // Filters.
  await page.selectOption('#filter-status', 'DEADLINE_EXCEEDED');
  equal(await page.locator('#calls .card').count(), 1, 'the status filter leaves one call');
  const streams = await page.locator('#ladder g.row').evaluateAll((rows) => [...new Set(rows.map((r) =>
    r.dataset.stream))]);
  equal(streams.length, 1, `the status filter leaves the frames of one stream ${JSON.stringify(streams)}`);
  await page.screenshot({ path: `${shots}/live-filtered.png` });
  await page.selectOption('#filter-status', '');
  await page.selectOption('#filter-method', '/gatehouse.testing.v1.Library/GetShelf');
  equal(await page.locator('#calls .card').count(), 2, 'the method filter leaves the two GetShelf calls');
  await page.selectOption('#filter-method', '');
  await page.selectOption('#filter-stream', streams[0]);
  equal(await page.locator('#calls .card').count(), 1, 'the stream filter leaves one call');
  await page.click('#filter-clear');
  const before = await page.locator('#ladder g.row[data-type="DATA"]').count();
  check(before > 0, 'DATA frames are shown');
  await page.click('#frame-types button[data-type="DATA"]');
  equal(await page.locator('#ladder g.row[data-type="DATA"]').count(), 0, 'the DATA chip hides DATA frames');
  equal(await page.getAttribute('#frame-types button[data-type="DATA"]', 'aria-pressed'), 'false',
    'the chip says it is off');
  await page.click('#frame-types button[data-type="DATA"]');
  equal(await page.locator('#ladder g.row[data-type="DATA"]').count(), before, 'the DATA chip shows them again');

  // Keyboard: tab order reaches every panel, focus is visible, arrow keys move in lists.
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  await fresh.keyboard.press('Tab');
  equal((await focused(fresh)).text, 'Skip to the frames', 'the first tab stop is the skip link');
  check((await fresh.locator('.skip').boundingBox()).x >= 0, 'the skip link shows when focused');
  await fresh.close();
  await page.focus('.skip');
  const stops = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    stops.push(stop);
    if (stops.some((s) => s.seq !== null) && stops.some((s) => s.tag === 'article')) break;
  }
  const where = (predicate, name) => check(stops.some(predicate), `Tab reaches ${name}`);
  where((stop) => stop.parent === 'connections', 'the connection list');
  where((stop) => stop.parent === 'findings', 'the findings list');
  where((stop) => stop.id === 'filter-method', 'the method filter');
  where((stop) => stop.tag === 'button' && stop.text === 'DATA', 'the frame type chips');
  where((stop) => stop.tag === 'article', 'the call cards');
  where((stop) => stop.seq !== null, 'the ladder');
  const invisible = stops.filter((stop) => !stop.outline && !stop.ring);
  check(invisible.length === 0, `every tab stop shows focus ${JSON.stringify(invisible.slice(0, 3))}`);
  await page.focus('#ladder g.row[tabindex="0"]');
  const first = (await focused(page)).seq;
  await page.keyboard.press('ArrowDown');
  const second = (await focused(page)).seq;
  check(second !== null && second !== first, `ArrowDown moves to the next frame (#${first} → #${second})`);
  await page.keyboard.press('Enter');
  check((await page.locator('#details-body h3').last().textContent()).startsWith(`#${second} `),
    'Enter shows the frame\'s details');
  await page.focus('#findings li[tabindex="0"]');
  const firstFinding = (await focused(page)).text;
  await page.keyboard.press('ArrowDown');
  const nextFinding = (await focused(page)).text;
  check((await page.locator('#findings li').count()) < 2 || firstFinding !== nextFinding,
    'ArrowDown moves in the findings list');

  const failures = await contrastFailures(page);
  check(failures.length === 0, `text contrast reaches WCAG AA ${JSON.stringify(failures)}`);
  await page.locator('#windows').screenshot({ path: `${shots}/live-windows.png` });
  await page.locator('#timeline').screenshot({ path: `${shots}/live-timeline.png` });
  await page.locator('#calls').screenshot({ path: `${shots}/live-calls.png` });
  check(problems.length === 0, `no page errors ${JSON.stringify(problems)}`);
});
