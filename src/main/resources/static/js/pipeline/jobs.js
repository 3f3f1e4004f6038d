// The jobs page's counts, live: every few seconds the totals per status and per step are asked again (with the
// page's unit filter), so the office sees the queue drain without reloading. The list below stays as loaded.
import { sessionHeaders } from '../http.js';

const counts = document.getElementById('job-counts');
if (counts) {
  const unit = new URLSearchParams(location.search).get('unit') || '';
  const refresh = async () => {
    try {
      const r = await fetch(`/api/jobs?size=1&unit=${encodeURIComponent(unit)}`, { headers: sessionHeaders({}) });
      if (r.ok) {
        const page = await r.json();
        counts.querySelectorAll('b[data-status]').forEach((b) => { b.textContent = page.totals[b.dataset.status] ?? 0; });
        const all = counts.querySelector('a.count b:not([data-status])');
        if (all) all.textContent = Object.values(page.totals).reduce((a, n) => a + n, 0);
        document.querySelectorAll('td[data-type]').forEach((td) => {
          td.textContent = (page.counts[td.dataset.type] || {})[td.dataset.status] ?? 0;
        });
      }
    } catch (e) {
      // offline for a moment: the next round asks again
    }
    setTimeout(refresh, 4000);
  };
  setTimeout(refresh, 4000);
}
