// A review queue: tick items (or the whole page) and pass them through this check at once; each is decided and
// recorded on its own, and those refused are listed with the reason.
import { sessionHeaders, problem, fill } from '../http.js';

const main = document.getElementById('main');
const t = JSON.parse(main.dataset.text);
const status = document.getElementById('queue-status');
const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };
document.getElementById('q-all')?.addEventListener('click', () => {
  document.querySelectorAll('input.pick').forEach((p) => { p.checked = true; });
});
document.getElementById('q-approve')?.addEventListener('click', async () => {
  const assets = [...document.querySelectorAll('input.pick:checked')].map((p) => p.value);
  if (!assets.length) { say(t.pickSome, true); return; }
  const r = await fetch('/api/review/decisions', { method: 'POST', headers: sessionHeaders({ 'Content-Type': 'application/json' }),
    body: JSON.stringify({ check: main.dataset.check, decision: 'APPROVED', assets }) });
  if (!r.ok) { say(await problem(r), true); return; }
  const result = await r.json();
  for (const id of assets) {
    if (!result.refused.some((x) => x.asset === id)) document.querySelector(`li[data-asset="${id}"]`)?.remove();
  }
  say(fill(t.approved, result.decided) + result.refused.map((x) => ` ${x.title || x.asset}：${x.reason}`).join('；'));
});
