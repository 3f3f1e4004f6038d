// The index page filters as one types: a moment after the last key the same page is fetched for the words so far
// and its counts and entries replace these (the address follows, so Back and a reload keep the filter).
const input = document.getElementById('iq');
if (input) {
  let timer = null;
  let asked = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const u = new URL(location.href);
      if (input.value.trim()) u.searchParams.set('q', input.value.trim()); else u.searchParams.delete('q');
      const mine = ++asked;
      const r = await fetch(u, { headers: { Accept: 'text/html' } });
      if (!r.ok || mine !== asked) return; // a later key has asked again
      const page = new DOMParser().parseFromString(await r.text(), 'text/html');
      for (const sel of ['.kinds', '.total', 'ul.entries']) {
        const now = document.querySelector(sel);
        const fresh = page.querySelector(sel);
        if (now && fresh) now.replaceWith(fresh);
      }
      history.replaceState(history.state, '', u);
    }, 250);
  });
}
