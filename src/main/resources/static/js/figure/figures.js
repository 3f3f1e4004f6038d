// A chapter's figures: drag to reorder (or ↑ ↓ from the keyboard), edit captions in place, remove. Each change
// goes to the API at once; the numbers (图3-1 ...) follow the new order.
import { sessionHeaders, problem } from '../http.js';

const section = document.getElementById('figures');
const list = document.getElementById('own-figures');
const t = section ? JSON.parse(section.dataset.text) : {};

if (section && list && list.dataset.editable === 'true') {
  const chapter = section.dataset.chapter;
  const status = document.getElementById('figure-status');
  const headers = sessionHeaders({ 'Content-Type': 'application/json' });
  const numbers = [...list.querySelectorAll('.no')].map((n) => n.textContent);
  const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };
  const items = () => [...list.querySelectorAll('li[data-figure]')];

  let saved = items().map((li) => li.dataset.figure);
  const saveOrder = async () => {
    const order = items().map((li) => li.dataset.figure);
    if (order.join() === saved.join()) return;
    const r = await fetch(`/api/outline/${chapter}/figures/order`, { method: 'POST', headers, body: JSON.stringify({ figures: order }) });
    if (!r.ok) { say(t.failed + await problem(r), true); return; }
    saved = order;
    items().forEach((li, i) => { li.querySelector('.no').textContent = numbers[i]; });
    say(t.ordered);
  };

  // drag and drop
  let dragged = null;
  list.addEventListener('dragstart', (e) => {
    dragged = e.target.closest('li');
    dragged.classList.add('dragging');
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', dragged.dataset.figure);
  });
  list.addEventListener('dragover', (e) => {
    const over = e.target.closest('li');
    if (!dragged || !over || over === dragged) return;
    e.preventDefault();
    const box = over.getBoundingClientRect();
    list.insertBefore(dragged, e.clientY < box.top + box.height / 2 ? over : over.nextSibling);
  });
  list.addEventListener('dragend', () => { dragged?.classList.remove('dragging'); dragged = null; saveOrder(); });

  list.addEventListener('click', async (e) => {
    const li = e.target.closest('li');
    if (!li) return;
    if (e.target.closest('.up') && li.previousElementSibling) {
      list.insertBefore(li, li.previousElementSibling);
      li.querySelector('.up').focus();
      saveOrder();
    } else if (e.target.closest('.down') && li.nextElementSibling) {
      list.insertBefore(li.nextElementSibling, li);
      li.querySelector('.down').focus();
      saveOrder();
    } else if (e.target.closest('.remove')) {
      if (!confirm(t.confirm)) return;
      const r = await fetch(`/api/figures/${li.dataset.figure}`, { method: 'DELETE', headers });
      if (!r.ok) { say(t.failed + await problem(r), true); return; }
      numbers.splice(items().indexOf(li), 1);
      li.remove();
      saved = items().map((x) => x.dataset.figure);
      say(t.removed);
    }
  });

  // captions: saved when changed (Enter or leaving the field)
  list.addEventListener('change', async (e) => {
    const input = e.target.closest('input.caption');
    if (!input) return;
    const id = input.closest('li').dataset.figure;
    const r = await fetch(`/api/figures/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ caption: input.value.trim() }) });
    if (!r.ok) { say(t.failed + await problem(r), true); return; }
    say(t.saved);
  });
  list.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.matches('input.caption')) { e.preventDefault(); e.target.blur(); }
  });
}
