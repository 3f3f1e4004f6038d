// The cut builder: the entries with their posters and record timecode, reordered by dragging or with Alt+↑/↓,
// removed, duplicated, trimmed with I/O in the monitor and split at its frame; the record timeline drawn to scale;
// entries added from a bin; the cut played from the proxies entry after entry; the rough-cut render followed to
// its end. Every change is sent with the version it was made from: when someone else changed the cut meanwhile,
// the server refuses it and the page shows the cut as it now is. Texts from the server are set as text only.
import { sessionHeaders, problem, fill } from '../http.js';
import { rate, toFrames, fromFrames, frameAt } from '../timecode.js';

const main = document.getElementById('main');
const t = JSON.parse(main.dataset.text);
const id = main.dataset.cut;
const headers = sessionHeaders({ 'Content-Type': 'application/json' });
const $ = (x) => document.getElementById(x);
const list = $('entries');
const monitor = $('monitor');
const status = $('cut-status');
const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };
const el = (tag, cls, text) => { const x = document.createElement(tag); if (cls) x.className = cls; if (text != null) x.textContent = text; return x; };

let cut = null;
let selected = null; // entry id shown in the monitor
let playing = null; // index while the whole cut plays

const cutRate = () => rate(cut.rate, cut.dropFrame);
const srcRate = (e) => rate(e.sourceRate, e.sourceDropFrame);
const length = (frames) => fromFrames(frames, cutRate()).replace(/^00:/, '');

const payload = (e) => ({ id: e.id, asset: e.asset, in: e.in, out: e.out, note: e.note, dissolve: e.dissolve,
  video: e.video, audio: e.audio });

/** Sends a change made from the version shown; on a conflict shows the cut as it now is. */
const change = async (url, method, body) => {
  const r = await fetch(url, { method, headers, body: JSON.stringify({ version: cut.version, ...body }) });
  if (r.status === 409) {
    const p = await r.json();
    if (p.current) { cut = p.current; draw(); }
    say(p.message || t.conflict, true);
    return false;
  }
  if (!r.ok) { say(await problem(r), true); draw(); return false; }
  cut = await r.json();
  draw();
  return true;
};
const save = (entries, okText) => change(`/api/cuts/${id}`, 'PUT', { entries: entries.map(payload) })
  .then((ok) => { if (ok && okText) say(okText); return ok; });

const move = (from, to) => {
  if (to < 0 || to >= cut.entries.length || from === to) return Promise.resolve(false);
  const e = [...cut.entries];
  const [x] = e.splice(from, 1);
  e.splice(to, 0, x);
  return save(e, fill(t.moved, from + 1, to + 1)).then((ok) => { if (ok) list.children[to]?.focus(); return ok; });
};
const remove = (i) => save(cut.entries.filter((_, k) => k !== i), fill(t.removed, i + 1));
const duplicate = (i) => {
  const e = [...cut.entries];
  e.splice(i + 1, 0, { ...cut.entries[i], id: null });
  return save(e, fill(t.duplicated, i + 1));
};

function draw() {
  $('cut-title').textContent = cut.title;
  document.title = cut.title;
  $('cut-meta').textContent = fill(t.meta, cut.rateLabel, cut.start, cut.end, cut.duration, cut.entries.length)
    + (cut.hidden ? ' ' + fill(t.hidden, cut.hidden) : '');
  $('rate-rule').hidden = !cut.mixedRates;
  $('rate-rule').textContent = cut.mixedRates ? t.rateRule : '';
  list.replaceChildren();
  $('no-entries').hidden = cut.entries.length > 0;
  cut.entries.forEach((e, i) => {
    const li = el('li', 'entry');
    li.tabIndex = 0;
    li.dataset.id = e.id;
    li.draggable = cut.canEdit;
    if (e.id === selected) li.classList.add('on');
    const poster = el('span', 'poster');
    if (e.poster) { const img = el('img'); img.src = e.poster; img.alt = ''; img.loading = 'lazy'; poster.append(img); } else poster.append(el('span', 'audio-icon', '♪'));
    li.append(poster);
    const text = el('span', 'text');
    text.append(el('span', 'n', String(i + 1)), ' ', el('span', 'title', e.title));
    text.append(el('span', 'src', `${e.in}–${e.out}`));
    text.append(el('span', 'rec', fill(t.recordAt, e.recordIn, length(e.recordFrames))));
    if (e.note) text.append(el('span', 'note', e.note));
    li.append(text);
    if (cut.canEdit) {
      const tools = el('span', 'tools');
      for (const [label, act, name] of [['↑', () => move(i, i - 1), t.up], ['↓', () => move(i, i + 1), t.down],
        [t.duplicate, () => duplicate(i), t.duplicate], ['✕', () => remove(i), t.remove]]) {
        const b = el('button', 'small', label);
        b.type = 'button';
        b.title = name;
        b.setAttribute('aria-label', fill(t.entryAction, name, i + 1));
        b.addEventListener('click', (ev) => { ev.stopPropagation(); act(); });
        tools.append(b);
      }
      li.append(tools);
    }
    li.addEventListener('click', () => select(e.id));
    li.addEventListener('keydown', (ev) => {
      if (ev.altKey && ev.key === 'ArrowUp') { ev.preventDefault(); move(i, i - 1); } else if (ev.altKey && ev.key === 'ArrowDown') { ev.preventDefault(); move(i, i + 1); } else if ((ev.key === 'Delete' || ev.key === 'Backspace') && cut.canEdit) { ev.preventDefault(); remove(i); } else if (ev.key === 'Enter') { ev.preventDefault(); select(e.id); }
    });
    li.addEventListener('dragstart', (ev) => { ev.dataTransfer.setData('text/plain', String(i)); li.classList.add('dragging'); });
    li.addEventListener('dragend', () => li.classList.remove('dragging'));
    li.addEventListener('dragover', (ev) => ev.preventDefault());
    li.addEventListener('drop', (ev) => { ev.preventDefault(); move(Number(ev.dataTransfer.getData('text/plain')), i); });
    list.append(li);
  });
  const line = $('timeline');
  line.replaceChildren();
  for (const e of cut.entries) {
    const s = el('span', e.id === selected ? 'on' : null);
    s.style.flexGrow = String(e.recordFrames);
    s.title = `${e.title} ${e.recordIn}`;
    line.append(s);
  }
  for (const b of ['trim-in', 'trim-out', 'split']) if ($(b)) $(b).disabled = !current();
}

