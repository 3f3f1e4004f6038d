// The asset page's aids around the player: hover scrubbing over the filmstrip (sprite + WebVTT), the waveform of
// an audio asset (click to seek), and the map of a photo's GPS position from the configured XYZ tile source.
import { rate, toFrames, fromFrames, frameAt } from '../timecode.js';

// ---- hover scrubbing: the strip under the video shows the filmstrip tile and source timecode under the pointer
const scrub = document.getElementById('scrub');
const video = document.getElementById('video');
if (scrub && video) {
  const section = scrub.closest('section.player');
  const r = rate(section.dataset.rate, section.dataset.drop === 'true');
  const start = toFrames(section.dataset.start, r);
  const tip = scrub.querySelector('.scrub-tip');
  const frame = scrub.querySelector('.scrub-frame');
  const tc = scrub.querySelector('.scrub-tc');
  let cues = [];
  const vtt = new URL(scrub.dataset.vtt, location.href);
  fetch(vtt).then((res) => (res.ok ? res.text() : '')).then((text) => { cues = parse(text, vtt); });

  const at = (e) => {
    const box = scrub.getBoundingClientRect();
    const x = Math.max(0, Math.min(e.clientX - box.left, box.width));
    return { x, seconds: (video.duration || 0) * x / box.width };
  };
  scrub.addEventListener('mousemove', (e) => {
    const p = at(e);
    const cue = cues.find((c) => p.seconds >= c.from && p.seconds < c.to) || cues[cues.length - 1];
    if (cue) {
      frame.style.width = `${cue.w}px`;
      frame.style.height = `${cue.h}px`;
      frame.style.backgroundImage = `url("${cue.src}")`;
      frame.style.backgroundPosition = `-${cue.x}px -${cue.y}px`;
    }
    tc.textContent = fromFrames(start + frameAt(p.seconds, r), r);
    tip.hidden = false;
    tip.style.left = `${Math.max(0, p.x - (cue ? cue.w / 2 : 40))}px`;
  });
  scrub.addEventListener('mouseleave', () => { tip.hidden = true; });
  scrub.addEventListener('click', (e) => { video.currentTime = at(e).seconds; });
}

/** WebVTT thumbnail cues: {from, to (seconds), src, x, y, w, h}. */
function parse(text, base) {
  const out = [];
  const secs = (s) => s.split(':').reduce((acc, v) => acc * 60 + Number(v), 0);
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^([\d:.]+)\s+-->\s+([\d:.]+)/);
    if (!m || i + 1 >= lines.length) continue;
    const [src, frag] = lines[i + 1].split('#xywh=');
    if (!frag) continue;
    const [x, y, w, h] = frag.split(',').map(Number);
    out.push({ from: secs(m[1]), to: secs(m[2]), src: new URL(src, base).href, x, y, w, h });
  }
  return out;
}

