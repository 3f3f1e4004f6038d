// The targets editor: each row saves itself (PUT), the book's dates save from their form; refusals are shown
// in the page's language (the server's problem message).
import { sessionHeaders, problem } from '../http.js';

const main = document.getElementById('main');
const texts = JSON.parse(main.dataset.texts || '{}');
const status = document.getElementById('targets-status');
const num = (row, name) => Number(row.querySelector(`[name=${name}]`)?.value || 0);

async function put(path, body) {
  const r = await fetch(path, {
    method: 'PUT', headers: sessionHeaders({ 'Content-Type': 'application/json', Accept: 'application/json' }),
    body: JSON.stringify(body),
  });
  status.textContent = r.ok ? texts.saved : await problem(r, texts.failed);
  status.classList.toggle('error', !r.ok);
  return r.ok;
}

document.getElementById('book-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const f = e.target;
  put('/api/progress/plan/book', { start: f.start.value || null, deadline: f.deadline.value || null });
});

for (const b of document.querySelectorAll('.save-unit')) {
  b.addEventListener('click', async () => {
    const row = b.closest('tr');
    const unit = b.dataset.unit || row.querySelector('[name=unit]').value.trim();
    const ok = await put('/api/progress/plan/units', {
      unit, clips: num(row, 'clips'), minutes: num(row, 'minutes'), photos: num(row, 'photos'),
      interviews: num(row, 'interviews'),
    });
    if (ok && !b.dataset.unit) window.location.reload();
  });
}

for (const b of document.querySelectorAll('.save-node')) {
  b.addEventListener('click', () => {
    const row = b.closest('tr');
    put('/api/progress/plan/nodes', {
      node: row.dataset.node, clips: num(row, 'clips'), minutes: num(row, 'minutes'), photos: num(row, 'photos'),
      interviews: num(row, 'interviews'), due: row.querySelector('[name=due]').value || null,
    });
  });
}
