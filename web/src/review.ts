// Review in the web app (issue 26): a token entered here (kept in sessionStorage, for this tab only)
// shows the queue of unreviewed events, deadliest and latest first, and the review controls of the
// open event: accept, reject, correct a field (with a note), merge another event into it, split a
// source out. Every event shows its review history. The server checks every write against the token.

const TOKEN_KEY = 'vigie-review-token';

export interface ReviewInfo { status: string; by: string | null; at: string | null; fields?: string[]; new_since_review?: string[] }
interface QueueEvent { id: string; sub_event_type: string; date: string | null; date_precision: string | null; killed: number | null; location: { name: string } | null; sources: unknown[] }
interface HistoryAction { id: number; action: string; event: string; other: string | null; by: string; at: string; note: string | null; before: unknown; after: unknown; undone: { by: string; at: string } | null }

export interface ReviewHost {
  /** Opens an event in the panel. */
  open(id: string): Promise<void>;
  /** Reloads the list, the map and the timeline. */
  refresh(): Promise<void>;
  formatDate(date: string | null, precision: string | null): string;
}

let me: { name: string; role: string } | null = null;
let host: ReviewHost;

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}
function labelled(text: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLLabelElement {
  const label = el('label', null, 'field');
  label.append(el('span', text), control);
  return label;
}
const token = () => sessionStorage.getItem(TOKEN_KEY);

async function send<T>(method: string, url: string, body?: unknown): Promise<T> {
  const r = await fetch(url, {
    method, headers: { authorization: `Bearer ${token() ?? ''}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = await r.json().catch(() => ({ message: r.statusText }));
  if (!r.ok) throw new Error(json.message ?? `${r.status}`);
  return json as T;
}

export const signedIn = () => me !== null;

/** The sign-in bar, when the server has the review routes (vigie serve --write). */
export async function initReview(h: ReviewHost, write: boolean): Promise<void> {
  host = h;
  const bar = $<HTMLElement>('#review-bar');
  if (!write) { bar.hidden = true; return; }
  bar.hidden = false;
  const saved = token();
  if (saved) {
    try { me = await send<{ name: string; role: string }>('GET', '/api/me'); } catch { sessionStorage.removeItem(TOKEN_KEY); }
  }
  drawBar();
  if (me) await drawQueue();
}

function drawBar(): void {
  const bar = $<HTMLElement>('#review-bar');
  bar.replaceChildren();
  if (me) {
    bar.append(el('span', `Reviewing as ${me.name} (${me.role})`, 'who'));
    const out = el('button', 'sign out');
    out.type = 'button';
    out.addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); me = null; drawBar(); $<HTMLElement>('#review-queue').hidden = true; void host.refresh(); });
    bar.append(out);
    return;
  }
  const form = el('form');
  form.id = 'review-login';
  form.setAttribute('aria-label', 'sign in to review');
  const field = el('input');
  field.type = 'password';
  field.name = 'token';
  field.autocomplete = 'off';
  field.placeholder = 'vigie token create --role reviewer';
  const go = el('button', 'sign in to review');
  go.type = 'submit';
  const message = el('span', null, 'message');
  message.setAttribute('role', 'alert');
  form.append(labelled('review token', field), go, message);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      sessionStorage.setItem(TOKEN_KEY, field.value.trim());
      try {
        me = await send<{ name: string; role: string }>('GET', '/api/me');
      } catch (err) {
        sessionStorage.removeItem(TOKEN_KEY);
        message.textContent = `Not signed in: ${(err as Error).message}`;
        return;
      }
      drawBar();
      await drawQueue();
      const panel = $<HTMLElement>('#panel');
      if (!panel.hidden && panel.dataset.event) await host.open(panel.dataset.event);
    })();
  });
  bar.append(form);
}

/** The queue: unreviewed events, the deadliest first, then the latest. */
export async function drawQueue(): Promise<void> {
  const section = $<HTMLElement>('#review-queue');
  if (!me) { section.hidden = true; return; }
  const page = await (await fetch('/api/events?review=unreviewed&order=queue&limit=50')).json() as { total: number; events: QueueEvent[] };
  section.hidden = false;
  section.replaceChildren();
  const h = el('h2', `Review queue: ${page.total} unreviewed event${page.total === 1 ? '' : 's'}`);
  h.id = 'review-queue-title';
  section.append(h, el('p', 'The deadliest first, then the most recent. Enter or a click opens an event with its review controls.', 'hint'));
  const table = el('table');
  table.id = 'queue';
  const caption = el('caption', 'unreviewed events, deadliest and latest first', 'visually-hidden');
  const head = el('tr');
  for (const t of ['killed', 'date', 'type', 'place', 'sources']) { const th = el('th', t); th.scope = 'col'; head.append(th); }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const e of page.events) {
    const tr = el('tr');
    tr.tabIndex = 0;
    tr.dataset.id = e.id;
    for (const v of [e.killed === null ? 'not reported' : String(e.killed), host.formatDate(e.date, e.date_precision), e.sub_event_type, e.location?.name ?? 'unknown', String(e.sources.length)]) tr.append(el('td', v));
    const open = () => void host.open(e.id);
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (k) => { if (k.key === 'Enter') { k.preventDefault(); open(); } });
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  section.append(table);
}

const FIELD_NAMES: [string, string][] = [
  ['killed', 'killed'], ['wounded', 'wounded'], ['date', 'date (YYYY-MM-DD)'], ['date_precision', 'date precision (day, week, month, year)'],
  ['actor1', 'actor 1'], ['actor2', 'actor 2'], ['sub_event_type', 'sub-event type'], ['weapons', 'weapons (comma-separated)'], ['claim', 'claim status'],
];

/** A typed value of a field as the reviewer wrote it; empty is null (not reported). */
function valueOf(field: string, text: string): unknown {
  const t = text.trim();
  if (field === 'killed' || field === 'wounded') return t === '' ? null : Number(t);
  if (field === 'weapons') return t.split(',').map((w) => w.trim()).filter(Boolean);
  if (field === 'claim') return { status: t, by: null };
  return t === '' ? null : t;
}

const shown = (v: unknown) => (v === null || v === undefined ? 'none' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function describe(a: HistoryAction): string {
  const when = a.at.slice(0, 16).replace('T', ' ');
  const verb: Record<string, string> = { accept: 'accepted', reject: 'rejected', correct: 'corrected', merge: 'merged', split: 'split', undo: 'undid' };
  let what = '';
  if (a.action === 'correct' && a.before && typeof a.before === 'object') {
    what = Object.keys(a.after as object).map((f) => `${f}: ${shown((a.before as Record<string, unknown>)[f])} → ${shown((a.after as Record<string, unknown>)[f])}`).join('; ');
  } else if (a.action === 'merge') what = `${a.other} into ${a.event}`;
  else if (a.action === 'split') what = `${(a.after as { document?: string })?.document ?? ''} out into ${a.other}`;
  else if (a.action === 'accept' || a.action === 'reject') what = `status ${shown((a.before as { status?: string })?.status)} → ${shown((a.after as { status?: string })?.status)}`;
  return `${when} UTC — ${a.by} ${verb[a.action] ?? a.action}${what ? ` ${what}` : ''}${a.note ? ` — “${a.note}”` : ''}${a.undone ? ` (undone by ${a.undone.by})` : ''}`;
}

/** The panel's review section: status, controls when signed in, and the history. */
export async function reviewSection(id: string, review: ReviewInfo | undefined, sources: { document: string; label: string }[]): Promise<HTMLElement> {
  const section = el('section', null, 'review');
  section.setAttribute('aria-labelledby', 'review-title');
  const h = el('h3', 'Review');
  h.id = 'review-title';
  section.append(h);
  const status = review?.status ?? 'unreviewed';
  const line = el('p', status === 'unreviewed' ? 'Not reviewed yet.' : `${status[0]!.toUpperCase()}${status.slice(1)} by ${review?.by} on ${review?.at?.slice(0, 10)}${review?.fields?.length ? ` (corrected: ${review.fields.join(', ')})` : ''}.`, 'review-status');
  line.dataset.status = status;
  section.append(line);
  if (review?.new_since_review?.length) section.append(el('p', `New since review: ${review.new_since_review.map((d) => sources.find((s) => s.document === d)?.label ?? d).join(', ')}.`, 'new-since'));

  if (me) {
    const message = el('p', null, 'message');
    message.setAttribute('role', 'status');
    const run = async (what: string, method: string, url: string, body?: unknown) => {
      message.textContent = `${what}…`;
      try {
        const out = await send<{ event: string }>(method, url, body);
        await host.refresh();
        await drawQueue();
        await host.open(out.event);
        const after = document.querySelector('#panel .review .message');
        if (after) after.textContent = `${what}: done.`;
      } catch (e) {
        message.textContent = `${what}: ${(e as Error).message}`;
      }
    };
    const verdicts = el('div', null, 'verdicts');
    for (const [action, text] of [['accept', 'Accept'], ['reject', 'Reject']] as const) {
      const b = el('button', text);
      b.type = 'button';
      b.addEventListener('click', () => void run(text, 'POST', `/api/events/${id}/review`, { action }));
      verdicts.append(b);
    }
    section.append(verdicts);

    const correct = el('form', null, 'correct');
    correct.setAttribute('aria-label', 'correct a field');
    const field = el('select');
    field.name = 'field';
    for (const [v, t] of FIELD_NAMES) field.append(new Option(t, v));
    const value = el('input');
    value.name = 'value';
    const note = el('input');
    note.name = 'note';
    note.required = true;
    const save = el('button', 'Save correction');
    save.type = 'submit';
    correct.append(el('h4', 'Correct a field'), labelled('field', field), labelled('value (empty: not reported)', value), labelled('note (why)', note), save);
    correct.addEventListener('submit', (e) => {
      e.preventDefault();
      void run('Correction', 'POST', `/api/events/${id}/correct`, { fields: { [field.value]: valueOf(field.value, value.value) }, note: note.value });
    });
    section.append(correct);

    const merge = el('form', null, 'merge');
    merge.setAttribute('aria-label', 'merge another event into this one');
    const other = el('input');
    other.name = 'other';
    other.placeholder = 'evt_…';
    other.required = true;
    const mergeNote = el('input');
    mergeNote.name = 'note';
    const mergeButton = el('button', 'Merge into this event');
    mergeButton.type = 'submit';
    merge.append(el('h4', 'Merge another event into this one'), labelled('event id', other), labelled('note', mergeNote), mergeButton);
    merge.addEventListener('submit', (e) => {
      e.preventDefault();
      void run('Merge', 'POST', `/api/events/${id}/merge`, { other: other.value.trim(), ...(mergeNote.value.trim() ? { note: mergeNote.value } : {}) });
    });
    section.append(merge);

    if (sources.length > 1) {
      const split = el('div', null, 'split');
      split.append(el('h4', 'Split a source out into an event of its own'));
      for (const s of sources) {
        const b = el('button', `Split out ${s.label}`);
        b.type = 'button';
        b.addEventListener('click', () => void run('Split', 'POST', `/api/events/${id}/split`, { document: s.document }));
        split.append(b);
      }
      section.append(split);
    }
    section.append(message);
  }

  const history = await (await fetch(`/api/events/${id}/history`)).json() as { actions: HistoryAction[] };
  const hh = el('h4', `History (${history.actions.length})`);
  section.append(hh);
  if (!history.actions.length) section.append(el('p', 'No review action yet.', 'hint'));
  else {
    const ol = el('ol', null, 'history');
    for (const a of history.actions) {
      const li = el('li', describe(a));
      li.dataset.action = a.action;
      // An admin may undo an action, the latest first (the server says so otherwise).
      if (me?.role === 'admin' && a.action !== 'undo' && !a.undone) {
        const undo = el('button', 'Undo', 'undo');
        undo.type = 'button';
        undo.setAttribute('aria-label', `undo action ${a.id} (${a.action})`);
        undo.addEventListener('click', () => void (async () => {
          try {
            const out = await send<{ event: string }>('POST', `/api/reviews/${a.id}/undo`);
            await host.refresh();
            await drawQueue();
            await host.open(out.event);
          } catch (e) {
            li.append(el('span', ` ${(e as Error).message}`, 'message'));
          }
        })());
        li.append(' ', undo);
      }
      ol.append(li);
    }
    section.append(ol);
  }
  return section;
}
