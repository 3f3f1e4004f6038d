// The library's multi-select: tick cards (or select the whole page), then link every selected asset whole to a
// chapter, person, project or place, or set place, capture date and keywords on all of them. Each asset is changed
// through the API, which asks the access policy item by item; refusals are listed, not hidden.
import { sessionHeaders, problem, fill } from '../http.js';
import { searchTargets, targetButton } from '../link/targets.js';

const batch = document.getElementById('batch');
const t = batch ? JSON.parse(batch.dataset.text) : {};

if (batch) {
  const picks = () => [...document.querySelectorAll('input.pick')];
  const chosen = () => picks().filter((p) => p.checked).map((p) => p.value);
  const status = document.getElementById('batch-status');
  const headers = sessionHeaders({ 'Content-Type': 'application/json' });
  const update = () => {
    const n = chosen().length;
    document.getElementById('picked').textContent = n;
    batch.hidden = n === 0;
  };
  document.addEventListener('change', (e) => { if (e.target.matches('input.pick')) update(); });
  document.getElementById('pick-all').addEventListener('click', () => { picks().forEach((p) => { p.checked = true; }); update(); });
  document.getElementById('pick-none').addEventListener('click', () => { picks().forEach((p) => { p.checked = false; }); update(); });

  const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };

  /** Runs one request per selected asset; reports how many went through and why the others did not. */
  const each = async (request, done) => {
    say(t.working);
    const ids = chosen();
    const failed = [];
    for (const id of ids) {
      const r = await request(id);
      if (!r.ok) failed.push(`${id.slice(-6)}: ${await problem(r)}`);
    }
    const ok = ids.length - failed.length;
    say(done(ok) + (failed.length ? ` ${fill(t.refused, failed.length)}${failed.join('；')}` : ''), failed.length > 0);
  };

  // link every selected asset, whole, to a target found by name
  const q = document.getElementById('batch-q');
  const results = document.getElementById('batch-results');
  if (q) {
    searchTargets(q, results, 8, (targets) => {
      if (!targets.length) { const li = document.createElement('li'); li.textContent = t.none; results.append(li); }
      for (const target of targets) {
        const li = document.createElement('li');
        const b = targetButton(target, t.kinds);
        b.addEventListener('click', () => each((id) => fetch('/api/links', { method: 'POST', headers,
          body: JSON.stringify({ asset: id, target: target.kind, targetId: target.id }) }), (n) => fill(t.linked, n, target.name)));
        li.append(b);
        results.append(li);
      }
    }, (reason) => say(reason, true));
  }

  // the same place, date or added keywords on every selected asset
  const save = document.getElementById('batch-save');
  if (save) {
    save.addEventListener('click', async () => {
      const place = document.getElementById('batch-place').value.trim();
      const date = document.getElementById('batch-date').value.trim();
      const words = document.getElementById('batch-keywords').value.split(/[、，,;；\s]+/).filter(Boolean);
      if (!place && !date && !words.length) { say(t.nothing, true); return; }
      await each(async (id) => {
        const patch = {};
        if (place) patch.place = place;
        if (date) patch.captureDate = date;
        if (words.length) {
          const now = await fetch(`/api/assets/${id}`);
          if (!now.ok) return now;
          const kept = (await now.json()).keywords || [];
          patch.keywords = [...new Set([...kept, ...words])];
        }
        return fetch(`/api/assets/${id}`, { method: 'PATCH', headers, body: JSON.stringify(patch) });
      }, (n) => fill(t.saved, n));
    });
  }
}
