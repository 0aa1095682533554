// Review routes (issue 26) without a socket: Fastify's inject on the real app over a real SQLite file
// (a copy of the sample corpus plus a report from Kenya), served with --write.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { createToken } from '../../src/review/tokens.ts';
import { correctBodySchema } from '../../src/api/schemas.ts';
import { z } from 'zod';
import { sampleDatabase, SAMPLES } from '../helpers/sample-db.ts';
import { KENYA, KENYA_LATER, SOMEWHERE_ELSE } from '../helpers/review-corpus.ts';

let app: FastifyInstance;
let store: Store;
let reviewer: string, admin: string;

before(async () => {
  store = await openStore(await sampleDatabase({ 'kenya.jsonl': `${KENYA}\n` }));
  app = buildApp({ store, write: true });
  reviewer = (await createToken(store, 'reviewer', 'Rita')).token;
  admin = (await createToken(store, 'admin', 'Ada')).token;
});
after(async () => {
  await app.close();
  await store.close();
});

type Method = 'GET' | 'POST' | 'DELETE';
const call = async (method: Method, url: string, token?: string | null, body?: unknown) => {
  const r = await app.inject({ method, url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}), ...(body !== undefined ? { payload: body as object } : {}) });
  return { status: r.statusCode, json: () => JSON.parse(r.body), headers: r.headers };
};
const byPlace = async (name: string) => (await store.events()).filter((e) => e.location?.name === name);

const WRITE_ROUTES: [Method, string, unknown][] = [
  ['POST', '/api/events/evt_00/review', { action: 'accept' }],
  ['POST', '/api/events/evt_00/correct', { fields: { killed: 1 }, note: 'n' }],
  ['POST', '/api/events/evt_00/merge', { other: 'evt_01' }],
  ['POST', '/api/events/evt_00/split', { document: 'x' }],
  ['GET', '/api/me', undefined],
  ['GET', '/api/tokens', undefined],
  ['POST', '/api/tokens', { role: 'reviewer', name: 'x' }],
  ['DELETE', '/api/tokens/abcd', undefined],
  ['POST', '/api/reviews/1/undo', undefined],
];
const ADMIN_ROUTES = WRITE_ROUTES.filter(([, url]) => /tokens|undo/.test(url));

test('without a token every write route answers 401; with a reviewer\'s token the admin routes answer 403', async () => {
  for (const [method, url, body] of WRITE_ROUTES) {
    for (const token of [null, 'vigie_not-a-token', '']) {
      const r = await call(method, url, token, body);
      assert.equal(r.status, 401, `${method} ${url} with ${token}`);
      assert.equal(r.json().error, 'unauthorized');
      assert.match(String(r.headers['www-authenticate']), /Bearer/);
    }
    // Even a malformed body is refused for want of a token first.
    if (body !== undefined) assert.equal((await call(method, url, null, { nonsense: true })).status, 401, url);
  }
  for (const [method, url, body] of ADMIN_ROUTES) {
    const r = await call(method, url, reviewer, body);
    assert.equal(r.status, 403, `${method} ${url}`);
    assert.equal(r.json().error, 'forbidden');
  }
  assert.deepEqual((await call('GET', '/api/me', reviewer)).json(), { name: 'Rita', role: 'reviewer' });
  // A revoked token is no token.
  const spare = (await call('POST', '/api/tokens', admin, { role: 'reviewer', name: 'Sam' })).json();
  assert.equal((await call('GET', '/api/me', spare.token)).status, 200);
  assert.equal((await call('DELETE', `/api/tokens/${spare.id}`, admin)).status, 200);
  assert.equal((await call('GET', '/api/me', spare.token)).status, 401);
  const listed = (await call('GET', '/api/tokens', admin)).json().tokens;
  assert.ok(listed.some((t: { name: string; revoked_at: string | null }) => t.name === 'Sam' && t.revoked_at));
  assert.ok(!JSON.stringify(listed).includes(spare.token), 'the token itself is never shown again');
});

test('the write routes are off by default', async () => {
  const readOnly = buildApp({ store });
  for (const [method, url, body] of WRITE_ROUTES) assert.equal((await readOnly.inject({ method, url, headers: { authorization: `Bearer ${admin}` }, ...(body ? { payload: body as object } : {}) })).statusCode, 404, url);
  assert.equal((await readOnly.inject({ method: 'GET', url: '/api/config' })).json().write, false);
  await readOnly.close();
});

