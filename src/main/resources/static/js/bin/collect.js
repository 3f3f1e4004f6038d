// Collecting into a bin, wherever moments are shown: the panel (#collect) picks (or makes) the bin; on an asset's
// page the range marked in the player (or the whole clip) goes in with B or the button, "from a scene" when a
// scene chip marked it; on chapter, person and project pages each moment's [data-collect] button puts it in. The
// bin last used is remembered in this browser; the library's ticked assets go in whole. Texts from the server are set as text, never as HTML.
import { sessionHeaders, problem, fill } from '../http.js';

const panel = document.getElementById('collect');
if (panel) {
  const t = JSON.parse(panel.dataset.text);
  const headers = sessionHeaders({ 'Content-Type': 'application/json' });
  const pick = document.getElementById('bin-pick');
  const fresh = document.getElementById('bin-new');
  const status = document.getElementById('collect-status');
  const KEY = 'yingzhi.bin';
  const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };

  const option = (value, label) => { const o = document.createElement('option'); o.value = value; o.textContent = label; return o; };
  const showFresh = () => { fresh.hidden = pick.value !== ''; };

  const load = async () => {
    const r = await fetch('/api/bins', { headers });
    const bins = r.ok ? await r.json() : [];
    pick.replaceChildren();
    for (const b of bins.filter((x) => x.canEdit)) pick.append(option(b.id, fill(t.binOption, b.name, b.items)));
    pick.append(option('', t.newBin));
    const last = localStorage.getItem(KEY);
    if (last && [...pick.options].some((o) => o.value === last)) pick.value = last;
    showFresh();
  };
  pick.addEventListener('change', () => { if (pick.value) localStorage.setItem(KEY, pick.value); showFresh(); });

  /** The chosen bin's id, making the bin first when "new bin" is chosen. */
  const chosen = async () => {
    if (pick.value) return pick.value;
    const name = fresh.value.trim() || t.defaultName;
    const r = await fetch('/api/bins', { method: 'POST', headers, body: JSON.stringify({ name }) });
    if (!r.ok) throw new Error(await problem(r));
    const b = await r.json();
    const o = option(b.id, fill(t.binOption, b.name, 0));
    pick.insertBefore(o, pick.querySelector('option[value=""]'));
    pick.value = b.id;
    localStorage.setItem(KEY, b.id);
    showFresh();
    return b.id;
  };

  const collect = async (item) => {
    try {
      const id = await chosen();
      const r = await fetch(`/api/bins/${id}/items`, { method: 'POST', headers, body: JSON.stringify({ items: [item] }) });
      if (!r.ok) { say(await problem(r), true); return; }
      const bin = await r.json();
      const o = pick.querySelector(`option[value="${id}"]`);
      if (o) o.textContent = fill(t.binOption, bin.name, bin.items.length);
      say(fill(item.in ? t.addedRange : t.addedWhole, bin.name, item.in || '', item.out || ''));
    } catch (e) {
      say(e.message, true);
    }
  };

  // the asset page: what the player has marked
  const player = document.querySelector('section.player[data-rate]');
  const asset = panel.dataset.asset;
  let fromScene = false;
  document.addEventListener('marks', () => { fromScene = false; });
  document.querySelectorAll('button.scene').forEach((b) => b.addEventListener('click', () => { fromScene = true; }));
  const collectMarked = () => {
    const marks = { in: player?.dataset.in || null, out: player?.dataset.out || null };
    if ((marks.in && !marks.out) || (!marks.in && marks.out)) { say(t.halfRange, true); return; }
    const item = { asset, from: fromScene ? 'scene' : 'player' };
    if (marks.in) { item.in = marks.in; item.out = marks.out; }
    collect(item);
  };
  document.getElementById('collect-marked')?.addEventListener('click', collectMarked);
  if (asset) {
    document.addEventListener('keydown', (e) => {
      if (e.target.closest('input, textarea, select, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'b' || e.key === 'B') { e.preventDefault(); collectMarked(); }
    });
  }

  // the library's selection: every ticked asset, whole
  document.getElementById('batch-collect')?.addEventListener('click', async () => {
    const assets = [...document.querySelectorAll('input.pick:checked')].map((p) => p.value);
    if (!assets.length) return;
    try {
      const bin = await chosen();
      const r = await fetch(`/api/bins/${bin}/items`, { method: 'POST', headers,
        body: JSON.stringify({ items: assets.map((a) => ({ asset: a, from: 'library' })) }) });
      if (!r.ok) { say(await problem(r), true); return; }
      const b = await r.json();
      say(fill(t.addedMany, b.name, assets.length));
    } catch (e) {
      say(e.message, true);
    }
  });

  // moments on chapter, person and project pages
  document.querySelectorAll('[data-collect]').forEach((b) => b.addEventListener('click', () => {
    const item = { asset: b.dataset.collect, from: b.dataset.from };
    if (b.dataset.in) { item.in = b.dataset.in; item.out = b.dataset.out; }
    collect(item);
  }));

  load();
}
