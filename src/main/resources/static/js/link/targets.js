// The link pickers' shared part (the asset page's and the library's): ask /api/links/targets as the user types,
// drop answers to queries typed over since, mark the list with the query it answers (data-q), and draw a candidate
// as a button showing its kind and name.
import { problem } from '../http.js';

/**
 * Searches as {@code input} is typed: {@code draw(targets)} fills {@code results} with the answer to the latest
 * query only; {@code fail(reason)} reports a refused search. Returns the search, to run it at other moments too.
 */
export function searchTargets(input, results, limit, draw, fail) {
  let timer = null;
  let asked = 0;
  const find = async () => {
    const n = ++asked;
    const text = input.value.trim();
    const r = await fetch(`/api/links/targets?limit=${limit}&q=${encodeURIComponent(text)}`);
    if (n !== asked) return; // a later query is on its way
    if (!r.ok) { fail(await problem(r)); return; }
    results.replaceChildren();
    draw(await r.json());
    results.dataset.q = text; // what the list answers (tests and assistive tools can tell a stale list)
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(find, 150); });
  return find;
}

/** A candidate's button: its kind (as {@code kinds} names it) and its name, as text. */
export function targetButton(target, kinds) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'target';
  b.dataset.kind = target.kind;
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = kinds[target.kind];
  const name = document.createElement('span');
  name.className = 'name';
  name.textContent = target.name;
  b.append(kind, ' ', name);
  return b;
}
