// The review panel on an asset's page: where both checks stand (政治关、史实关) with who decided and why; the
// comments in order, those at a timecode also as marks under the player (a click shows that frame), those on a
// region of a photo drawn over it; reviewers comment at the frame shown (or the marked range) and approve,
// return with reasons or reject each check they hold; the item's unit answers and resubmits what was returned.
// Texts from the server are set as text, never as HTML.
import { sessionHeaders, problem, fill } from '../http.js';

const panel = document.getElementById('review');
if (panel) {
  const t = JSON.parse(panel.dataset.text);
  const id = panel.dataset.asset;
  const headers = sessionHeaders({ 'Content-Type': 'application/json' });
  const $ = (x) => document.getElementById(x);
  const el = (tag, cls, text) => { const x = document.createElement(tag); if (cls) x.className = cls; if (text != null) x.textContent = text; return x; };
  const say = (text, bad) => { $('review-status').textContent = text; $('review-status').className = bad ? 'error' : 'notice'; };
  const player = document.querySelector('section.player[data-rate]');
  const media = player?.querySelector('.media');
  let view = null;

  const seek = (micros) => {
    if (!media) return;
    const r = player.dataset.rate.split('/').map(Number);
    media.pause();
    media.currentTime = micros / 1e6 + 0.5 * (r[1] || 1) / r[0];
    media.scrollIntoView({ block: 'nearest' });
  };

  const draw = () => {
    const checks = $('review-checks');
    checks.replaceChildren();
    for (const c of ['political', 'facts']) {
      const s = view.review?.[c] || { state: 'PENDING' };
      const row = el('p', `check ${s.state}`);
      row.dataset.check = c;
      row.append(el('strong', null, t.checks[c]), ' ', el('span', 'state', t.states[s.state]));
      if (s.by) row.append(' ', el('span', 'by', fill(t.by, s.by.name, new Date(s.at).toLocaleString())));
      if (s.reason) row.append(' ', el('span', 'reason', s.reason));
      checks.append(row);
    }
    checks.append(el('p', 'round', fill(t.round, view.review?.round || 1)));
    const list = $('review-comments');
    list.replaceChildren();
    const marks = $('review-marks');
    marks.replaceChildren();
    const total = media && media.duration > 0 ? media.duration : null;
    for (const c of view.comments) {
      const li = el('li', `comment ${c.side}`);
      if (c.in) {
        const b = el('button', 'small at', c.in);
        b.type = 'button';
        b.title = t.show;
        b.addEventListener('click', () => seek(c.inMicros));
        li.append(b, ' ');
        if (total) {
          const m = el('button', 'mark');
          m.type = 'button';
          m.style.left = `${Math.min(100, (c.inMicros / 1e6 / total) * 100)}%`;
          m.title = `${c.in} ${c.text}`;
          m.setAttribute('aria-label', fill(t.markAt, c.in));
          m.addEventListener('click', () => seek(c.inMicros));
          marks.append(m);
        }
      }
      if (c.region) li.append(el('span', 'region-tag', t.region), ' ');
      if (c.check) li.append(el('span', 'tag', t.checks[c.check]), ' ');
      li.append(el('span', 'text', c.text), ' ', el('span', 'who', fill(t.wrote, c.authorName || c.author, c.authorUnit || '')));
      list.append(li);
    }
    marks.hidden = !marks.children.length;
    drawRegions();
    const canDecide = view.canPolitical || view.canFacts;
    $('review-form').hidden = !(canDecide || view.canAnswer);
    $('review-at-label').hidden = !media;
    const decide = $('review-decide');
    decide.replaceChildren();
    for (const c of ['political', 'facts']) {
      if (!(c === 'political' ? view.canPolitical : view.canFacts)) continue;
      for (const d of ['APPROVED', 'RETURNED', 'REJECTED']) {
        const b = el('button', `small decide ${d}`, fill(t.decide[d], t.checks[c]));
        b.type = 'button';
        b.dataset.check = c;
        b.dataset.decision = d;
        b.addEventListener('click', () => decideCheck(c, d));
        decide.append(b, ' ');
      }
    }
    const returned = ['political', 'facts'].some((c) => view.review?.[c]?.state === 'RETURNED');
    $('review-resubmit').hidden = !(view.canAnswer && returned);
  };

  const drawRegions = () => {
    const img = document.querySelector('section.photo img');
    if (!img) return;
    const box = img.parentElement;
    box.classList.add('regions');
    box.querySelectorAll('.region').forEach((x) => x.remove());
    for (const c of view.comments.filter((x) => x.region)) {
      const r = el('span', 'region');
      Object.assign(r.style, { left: `${c.region.x * 100}%`, top: `${c.region.y * 100}%`, width: `${c.region.w * 100}%`, height: `${c.region.h * 100}%` });
      r.title = c.text;
      box.append(r);
    }
  };

  const load = async () => {
    const r = await fetch(`/api/assets/${id}/review`, { headers });
    if (!r.ok) { say(await problem(r), true); return; }
    view = await r.json();
    draw();
  };

  /** The frame shown, or the range marked, in the player (source timecode), for a comment. */
  const anchor = () => {
    if (!media || !$('review-at').checked) return {};
    if (player.dataset.in && player.dataset.out) return { in: player.dataset.in, out: player.dataset.out };
    return { at: $('tc').textContent.trim() };
  };

  const post = async (url, body) => {
    const r = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!r.ok) { say(await problem(r), true); return false; }
    return true;
  };

  $('review-say').addEventListener('click', async () => {
    const text = $('review-text').value.trim();
    if (!text) { say(t.needText, true); return; }
    if (await post(`/api/assets/${id}/review/comments`, { text, ...anchor() })) {
      $('review-text').value = '';
      say(t.said);
      load();
    }
  });

  const decideCheck = async (check, decision) => {
    const reason = $('review-text').value.trim();
    if (decision !== 'APPROVED' && !reason) { say(t.needReason, true); $('review-text').focus(); return; }
    // the reason goes to the unit at the point it concerns (the frame shown or the range marked)
    const a = decision === 'APPROVED' ? {} : anchor();
    if (await post(`/api/assets/${id}/review/${check}`, { decision, reason: reason || null, version: view.version, ...a })) {
      $('review-text').value = '';
      say(fill(t.decided[decision], t.checks[check]));
      load();
    }
  };

  $('review-resubmit').addEventListener('click', async () => {
    if (await post(`/api/assets/${id}/review/resubmit`, { note: $('review-text').value.trim() || null })) {
      $('review-text').value = '';
      say(t.resubmitted);
      load();
    }
  });

  media?.addEventListener('loadedmetadata', () => { if (view) draw(); });
  load();
}
