// What the pages' scripts share when they call the API on the signed-in session: the CSRF token the server asks of
// every change, and the reason a refused request gives (its problem+json message, in the page's language, made by
// the server from the problem's code and arguments with the same message bundles the page uses).
const csrf = document.querySelector('meta[name=_csrf]');

/** Headers for a request on the session: the given ones and the CSRF token. */
export function sessionHeaders(extra = {}) {
  const h = { ...extra };
  if (csrf) h['X-CSRF-TOKEN'] = csrf.content;
  return h;
}

/** A message with {0}, {1} ... filled in from the arguments (the page's texts come with them from the bundles). */
export function fill(pattern, ...args) {
  return String(pattern).replace(/\{(\d+)}/g, (m, i) => (args[i] !== undefined ? String(args[i]) : m));
}

/** Why a request was refused: the problem's message (or, from an older server, its detail), else {@code fallback}. */
export async function problem(r, fallback = String(r.status)) {
  try { const p = await r.json(); return p.message || p.detail || p.title || fallback; } catch { return fallback; }
}
