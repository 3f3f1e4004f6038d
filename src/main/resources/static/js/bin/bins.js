// The bins pages: make a bin; on a bin's page, take items out and make a cut of those ticked. Every text from the
// server is set as text, never as HTML; refusals show the server's reason in the page's language.
import { sessionHeaders, problem } from '../http.js';

const main = document.getElementById('main');
const t = JSON.parse(main.dataset.text || '{}');
const headers = sessionHeaders({ 'Content-Type': 'application/json' });
const status = document.getElementById('bins-status') || document.getElementById('bin-status');
const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };

const form = document.getElementById('new-bin');
if (form) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const name = document.getElementById('bin-name').value.trim();
    if (!name) { say(t.needName, true); return; }
    const r = await fetch('/api/bins', { method: 'POST', headers,
      body: JSON.stringify({ name, shared: document.getElementById('bin-shared').checked }) });
    if (!r.ok) { say(await problem(r), true); return; }
    const bin = await r.json();
    location.href = `/bins/${bin.id}`;
  });
}

const binId = main.dataset.bin;
if (binId) {
  document.querySelectorAll('[data-remove]').forEach((b) => b.addEventListener('click', async () => {
    const r = await fetch(`/api/bins/${binId}/items/${b.dataset.remove}`, { method: 'DELETE', headers });
    if (!r.ok) { say(await problem(r), true); return; }
    b.closest('li').remove();
    say(t.removed);
  }));
  const make = document.getElementById('make-cut');
  if (make) {
    make.addEventListener('submit', async (e) => {
      e.preventDefault();
      const items = [...document.querySelectorAll('li[data-item]')]
        .filter((li) => li.querySelector('input.pick')?.checked).map((li) => li.dataset.item);
      if (!items.length) { say(t.pickSome, true); return; }
      say(t.making);
      const r = await fetch('/api/cuts', { method: 'POST', headers,
        body: JSON.stringify({ title: document.getElementById('cut-title').value.trim() || null, bin: binId, items }) });
      if (!r.ok) { say(await problem(r), true); return; }
      const cut = await r.json();
      location.href = `/cuts/${cut.id}`;
    });
  }
}