const current = () => cut.entries.find((e) => e.id === selected) || null;

/** Shows an entry in the monitor, at its in-point. */
function select(entryId, play = false) {
  selected = entryId;
  const e = current();
  draw();
  if (!e) return;
  const src = e.player.split('#')[0];
  const seek = () => { monitor.currentTime = e.proxyIn + 0.5 * (srcRate(e).den / srcRate(e).num); if (play) monitor.play(); };
  if (monitor.getAttribute('src') !== src) {
    monitor.src = src;
    monitor.addEventListener('loadedmetadata', seek, { once: true });
  } else seek();
}

/** The source frame on screen in the monitor (frames since 00:00:00:00 at the entry's rate). */
const sourceFrame = (e) => toFrames(e.clipStart, srcRate(e)) + frameAt(monitor.currentTime, srcRate(e));

const showTc = () => {
  const e = current();
  if (!e) return;
  const r = srcRate(e);
  $('src-tc').textContent = fromFrames(sourceFrame(e), r);
  const into = Math.max(0, monitor.currentTime - e.proxyIn);
  const rec = toFrames(e.recordIn, cutRate()) + Math.min(e.recordFrames - 1, Math.floor(into * cutRate().num / cutRate().den + 1e-6));
  $('rec-tc').textContent = fromFrames(rec, cutRate());
  // playing the cut: on to the next entry at this one's out-point
  if (playing !== null && monitor.currentTime >= e.proxyOut - 1e-3) {
    playing += 1;
    if (playing < cut.entries.length) select(cut.entries[playing].id, true); else { playing = null; monitor.pause(); say(t.played); }
  }
};
['timeupdate', 'seeked'].forEach((x) => monitor.addEventListener(x, showTc));
const tick = () => { showTc(); if (!monitor.paused) requestAnimationFrame(tick); };
monitor.addEventListener('play', () => requestAnimationFrame(tick));

const playCut = () => {
  if (!cut.entries.length) return;
  playing = 0;
  say(t.playing);
  select(cut.entries[0].id, true);
};
$('play-cut').addEventListener('click', playCut);
monitor.addEventListener('pause', () => { if (playing !== null && monitor.currentTime < (current()?.proxyOut ?? 0) - 0.05) playing = null; });

const trim = (which) => {
  const e = current();
  if (!e) return;
  const r = srcRate(e);
  const frame = sourceFrame(e) + (which === 'out' ? 1 : 0);
  const label = fromFrames(frame, r);
  const next = { ...e, in: which === 'in' ? label : e.in, out: which === 'out' ? label : e.out };
  if (toFrames(next.out, r) <= toFrames(next.in, r)) { say(t.badTrim, true); return; }
  save(cut.entries.map((x) => (x.id === e.id ? next : x)), fill(which === 'in' ? t.trimmedIn : t.trimmedOut, label));
};
const split = () => {
  const e = current();
  if (!e) return;
  change(`/api/cuts/${id}/entries/${e.id}/split`, 'POST', { at: fromFrames(sourceFrame(e), srcRate(e)) })
    .then((ok) => { if (ok) say(t.splitDone); });
};
$('trim-in')?.addEventListener('click', () => trim('in'));
$('trim-out')?.addEventListener('click', () => trim('out'));
$('split')?.addEventListener('click', split);

