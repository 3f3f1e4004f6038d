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

  const refused = document.getElementById('batch-refused');
  const titleOf = (id) => document.querySelector(`input.pick[value="${id}"]`)?.dataset.title || id;

  /**
   * Runs one request per selected asset; reports how many went through and lists the others by title, each a
   * link to its page, with why.
   */
  const each = async (request, done) => {
    say(t.working);
    refused.replaceChildren();
    const ids = chosen();
    let failed = 0;
    for (const id of ids) {
      const r = await request(id);
      if (r && !r.ok) {
        failed++;
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `/assets/${id}`;
        a.textContent = titleOf(id);
        li.append(a, fill(t.because, await problem(r)));
        refused.append(li);
      }
    }
    say(done(ids.length - failed) + (failed ? ` ${fill(t.refused, failed)}` : ''), failed > 0);
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
      const title = document.getElementById('batch-title').value.trim();
      const rights = document.getElementById('batch-rights').value.trim();
      const own = document.getElementById('batch-own-caption').checked;
      const words = document.getElementById('batch-keywords').value.split(/[、，,;；\s]+/).filter(Boolean);
      if (!place && !date && !title && !rights && !own && !words.length) { say(t.nothing, true); return; }
      await each(async (id) => {
        const patch = {};
        if (place) patch.place = place;
        if (date) patch.captureDate = date;
        if (rights) patch.rights = rights;
        if (title) patch.title = title;
        if (words.length || own) {
          const now = await fetch(`/api/assets/${id}`);
          if (!now.ok) return now;
          const a = await now.json();
          if (words.length) patch.keywords = [...new Set([...(a.keywords || []), ...words])];
          // the caption the file itself carries (IPTC, XMP), or the title it came with before a batch replaced it
          const caption = a.photo?.mwg?.description || a.photo?.iptc?.caption || a.fileOwn?.title || a.media?.tags?.title;
          if (own && caption) patch.title = caption.split('\n')[0].slice(0, 500);
        }
        if (!Object.keys(patch).length) return null; // nothing of its own to use
        return fetch(`/api/assets/${id}`, { method: 'PATCH', headers, body: JSON.stringify(patch) });
      }, (n) => fill(t.saved, n));
    });
  }
}