test('a reviewer corrects a toll and merges two events; a re-ingest of the same and of new documents keeps both, and the history lists them', async () => {
  const [mandera] = await byPlace('Mandera');
  const [nairobi] = await byPlace('Nairobi');
  assert.ok(mandera && nairobi, 'the Kenyan report gave an event at Mandera and one at its dateline');
  // Bad corrections are refused.
  assert.equal((await call('POST', `/api/events/${mandera.id}/correct`, reviewer, { fields: { killed: -1 }, note: 'x' })).status, 400);
  assert.equal((await call('POST', `/api/events/${mandera.id}/correct`, reviewer, { fields: { killed: 3 } })).status, 400, 'a note is required');
  assert.equal((await call('POST', `/api/events/${mandera.id}/correct`, reviewer, { fields: {}, note: 'x' })).status, 400);
  assert.equal((await call('POST', '/api/events/evt_0123/correct', reviewer, { fields: { killed: 3 }, note: 'x' })).status, 404);

  const corrected = await call('POST', `/api/events/${mandera.id}/correct`, reviewer, { fields: { killed: 3, actor2: 'Police Forces of Kenya' }, note: 'a third officer died in hospital (county commissioner)' });
  assert.equal(corrected.status, 200);
  assert.equal(corrected.json().event, mandera.id);
  const merged = await call('POST', `/api/events/${mandera.id}/merge`, reviewer, { other: nairobi.id, note: 'one attack, told twice' });
  assert.equal(merged.status, 200);
  assert.equal((await call('POST', `/api/events/${mandera.id}/merge`, reviewer, { other: mandera.id })).status, 400);

  const check = async (stage: string) => {
    const one = (await call('GET', `/api/events/${mandera.id}`)).json();
    assert.equal(one.record.id, mandera.id, stage);
    assert.equal(one.record.killed, 3, `${stage}: the corrected toll stands`);
    assert.equal(one.record.actor2, 'Police Forces of Kenya', stage);
    assert.deepEqual(one.record.review, { status: 'corrected', by: 'Rita', at: one.record.review.at }, stage);
    // The absorbed id leads to the merged event.
    assert.equal((await call('GET', `/api/events/${nairobi.id}`)).json().record.id, mandera.id, stage);
    assert.equal((await byPlace('Nairobi')).length, 0, `${stage}: the merge stands`);
    const h = (await call('GET', `/api/events/${nairobi.id}/history`)).json();
    assert.deepEqual(h.actions.map((a: { action: string }) => a.action), ['correct', 'merge'], stage);
    assert.deepEqual(h.actions[0].before, { killed: mandera.killed, actor2: mandera.actor2 });
    assert.deepEqual(h.actions[0].after, { killed: 3, actor2: 'Police Forces of Kenya' });
    assert.equal(h.actions[0].by, 'Rita');
    assert.match(h.actions[0].note, /county commissioner/);
    assert.equal(h.actions[1].other, nairobi.id);
    return one;
  };
  await check('after the review');

  // The same documents again, then new ones: one more report of the Mandera attack, one elsewhere.
  const dir = mkdtempSync(join(tmpdir(), 'vigie-review-'));
  writeFileSync(join(dir, 'kenya.jsonl'), `${KENYA}\n`);
  const same = await ingest(store, [SAMPLES, join(dir, 'kenya.jsonl')]);
  assert.equal(same.stored, 0);
  await check('after a re-ingest of the same documents');
  writeFileSync(join(dir, 'later.jsonl'), `${KENYA_LATER}\n`);
  writeFileSync(join(dir, 'kharkiv.txt'), SOMEWHERE_ELSE);
  const fresh = await ingest(store, [join(dir, 'later.jsonl'), join(dir, 'kharkiv.txt')]);
  assert.equal(fresh.stored, 2);
  const one = await check('after a re-ingest with new documents');
  assert.ok(one.record.sources.some((s: { document: string }) => s.document === 'nation-mandera.txt'), 'the new report attaches to the reviewed event');
  assert.deepEqual(one.review.new_since_review, ['nation-mandera.txt'], 'and is flagged new since review');
  assert.equal((await call('GET', `/api/events/${mandera.id}/history`)).json().new_since_review[0], 'nation-mandera.txt');
  // A new version of the reviewed document (same name, new text): its reports take the old ones' place in the reviewed event.
  const updated = JSON.parse(KENYA);
  updated.text = updated.text.replace('local officials said.', 'local officials said. One more officer was wounded.');
  writeFileSync(join(dir, 'kenya2.jsonl'), `${JSON.stringify(updated)}\n`);
  assert.equal((await ingest(store, [join(dir, 'kenya2.jsonl')])).stored, 1);
  const again = await check('after a new version of the reviewed document');
  assert.deepEqual(again.record.sources.map((s: { document: string }) => s.document).sort(), ['nation-mandera.txt', 'standard-mandera.txt', 'standard-mandera.txt']);
});

