// What the pages' scripts share when they call the API on the signed-in session: the CSRF token the server asks of
// every change, and the reason a refused request gives (its problem+json detail).
const csrf = document.querySelector('meta[name=_csrf]');

/** Headers for a request on the session: the given ones and the CSRF token. */
export function sessionHeaders(extra = {}) {
  const h = { ...extra };
  if (csrf) h['X-CSRF-TOKEN'] = csrf.content;
  return h;
}

/** Why a request was refused: the problem's detail or title, else {@code fallback} (the status). */
export async function problem(r, fallback = String(r.status)) {
  try { const p = await r.json(); return p.detail || p.title || fallback; } catch { return fallback; }
}
