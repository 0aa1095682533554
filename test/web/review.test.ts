// Review in the web app (issue 26) in a real headless Chromium (Debian's, driven by playwright-core),
// against the real server served with the write routes (--write) on a loopback port, over a copy of
// the sample corpus plus a report from Kenya that tells a second event (Nairobi). A reviewer
// signs in with a token, corrects a toll and merges the two Kenyan events; documents are ingested again
// (the same ones, and new ones); the corrections stand and the history lists them. The screenshot of
// the review queue in docs/ is taken here; axe-core checks the review view.
import { launchChromium, listenLocal } from '../helpers/browser.ts';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { WEB_ROOT } from '../../src/cli/serve.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { createToken } from '../../src/review/tokens.ts';
import { sampleDatabase, SAMPLES } from '../helpers/sample-db.ts';
import { KENYA, KENYA_LATER, SOMEWHERE_ELSE } from '../helpers/review-corpus.ts';

const require = createRequire(import.meta.url);
const DOCS = fileURLToPath(new URL('../../docs', import.meta.url));
const AXE = require.resolve('axe-core/axe.min.js');

let app: FastifyInstance;
let store: Store;
let browser: Browser;
let base: string;
let reviewer: string, admin: string;

before(async () => {
  assert.ok(existsSync(WEB_ROOT), `the web app is built (npm run build:web): ${WEB_ROOT}`);
  mkdirSync(DOCS, { recursive: true });
  store = await openStore(await sampleDatabase({ 'kenya.jsonl': `${KENYA}\n` }));
  reviewer = (await createToken(store, 'reviewer', 'Rita')).token;
  admin = (await createToken(store, 'admin', 'Ada')).token;
  app = buildApp({ store, webRoot: WEB_ROOT, write: true });
  base = await listenLocal(app);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
});

async function open(page: Page, path = ''): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
}

async function newPage(options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => { throw new Error(`a dialog opened: ${d.message()}`); });
  return { page, errors };
}