document.addEventListener('keydown', (e) => {
  if (e.target.closest('input, textarea, select, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
  const step = (n) => {
    const c = current();
    if (!c) return;
    monitor.pause();
    playing = null;
    const fr = srcRate(c);
    monitor.currentTime = Math.max(0, monitor.currentTime + n * fr.den / fr.num);
  };
  switch (e.key) {
    case 'p': case 'P': playCut(); break;
    case 'i': case 'I': if (cut.canEdit) trim('in'); break;
    case 'o': case 'O': if (cut.canEdit) trim('out'); break;
    case 's': case 'S': if (cut.canEdit) split(); break;
    case 'ArrowLeft': if (e.target.closest('li.entry')) return; step(-1); break;
    case 'ArrowRight': if (e.target.closest('li.entry')) return; step(1); break;
    case ' ': if (e.target.closest('button, a, li.entry')) return; if (monitor.paused) monitor.play(); else { monitor.pause(); playing = null; } break;
    default: return;
  }
  e.preventDefault();
});

// ---- title, sharing, copies
$('rename')?.addEventListener('submit', (e) => {
  e.preventDefault();
  change(`/api/cuts/${id}`, 'PUT', { title: $('title-input').value.trim() }).then((ok) => { if (ok) say(t.saved); });
});
$('share-save')?.addEventListener('click', () => {
  const editors = $('share-editors').value.split(/[,，\s]+/).map((x) => x.trim()).filter(Boolean);
  change(`/api/cuts/${id}`, 'PUT', { shared: $('share-all').checked, editors }).then((ok) => { if (ok) say(t.saved); });
});
$('cut-delete')?.addEventListener('click', async () => {
  if (!confirm(t.confirmDelete)) return;
  const r = await fetch(`/api/cuts/${id}`, { method: 'DELETE', headers });
  if (r.ok) location.href = '/cuts'; else say(await problem(r), true);
});
$('cut-duplicate')?.addEventListener('click', async () => {
  const r = await fetch(`/api/cuts/${id}/duplicate`, { method: 'POST', headers });
  if (r.ok) location.href = `/cuts/${(await r.json()).id}`; else say(await problem(r), true);
});

// ---- adding from a bin
const binPick = $('add-bin');
if (binPick) {
  fetch('/api/bins', { headers }).then((r) => (r.ok ? r.json() : [])).then((bins) => {
    for (const b of bins) { const o = el('option', null, fill(t.binOption, b.name, b.items)); o.value = b.id; binPick.append(o); }
  });
  binPick.addEventListener('change', async () => {
    const items = $('bin-items');
    items.replaceChildren();
    if (!binPick.value) return;
    const r = await fetch(`/api/bins/${binPick.value}`, { headers });
    if (!r.ok) { say(await problem(r), true); return; }
    const bin = await r.json();
    for (const it of bin.items.filter((x) => x.type !== 'PHOTO')) {
      const li = el('li');
      const b = el('button', 'small', '＋');
      b.type = 'button';
      b.setAttribute('aria-label', fill(t.addItem, it.title, it.in || t.whole));
      b.addEventListener('click', () => change(`/api/cuts/${id}/entries`, 'POST', { bin: bin.id, items: [it.id] })
        .then((ok) => { if (ok) say(fill(t.added, it.title)); }));
      li.append(b, ' ', el('span', 'title', it.title), ' ', el('span', 'range', it.in ? `${it.in}–${it.out}` : t.whole));
      items.append(li);
    }
  });
}

// ---- the rough-cut render
const renderState = async () => {
  const r = await fetch(`/api/cuts/${id}/render`, { headers });
  if (!r.ok) return;
  const s = await r.json();
  const bar = $('render-progress');
  const text = $('render-state');
  const busy = s.status === 'QUEUED' || s.status === 'RUNNING';
  bar.hidden = !busy;
  bar.value = s.progress || 0;
  text.textContent = busy ? fill(t.rendering, Math.round((s.progress || 0) * 100))
    : s.status === 'FAILED' ? fill(t.renderFailed, s.error || '')
      : s.url ? (s.stale ? t.renderStale : t.renderDone) : t.renderNone;
  const video = $('render-video');
  if (s.url && !busy) {
    const src = `${s.url}?v=${s.version}`;
    if (video.getAttribute('src') !== src) video.src = src;
    video.hidden = false;
  }
  if (busy) setTimeout(renderState, 1000);
};
$('render-go').addEventListener('click', async () => {
  const r = await fetch(`/api/cuts/${id}/render`, { method: 'POST', headers });
  if (!r.ok) { say(await problem(r), true); return; }
  renderState();
});

fetch(`/api/cuts/${id}`, { headers }).then(async (r) => {
  if (!r.ok) { say(await problem(r), true); return; }
  cut = await r.json();
  draw();
  if (cut.entries.length) select(cut.entries[0].id);
  renderState();
});
