// The chapter page's 承编单位 (the unit responsible for writing the node), set in place through the outline API.
import { sessionHeaders, problem } from '../http.js';

const form = document.getElementById('node-unit');
if (form) {
  const status = document.getElementById('node-unit-status');
  const t = JSON.parse(form.dataset.text);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const unit = form.unit.value.trim();
    const r = await fetch(`/api/outline/${form.dataset.node}`, { method: 'PATCH',
      headers: sessionHeaders({ 'Content-Type': 'application/json' }), body: JSON.stringify({ unit: unit || null }) });
    status.textContent = r.ok ? t.saved : t.failed + await problem(r);
    status.className = r.ok ? 'notice' : 'error';
  });
}