async function axe(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

const byPlace = async (name: string) => (await store.events()).filter((e) => e.location?.name === name);
const historyItems = (page: Page) => page.$$eval('#panel .review .history li', (lis) => lis.map((li) => `${(li as HTMLElement).dataset.action}: ${li.textContent}`));

test('a reviewer signs in with a token, corrects a toll and merges two events; after a re-ingest of the same and of new documents the corrections stand and the history lists them', async () => {
  const [mandera] = await byPlace('Mandera');
  const [nairobi] = await byPlace('Nairobi');
  assert.ok(mandera && nairobi, 'the Kenyan report gave an event at Mandera and one at Nairobi');
  const { page, errors } = await newPage({ bypassCSP: true });
  await open(page);
  // No token: no controls, no queue.
  assert.equal(await page.isVisible('#review-queue'), false);
  // A wrong token is refused, and said so.
  await page.getByLabel('review token').fill('vigie_wrong');
  await page.getByRole('button', { name: 'sign in to review' }).click();
  await page.waitForSelector('#review-bar .message:text("Not signed in")');
  // The reviewer's token: the queue appears, deadliest and latest first.
  await page.getByLabel('review token').fill(reviewer);
  await page.getByRole('button', { name: 'sign in to review' }).click();
  await page.waitForSelector('#review-bar .who:text("Reviewing as Rita (reviewer)")');
  await page.waitForSelector('#queue tbody tr');
  const queued = await page.$$eval('#queue tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.id));
  const expected = (await store.queryEvents({ review: 'unreviewed', order: 'queue', limit: 50 })).events.map((e) => e.id);
  assert.deepEqual(queued, expected);

  // Open the Mandera event from the queue, by keyboard.
  await page.focus(`#queue tbody tr[data-id="${mandera.id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#panel[data-ready="${mandera.id}"]`);
  assert.match(await page.textContent('#panel .review-status') ?? '', /Not reviewed yet/);

  // Correct the toll, with a note.
  await page.selectOption('#panel .review select[name="field"]', 'killed');
  await page.fill('#panel .review input[name="value"]', '3');
  await page.fill('#panel .review form.correct input[name="note"]', 'a third officer died in hospital (county commissioner)');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await page.waitForSelector('#panel .review .history li[data-action="correct"]');
  await page.waitForSelector(`#panel[data-ready="${mandera.id}"]`);
  assert.match(await page.textContent('#panel dl') ?? '', /killed \/ wounded3 \//);

  // Merge the Nairobi event into it.
  await page.fill('#panel .review input[name="other"]', nairobi.id);
  await page.fill('#panel .review form.merge input[name="note"]', 'one attack, told twice');
  await page.getByRole('button', { name: 'Merge into this event' }).click();
  await page.waitForSelector('#panel .review .history li[data-action="merge"]');
  await page.waitForSelector(`#panel[data-ready="${mandera.id}"]`);
  assert.equal((await byPlace('Nairobi')).length, 0);
  assert.equal(await page.$(`#queue tbody tr[data-id="${mandera.id}"]`), null, 'a reviewed event leaves the queue');

  // axe-core on the review view: the queue, the panel with its review controls and history.
  assert.deepEqual(await axe(page), [], 'review view');

  // Ingest again: the same documents, then new ones (another report of the Mandera attack, one elsewhere).
  const dir = mkdtempSync(join(tmpdir(), 'vigie-review-web-'));
  writeFileSync(join(dir, 'kenya.jsonl'), `${KENYA}\n`);
  assert.equal((await ingest(store, [SAMPLES, join(dir, 'kenya.jsonl')])).stored, 0);
  writeFileSync(join(dir, 'later.jsonl'), `${KENYA_LATER}\n`);
  writeFileSync(join(dir, 'kharkiv.txt'), SOMEWHERE_ELSE);
  assert.equal((await ingest(store, [join(dir, 'later.jsonl'), join(dir, 'kharkiv.txt')])).stored, 2);

  // The same tab again (the token is kept for the tab): the corrections stand, the history lists them,
  // and the new report is flagged.
  await open(page, `?event=${mandera.id}`);
  await page.waitForSelector(`#panel[data-ready="${mandera.id}"]`);
  await page.waitForSelector('#review-bar .who');
  assert.match(await page.textContent('#panel dl') ?? '', /killed \/ wounded3 \//);
  assert.match(await page.textContent('#panel .review-status') ?? '', /Corrected by Rita/);
  const items = await historyItems(page);
  assert.equal(items.length, 2, items.join('\n'));
  assert.match(items[0]!, /^correct: .*Rita corrected killed: 2 → 3 — “a third officer died in hospital/);
  assert.match(items[1]!, new RegExp(`^merge: .*Rita merged ${nairobi.id} into ${mandera.id}`));
  assert.match(await page.textContent('#panel .review .new-since') ?? '', /New since review: Daily Nation/);
  assert.equal(await page.locator('#panel .source.new-since-review').count(), 1);
  // The absorbed id still opens the event.
  await open(page, `?event=${nairobi.id}`);
  await page.waitForSelector(`#panel[data-ready="${nairobi.id}"]`);
  assert.match(await page.textContent('#panel h2') ?? '', /Mandera/);
  await page.waitForSelector('#queue tbody tr');
  await page.screenshot({ path: `${DOCS}/screenshot-review.png` });
  assert.deepEqual(errors, [], 'no error in the page');
  await page.context().close();
});

test('an admin undoes the latest review action from the history', async () => {
  const [mandera] = await byPlace('Mandera');
  const { page, errors } = await newPage();
  await open(page, `?event=${mandera!.id}`);
  await page.getByLabel('review token').fill(admin);
  await page.getByRole('button', { name: 'sign in to review' }).click();
  await page.waitForSelector('#review-bar .who:text("Reviewing as Ada (admin)")');
  await page.waitForSelector(`#panel[data-ready="${mandera!.id}"] .history button.undo`);
  const merge = (await store.reviewActions(mandera!.id)).find((a) => a.action === 'merge')!;
  await page.getByRole('button', { name: `undo action ${merge.id} (merge)` }).click();
  await page.waitForSelector('#panel .review .history li[data-action="undo"]');
  assert.equal((await byPlace('Nairobi')).length, 1, 'the merge is undone: the Nairobi event is back');
  assert.match(await page.textContent('#panel .history li[data-action="merge"]') ?? '', /undone by Ada/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('over the live socket: without a token every write route answers 401, with a reviewer\'s token the admin routes answer 403', async () => {
  const { page, errors } = await newPage();
  await open(page);
  const [someEvent] = await store.events();
  const routes: [string, string, unknown, boolean][] = [
    ['POST', `/api/events/${someEvent!.id}/review`, { action: 'accept' }, false],
    ['POST', `/api/events/${someEvent!.id}/correct`, { fields: { killed: 1 }, note: 'n' }, false],
    ['POST', `/api/events/${someEvent!.id}/merge`, { other: 'evt_01' }, false],
    ['POST', `/api/events/${someEvent!.id}/split`, { document: 'x' }, false],
    ['GET', '/api/me', undefined, false],
    ['GET', '/api/tokens', undefined, true],
    ['POST', '/api/tokens', { role: 'reviewer', name: 'x' }, true],
    ['DELETE', '/api/tokens/abcd', undefined, true],
    ['POST', '/api/reviews/1/undo', undefined, true],
  ];
  // No function is declared inside the page's code (the test's transpiler would name it with a helper the page lacks).
  const statuses = await page.evaluate(async ({ routes, reviewer, admin }) => {
    const out: [string, number, number, number][] = [];
    for (const [method, url, body] of routes) {
      const got: number[] = [];
      for (const token of [null, reviewer, method === 'GET' ? admin : undefined]) {
        if (token === undefined) { got.push(0); continue; }
        got.push((await fetch(url as string, {
          method: method as string,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        })).status);
      }
      out.push([`${method} ${url}`, got[0]!, got[1]!, got[2]!]);
    }
    return out;
  }, { routes, reviewer, admin });
  for (const [i, [route, none, asReviewer, asAdmin]] of statuses.entries()) {
    assert.equal(none, 401, `${route} without a token`);
    if (routes[i]![3]) assert.equal(asReviewer, 403, `${route} with a reviewer's token`);
    else assert.notEqual(asReviewer, 403, `${route} with a reviewer's token`);
    if (asAdmin) assert.equal(asAdmin, 200, `${route} with an admin's token`);
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});
