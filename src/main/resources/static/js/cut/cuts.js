// The cuts page: a new empty cut, and a cut made from an editing suite's EDL, Final Cut Pro XML or OTIO file (the
// events that match no asset are listed with their line numbers). Texts from the server are set as text.
import { sessionHeaders, problem, fill } from '../http.js';

const main = document.getElementById('main');
const t = JSON.parse(main.dataset.text || '{}');
const status = document.getElementById('cuts-status');
const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };

document.getElementById('new-cut')?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const r = await fetch('/api/cuts', { method: 'POST', headers: sessionHeaders({ 'Content-Type': 'application/json' }),
    body: JSON.stringify({ title: document.getElementById('new-title').value.trim(), rate: document.getElementById('new-rate').value }) });
  if (!r.ok) { say(await problem(r), true); return; }
  location.href = `/cuts/${(await r.json()).id}`;
});

document.getElementById('import-cut')?.addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = document.getElementById('import-file').files[0];
  if (!file) { say(t.pickFile, true); return; }
  const rate = document.getElementById('import-rate').value;
  const q = new URLSearchParams();
  if (rate) q.set('rate', rate);
  say(t.importing);
  const r = await fetch(`/api/cuts/import?${q}`, { method: 'POST',
    headers: sessionHeaders({ 'Content-Type': 'application/octet-stream' }), body: file });
  const list = document.getElementById('unmatched');
  list.replaceChildren();
  if (!r.ok) { say(await problem(r), true); return; }
  const result = await r.json();
  for (const u of result.unmatched) {
    const li = document.createElement('li');
    li.textContent = fill(t.unmatched, u.line, u.reel || u.clipName || u.fileName || '?', u.sourceIn || '', t.reasons[u.reason] || u.reason);
    list.append(li);
  }
  list.hidden = result.unmatched.length === 0;
  say(fill(t.imported, result.matched, result.events));
  const a = document.createElement('a');
  a.href = `/cuts/${result.cut.id}`;
  a.textContent = fill(t.open, result.cut.title);
  status.append(' ', a);
});