test('accept, reject, split and an admin\'s undo, each recorded', async () => {
  const multi = (await store.events()).find((e) => new Set(e.sources.map((s) => s.document)).size > 1 && e.location?.name !== 'Mandera')!;
  assert.ok(multi, 'an event told by two documents');
  const doc = multi.sources[1]!.document;
  const split = await call('POST', `/api/events/${multi.id}/split`, reviewer, { document: doc, note: 'another strike' });
  assert.equal(split.status, 200);
  const made = split.json().split as string;
  const left = (await call('GET', `/api/events/${multi.id}`)).json().record;
  assert.ok(!left.sources.some((s: { document: string }) => s.document === doc));
  assert.deepEqual((await call('GET', `/api/events/${made}`)).json().record.sources.map((s: { document: string }) => s.document), [doc]);
  assert.equal((await call('POST', `/api/events/${made}/split`, reviewer, { document: doc })).status, 400, 'nothing to split a lone source from');

  assert.equal((await call('POST', `/api/events/${made}/review`, reviewer, { action: 'reject', note: 'a duplicate' })).json().event, made);
  assert.equal((await call('GET', `/api/events/${made}`)).json().record.review.status, 'rejected');
  assert.equal((await call('POST', `/api/events/${multi.id}/review`, reviewer, { action: 'accept' })).status, 200);
  assert.equal((await call('GET', `/api/events/${multi.id}`)).json().record.review.status, 'accepted');

  // Undo: the latest first; the split last of all restores the event as resolution made it.
  const actions = (await call('GET', `/api/events/${multi.id}/history`)).json().actions as { id: number; action: string }[];
  assert.deepEqual(actions.map((a) => a.action), ['split', 'reject', 'accept']);
  assert.equal((await call('POST', `/api/reviews/${actions[0]!.id}/undo`, admin)).status, 409, 'later actions first');
  for (const a of [...actions].reverse()) assert.equal((await call('POST', `/api/reviews/${a.id}/undo`, admin)).status, 200, a.action);
  const back = (await call('GET', `/api/events/${multi.id}`)).json().record;
  assert.deepEqual(back.sources.map((s: { document: string }) => s.document).sort(), multi.sources.map((s) => s.document).sort());
  assert.equal(back.review.status, 'unreviewed');
  const h = (await call('GET', `/api/events/${multi.id}/history`)).json();
  assert.deepEqual(h.actions.map((a: { action: string }) => a.action), ['split', 'reject', 'accept', 'undo', 'undo', 'undo']);
  assert.ok(h.actions.slice(0, 3).every((a: { undone: { by: string } | null }) => a.undone?.by === 'Ada'));
});

test('exports carry the review and can be limited to reviewed events; the queue puts the deadliest and latest first', async () => {
  const all = (await call('GET', '/api/events?limit=1000')).json();
  for (const e of all.events) assert.deepEqual(Object.keys(e.review), ['status', 'by', 'at']);
  const reviewed = (await call('GET', '/api/events?review=reviewed&limit=1000')).json();
  assert.ok(reviewed.total >= 1 && reviewed.total < all.total);
  for (const e of reviewed.events) assert.ok(['accepted', 'corrected'].includes(e.review.status), e.id);
  const lines = (await app.inject({ method: 'GET', url: '/api/events?review=reviewed&format=jsonl' })).body.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, reviewed.total);
  assert.ok(lines.some((l) => l.review.status === 'corrected' && l.review.by === 'Rita' && l.review.at));
  const csv = (await app.inject({ method: 'GET', url: '/api/events?review=reviewed&format=csv' })).body.split('\n');
  assert.match(csv[0]!, /review_status,review_by,review_at/);
  const queue = (await call('GET', '/api/events?review=unreviewed&order=queue&limit=1000')).json().events as { killed: number | null; date: string | null; review: { status: string } }[];
  assert.equal(queue.length, all.total - reviewed.total - (await call('GET', '/api/events?review=rejected')).json().total);
  for (const e of queue) assert.equal(e.review.status, 'unreviewed');
  for (let i = 1; i < queue.length; i++) {
    const a = queue[i - 1]!, b = queue[i]!;
    const ka = a.killed ?? -1, kb = b.killed ?? -1;
    assert.ok(ka > kb || (ka === kb && (a.date ?? '') >= (b.date ?? '')), `queue order at ${i}`);
  }
});

test('the OpenAPI document describes the review routes from the same zod schemas', async () => {
  const doc = (await call('GET', '/api/openapi.json')).json();
  for (const path of ['/api/events/{id}/review', '/api/events/{id}/correct', '/api/events/{id}/merge', '/api/events/{id}/split', '/api/events/{id}/history', '/api/tokens', '/api/tokens/{id}', '/api/reviews/{id}/undo']) assert.ok(doc.paths[path], path);
  const body = doc.paths['/api/events/{id}/correct'].post.requestBody.content['application/json'].schema;
  assert.deepEqual(body, JSON.parse(JSON.stringify(z.toJSONSchema(correctBodySchema, { io: 'input', unrepresentable: 'any' }))));
  assert.equal(doc.paths['/api/events/{id}/correct'].post.responses['401'].description.length > 0, true);
  assert.ok(doc.paths['/api/tokens'].get.responses['403']);
  assert.deepEqual(doc.components.securitySchemes.bearer.scheme, 'bearer');
  assert.ok(doc.paths['/api/events'].get.parameters.some((p: { name: string }) => p.name === 'review'));
});
