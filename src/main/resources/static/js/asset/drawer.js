// The library's facets: beside the grid on wide screens, a drawer above it on narrow ones (closed, so the cards
// come first; its summary says how many filters are on).
const drawer = document.getElementById('facets');
const narrow = window.matchMedia('(max-width: 40rem)');
const fit = () => { drawer.open = !narrow.matches; };
if (drawer) {
  fit();
  narrow.addEventListener('change', fit);
}
