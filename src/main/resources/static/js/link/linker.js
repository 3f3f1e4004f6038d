// The asset page's link picker: find a chapter, person, project or place, and link the whole asset or the range
// marked with I/O in the player (two clicks: pick a result, it is linked). Photos can also become a chapter's
// figure. Links are removed from the list beside it. Every text from the server is set as text, never as HTML.
import { sessionHeaders, problem } from '../http.js';
import { searchTargets, targetButton } from './targets.js';

const panel = document.getElementById('linker');
const t = panel ? JSON.parse(panel.dataset.text) : {};
const plural = { person: 'people', project: 'projects', place: 'places' };

if (panel) {
  const asset = panel.dataset.asset;
  const figures = panel.dataset.figures === 'true';
  const q = document.getElementById('link-q');
  const note = document.getElementById('link-note');
  const results = document.getElementById('link-results');
  const status = document.getElementById('link-status');
  const what = document.getElementById('link-what');
  const list = document.getElementById('links');
  const headers = sessionHeaders({ 'Content-Type': 'application/json' });
  // the marks as the player holds them now (on its section), whenever they were set
  const player = document.querySelector('section.player[data-rate]');
  const current = () => ({ in: player?.dataset.in || null, out: player?.dataset.out || null });
  const describe = () => {
    const marks = current();
    what.textContent = marks.in && marks.out ? `${t.range} ${marks.in}–${marks.out}`
      : marks.in || marks.out ? t.halfRange : what.dataset.whole;
  };
  document.addEventListener('marks', describe);
  describe();

  const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };

  const el = (tag, cls, text) => { const x = document.createElement(tag); if (cls) x.className = cls; if (text != null) x.textContent = text; return x; };

  const targetHref = (kind, id) => kind === 'chapter' ? `/outline/${id}` : `/index/${plural[kind]}/${id}`;

  const addToList = (link, name) => {
    document.getElementById('no-links')?.remove();
    const li = el('li');
    li.dataset.link = link.id;
    const kind = link.targetKind.toLowerCase();
    li.append(el('span', 'kind', t.kinds[kind]), ' ');
    const a = el('a', null, name);
    a.href = targetHref(kind, link.targetId);
    li.append(a, ' ');
    if (link.range) li.append(el('span', 'range', `${link.range.in}–${link.range.out}`), ' ');
    if (link.note) li.append(el('span', 'note', link.note), ' ');
    const b = el('button', 'small unlink', t.unlink);
    b.type = 'button';
    b.dataset.unlink = link.id;
    li.append(b);
    list.append(li);
  };

  const link = async (target) => {
    const marks = current();
    if ((marks.in && !marks.out) || (!marks.in && marks.out)) { say(t.halfRange, true); return; }
    const body = { asset, target: target.kind, targetId: target.id };
    if (marks.in && marks.out) { body.in = marks.in; body.out = marks.out; }
    if (note.value.trim()) body.note = note.value.trim();
    say(t.linking);
    const r = await fetch('/api/links', { method: 'POST', headers, body: JSON.stringify(body) });
    if (!r.ok) { say(t.failed + await problem(r), true); return; }
    const made = await r.json();
    addToList(made, target.name);
    say(`${t.linked} ${t.kinds[target.kind]}「${target.name}」${made.range ? ` ${made.range.in}–${made.range.out}` : ''}`);
  };

  const figure = async (target) => {
    // without a note the server takes the photo's own caption and credit (IPTC caption, By-line)
    const body = { asset };
    if (note.value.trim()) body.caption = note.value.trim();
    const r = await fetch(`/api/outline/${target.id}/figures`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!r.ok) { say(t.failed + await problem(r), true); return; }
    say(`${t.figured}「${target.name}」`);
  };

  const show = (targets) => {
    if (!targets.length) { results.append(el('li', 'none', t.none)); return; }
    for (const target of targets) {
      const li = el('li');
      const b = targetButton(target, t.kinds);
      if (target.detail) b.append(' ', el('span', 'detail', target.detail));
      b.title = `${t.link}：${target.name}`;
      b.addEventListener('click', () => link(target));
      li.append(b);
      if (figures && target.kind === 'chapter') {
        const f = el('button', 'small figure', t.figure);
        f.type = 'button';
        f.addEventListener('click', () => figure(target));
        li.append(' ', f);
      }
      results.append(li);
    }
  };

  const find = searchTargets(q, results, 12, show, (reason) => say(t.failed + reason, true));
  q.addEventListener('focus', () => { if (!results.children.length) find(); });
  // Enter links to the first result; ↓ moves into the list
  q.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); results.querySelector('button.target')?.click(); }
    if (e.key === 'ArrowDown') { e.preventDefault(); results.querySelector('button.target')?.focus(); }
  });

  list.addEventListener('click', async (e) => {
    const b = e.target.closest('[data-unlink]');
    if (!b) return;
    const r = await fetch(`/api/links/${b.dataset.unlink}`, { method: 'DELETE', headers });
    if (!r.ok) { say(t.failed + await problem(r), true); return; }
    b.closest('li').remove();
    say(t.unlinked);
  });
}