// ---- waveform of an audio asset, with the playhead; a click seeks
const wave = document.getElementById('wave');
const audio = document.getElementById('audio');
if (wave && audio) {
  const ctx = wave.getContext('2d');
  let peaks = null;
  const draw = () => {
    const w = wave.width;
    const h = wave.height;
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = '#f3f4f5';
    ctx.fillRect(0, 0, w, h);
    if (!peaks || !peaks.length) return;
    const n = peaks.length;
    ctx.fillStyle = '#9b2c1f';
    for (let x = 0; x < w; x++) {
      const a = Math.floor(x * n / w);
      const b = Math.max(a + 1, Math.floor((x + 1) * n / w));
      let lo = 0;
      let hi = 0;
      for (let i = a; i < b && i < n; i++) { lo = Math.min(lo, peaks.min[i]); hi = Math.max(hi, peaks.max[i]); }
      const top = (1 - hi) * h / 2;
      ctx.fillRect(x, top, 1, Math.max(1, (hi - lo) * h / 2));
    }
    if (audio.duration && range) {
      ctx.fillStyle = 'rgba(36, 99, 235, .18)';
      const x0 = Math.floor(w * range[0] / audio.duration);
      ctx.fillRect(x0, 0, Math.max(2, Math.ceil(w * range[1] / audio.duration) - x0), h);
    }
    if (audio.duration) {
      ctx.fillStyle = '#2463eb';
      ctx.fillRect(Math.floor(w * audio.currentTime / audio.duration), 0, 2, h);
    }
  };
  fetch(wave.dataset.src).then((res) => (res.ok ? res.json() : null)).then((json) => {
    if (json) peaks = { min: json.min, max: json.max, length: json.length };
    draw();
  });
  ['timeupdate', 'seeked', 'loadedmetadata'].forEach((e) => audio.addEventListener(e, draw));
  // the marked range, shaded: [in, out) in media seconds from the player's timecode marks
  const section = audio.closest('section.player');
  let range = null;
  document.addEventListener('marks', (e) => {
    const r = rate(section.dataset.rate, section.dataset.drop === 'true');
    const zero = toFrames(section.dataset.start, r);
    const secs = (tc) => (toFrames(tc, r) - zero) * r.den / r.num;
    range = e.detail.in && e.detail.out ? [secs(e.detail.in), secs(e.detail.out)] : null;
    draw();
  });
  wave.addEventListener('click', (e) => {
    const box = wave.getBoundingClientRect();
    if (audio.duration) audio.currentTime = audio.duration * (e.clientX - box.left) / box.width;
  });
}

// ---- map: tiles around the position with a marker; zoom buttons; the coordinates stay printed beside it
const map = document.getElementById('map');
if (map) {
  const lat = Number(map.dataset.lat);
  const lon = Number(map.dataset.lon);
  const subdomains = map.dataset.subdomains || '';
  const note = document.getElementById('map-note');
  let zoom = Number(map.dataset.zoom) || 13;
  let failed = 0;
  const TILE = 256;
  const render = () => {
    map.replaceChildren();
    const n = 2 ** zoom;
    const fx = (lon + 180) / 360 * n;
    const rad = lat * Math.PI / 180;
    const fy = (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n;
    const w = map.clientWidth || 480;
    const h = map.clientHeight || 280;
    const cx = Math.floor(fx);
    const cy = Math.floor(fy);
    // where the position falls in the box: the middle
    const ox = w / 2 - (fx - cx) * TILE;
    const oy = h / 2 - (fy - cy) * TILE;
    const reach = { x: Math.ceil(w / 2 / TILE) + 1, y: Math.ceil(h / 2 / TILE) + 1 };
    failed = 0;
    let total = 0;
    for (let dx = -reach.x; dx <= reach.x; dx++) {
      for (let dy = -reach.y; dy <= reach.y; dy++) {
        const x = cx + dx;
        const y = cy + dy;
        if (y < 0 || y >= n) continue;
        const left = ox + dx * TILE;
        const top = oy + dy * TILE;
        if (left > w || top > h || left + TILE < 0 || top + TILE < 0) continue;
        const img = document.createElement('img');
        const s = subdomains ? subdomains[Math.abs(x + y) % subdomains.length] : '';
        img.src = map.dataset.tiles.replace('{z}', zoom).replace('{x}', ((x % n) + n) % n).replace('{y}', y).replace('{s}', s);
        img.alt = '';
        img.style.left = `${left}px`;
        img.style.top = `${top}px`;
        total++;
        img.addEventListener('error', () => {
          img.remove();
          if (++failed === total) { note.textContent = map.dataset.unreachable; note.hidden = false; }
        });
        map.append(img);
      }
    }
    const pin = document.createElement('span');
    pin.className = 'pin';
    pin.style.left = `${w / 2}px`;
    pin.style.top = `${h / 2}px`;
    map.append(pin);
  };
  render();
  document.getElementById('zoom-in').addEventListener('click', () => { zoom = Math.min(18, zoom + 1); render(); });
  document.getElementById('zoom-out').addEventListener('click', () => { zoom = Math.max(1, zoom - 1); render(); });
}
