// The transcript beside a recording's player: the cue being spoken is highlighted as it plays and kept in view, a
// click (or Enter) on a cue seeks there, captions come as a <track> in the transcript's language, the segments are
// a table of contents, and a passage selected in the text can be quoted: its range becomes the player's marks and
// its words the link's note, so the link picker links it to a chapter or a person with its exact source time.
// ?at=<ms>&transcript=<id> (a search hit) opens the player at that cue. Text from the server is set as text only.
import { sessionHeaders, problem, fill } from '../http.js';
import { rate, toFrames, fromFrames, frameAt } from '../timecode.js';

const panel = document.getElementById('transcript');
if (panel) {
  const t = JSON.parse(panel.dataset.text);
  const asset = panel.dataset.asset;
  const media = document.querySelector('section.player .media');
  const player = document.querySelector('section.player[data-rate]');
  const r = player ? rate(player.dataset.rate, player.dataset.drop === 'true') : null;
  const start = player ? toFrames(player.dataset.start, r) : 0;
  const pick = document.getElementById('transcript-pick');
  const list = document.getElementById('cues');
  const segs = document.getElementById('segments');
  const status = document.getElementById('transcript-status');
  const kindChip = document.getElementById('transcript-kind');
  const file = document.getElementById('transcript-file');
  const quote = document.getElementById('quote');
  const quoteWhat = document.getElementById('quote-what');
  const params = new URLSearchParams(location.search);
  const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };
  const el = (tag, cls, text) => { const x = document.createElement(tag); if (cls) x.className = cls; if (text != null) x.textContent = text; return x; };
  const clock = (ms) => { const s = Math.floor(ms / 1000); return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map((x) => String(x).padStart(2, '0')).join(':'); };
  let cues = [];
  let current = -1;

  const seek = (ms) => {
    if (!media) return;
    const go = () => { media.currentTime = ms / 1000 + 0.001; };
    if (media.readyState >= 1) go(); else media.addEventListener('loadedmetadata', go, { once: true });
  };

  const showInterview = async () => {
    const res = await fetch(`/api/assets/${asset}/interview`);
    const p = document.getElementById('interview-of');
    if (res.status !== 200) {
      p.hidden = true;
      const make = document.getElementById('make-interview');
      if (make) {
        make.hidden = false;
        make.onclick = async () => {
          const title = document.querySelector('main h1').textContent.trim();
          const r2 = await fetch('/api/interviews', { method: 'POST', headers: sessionHeaders({ 'Content-Type': 'application/json' }), body: JSON.stringify({ title, assets: [asset] }) });
          if (!r2.ok) { say(await problem(r2), true); return; }
          make.hidden = true;
          say(t.made, false);
          p.hidden = false;
          showInterview();
        };
      }
      return;
    }
    const i = await res.json();
    p.textContent = '';
    const a = el('a', null, i.title);
    a.href = `/interviews/${i.id}`;
    p.append(el('span', 'kind', t.interview), ' ', a);
    if (i.interviewees.length || i.interviewers.length) {
      p.append(' ', el('span', null, fill(t.people, i.interviewees.map((x) => x.name).join('、') || '—', i.interviewers.join('、') || '—')));
    }
    if (i.embargoed || !i.publishable) p.append(' ', el('span', 'chip warn', i.embargoed ? fill(t.embargo, i.restriction.embargoUntil) : t.internal));
  };

  const highlight = () => {
    if (!media || !cues.length) return;
    const ms = media.currentTime * 1000;
    let k = -1;
    for (let i = 0; i < cues.length; i++) { if (cues[i].start <= ms && (ms < cues[i].end || (i + 1 < cues.length && ms < cues[i + 1].start))) { k = i; break; } }
    if (k === current) return;
    list.querySelector('li.current')?.classList.remove('current');
    current = k;
    if (k >= 0) {
      const li = list.children[k];
      li.classList.add('current');
      li.setAttribute('aria-current', 'true');
      const top = li.offsetTop - list.offsetTop;
      if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - li.offsetHeight) list.scrollTop = top - list.clientHeight / 3;
    }
  };
  if (media) ['timeupdate', 'seeked'].forEach((e) => media.addEventListener(e, highlight));

  const track = (id, language) => {
    if (!media) return;
    media.querySelector('track[data-transcript]')?.remove();
    const tr = document.createElement('track');
    tr.kind = 'captions';
    tr.srclang = language || 'zh';
    tr.label = t.lang[language] || language;
    tr.dataset.transcript = id;
    tr.src = `/api/assets/${asset}/captions.vtt?transcript=${id}`;
    tr.default = true;
    media.append(tr);
  };

  const load = async (id) => {
    const res = await fetch(`/api/transcripts/${id}`);
    if (!res.ok) { say(await problem(res), true); return; }
    const v = await res.json();
    cues = v.cues.filter((c) => c.text.trim() !== '' || v.summary.kind === 'PRECUT');
    kindChip.textContent = t.kinds[v.summary.kind] + (v.summary.engine ? ` · ${v.summary.engine} ${v.summary.model || ''}` : '');
    kindChip.classList.toggle('warn', v.summary.kind === 'MACHINE' || v.summary.kind === 'PRECUT');
    file.href = `/api/transcripts/${id}/file?format=docx`;
    list.textContent = '';
    current = -1;
    for (const c of cues) {
      const li = el('li', 'cue');
      li.dataset.start = c.start;
      li.dataset.end = c.end;
      li.dataset.n = c.n;
      li.tabIndex = -1;
      const time = el('button', 'time', clock(c.start));
      time.type = 'button';
      time.title = c.tcIn;
      li.append(time, ' ');
      if (c.speaker) li.append(el('span', 'speaker', c.speaker + '：'));
      li.append(el('span', 'text', c.text || t.empty));
      list.append(li);
    }
    if (v.warnings.length) say(v.warnings.map((w) => w.message).join('；'), false); else say('', false);
    track(id, v.summary.language);
    highlight();
  };

  list.addEventListener('click', (e) => {
    const li = e.target.closest('li.cue');
    if (!li || (!e.target.closest('button.time') && String(getSelection()).length > 0)) return;
    seek(Number(li.dataset.start));
  });
  list.addEventListener('keydown', (e) => {
    const li = e.target.closest('li.cue') || list.children[Math.max(0, current)];
    if (!li) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling;
      next?.querySelector('button.time')?.focus();
      e.preventDefault();
    }
  });

  // ---- quote: the cues the selection touches give the range, the selected words the note
  const selected = () => {
    const s = getSelection();
    if (!s || s.isCollapsed || !list.contains(s.anchorNode) || !list.contains(s.focusNode)) return null;
    const liOf = (n) => (n.nodeType === 1 ? n : n.parentElement).closest('li.cue');
    const a = liOf(s.anchorNode);
    const b = liOf(s.focusNode);
    if (!a || !b) return null;
    const from = Math.min(Number(a.dataset.start), Number(b.dataset.start));
    const to = Math.max(Number(a.dataset.end), Number(b.dataset.end));
    return { from, to, text: String(s).replace(/\s+/g, ' ').trim() };
  };
  document.addEventListener('selectionchange', () => {
    const q = selected();
    quote.disabled = !q || !r;
    quoteWhat.textContent = q ? `${clock(q.from)}–${clock(q.to)}` : '';
  });
  quote.addEventListener('click', () => {
    const q = selected();
    if (!q || !r) return;
    const inF = start + frameAt(q.from / 1000, r);
    // the frame after the passage's last, never past the recording's end
    let outF = Math.max(inF + 1, start + Math.ceil((q.to / 1000) * r.num / r.den - 1e-9));
    if (player.dataset.end) outF = Math.min(outF, toFrames(player.dataset.end, r));
    player.dispatchEvent(new CustomEvent('set-marks', { detail: { in: inF, out: outF } }));
    const note = document.getElementById('link-note');
    if (note) {
      note.value = `“${q.text.slice(0, 480)}”`;
      document.getElementById('link-q')?.focus();
    }
    say(fill(t.quoted, fromFrames(inF, r), fromFrames(outF, r)), false);
  });

  const showSegments = async () => {
    const res = await fetch(`/api/assets/${asset}/segments`);
    if (!res.ok) return;
    const list2 = await res.json();
    segs.textContent = '';
    segs.hidden = !list2.length;
    for (const s of list2) {
      const li = el('li', 'segment');
      const b = el('button', 'time', `${clock(s.start)} ${s.title || ''}`);
      b.type = 'button';
      b.title = `${s.tcIn}–${s.tcOut}`;
      b.addEventListener('click', () => seek(s.start));
      li.append(b);
      if (s.synopsis) li.append(' ', el('span', 'synopsis', s.synopsis));
      if (s.keywords.length) li.append(' ', el('span', 'keywords', s.keywords.join('；')));
      segs.append(li);
    }
  };

  const refresh = async (want) => {
    const res = await fetch(`/api/assets/${asset}/transcripts`);
    if (!res.ok) { say(await problem(res), true); return; }
    const all = await res.json();
    pick.textContent = '';
    for (const s of all) {
      const o = el('option', null, `${t.lang[s.language] || s.language} · ${t.kinds[s.kind]}${s.label ? ' · ' + s.label : ''}${s.shown ? ' ★' : ''} (${fill(t.count, s.cues)})`);
      o.value = s.id;
      pick.append(o);
    }
    panel.classList.toggle('none', !all.length);
    if (!all.length) { list.textContent = ''; list.append(el('li', 'empty', t.none)); return; }
    const id = want && all.some((s) => s.id === want) ? want : all[0].id;
    pick.value = id;
    await load(id);
  };
  pick.addEventListener('change', () => load(pick.value));

  // ---- import and pre-cut
  const send = document.getElementById('transcript-send');
  if (send) {
    send.addEventListener('click', async () => {
      const f = document.getElementById('transcript-upload').files[0];
      if (!f) { say(t.chooseFile, true); return; }
      const q = new URLSearchParams({ name: f.name, language: document.getElementById('transcript-language').value,
        clock: document.getElementById('transcript-clock').value });
      say(t.sending, false);
      const res = await fetch(`/api/assets/${asset}/transcripts?${q}`, { method: 'POST', headers: sessionHeaders({ 'Content-Type': 'application/octet-stream' }), body: f });
      if (!res.ok) { say(await problem(res), true); return; }
      const out = await res.json();
      await refresh(out.transcript.summary.id);
      await showSegments();
      say(fill(t.imported, out.transcript.cues.length, out.segments.length) + (out.transcript.warnings.length ? '；' + out.transcript.warnings.map((w) => w.message).join('；') : ''), false);
    });
    document.getElementById('precut').addEventListener('click', async () => {
      const res = await fetch(`/api/assets/${asset}/transcripts/recognize?engine=silence`, { method: 'POST', headers: sessionHeaders() });
      if (!res.ok) { say(await problem(res), true); return; }
      say(t.precutQueued, false);
      const before = pick.options.length;
      for (let i = 0; i < 60; i++) {
        await new Promise((ok) => setTimeout(ok, 1000));
        const all = await (await fetch(`/api/assets/${asset}/transcripts`)).json();
        if (all.length > before) { await refresh(all.find((s) => s.kind === 'PRECUT')?.id); say(t.precutDone, false); return; }
      }
    });
  }

  showInterview();
  showSegments();
  refresh(params.get('transcript')).then(() => {
    const at = Number(params.get('at'));
    if (params.has('at') && at >= 0) seek(at);
  });
}
