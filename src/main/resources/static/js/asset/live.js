// Processing state, live: library cards and the asset page ask /api/assets/states every few seconds while any of
// their assets is still being processed, and show each step as it ends (a card's picture appears as soon as it is
// made, instead of a broken image). Polling stops when everything shown has finished.
import { sessionHeaders } from '../http.js';

const root = document.querySelector('[data-live-text]');
const t = root ? JSON.parse(root.dataset.liveText) : null;
const FINISHED = new Set(['READY', 'PARTIAL']);

const pending = () => [...document.querySelectorAll('[data-live-asset]')]
  .filter((e) => !FINISHED.has(e.dataset.status));

function card(el, s) {
  const badge = el.querySelector('.badge.status');
  if (badge) {
    badge.textContent = t.status[s.status] || s.status;
    badge.className = `badge status ${s.status}`;
  }
  const waiting = el.querySelector('.pending-picture');
  if (s.picture && waiting) {
    const img = document.createElement('img');
    img.alt = '';
    img.src = el.dataset.type === 'PHOTO' ? `/api/assets/${s.id}/preview?size=512` : `/api/assets/${s.id}/thumbnail?size=320`;
    waiting.replaceWith(img);
  }
}

function page(el, s) {
  for (const [step, state] of Object.entries(s.steps)) {
    const row = el.querySelector(`tr[data-step="${step}"]`);
    if (!row) continue;
    row.className = state;
    row.querySelector('.state').textContent = t.step[state] || state;
  }
  const badge = document.getElementById('asset-status');
  if (badge) badge.textContent = t.status[s.status] || s.status;
  if (FINISHED.has(s.status)) {
    const note = document.getElementById('live-note');
    note.hidden = false;
  }
}

async function poll() {
  const open = pending();
  if (!open.length) return;
  try {
    const ids = [...new Set(open.map((e) => e.dataset.liveAsset))].slice(0, 200);
    const r = await fetch(`/api/assets/states?ids=${ids.join(',')}`, { headers: sessionHeaders({}) });
    if (r.ok) {
      const byId = new Map((await r.json()).items.map((s) => [s.id, s]));
      for (const el of open) {
        const s = byId.get(el.dataset.liveAsset);
        if (!s) continue;
        if (el.classList.contains('card')) card(el, s); else page(el, s);
        el.dataset.status = s.status;
      }
    }
  } catch (e) {
    // offline for a moment: ask again on the next round
  }
  if (pending().length) setTimeout(poll, 2500);
}

if (t && pending().length) setTimeout(poll, 1500);
