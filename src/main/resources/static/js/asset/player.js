// The asset page's player: shows the source timecode of the frame on screen while it plays or is stepped,
// steps frames, J/K/L shuttle, I/O marks in and out.
import { rate, toFrames, fromFrames, frameAt } from '../timecode.js';

const section = document.querySelector('section.player[data-rate]');
const video = document.getElementById('video');
if (section && video) {
  const r = rate(section.dataset.rate, section.dataset.drop === 'true');
  const start = toFrames(section.dataset.start, r);
  const tc = document.getElementById('tc');
  const marks = { in: null, out: null };
  const frameDuration = r.den / r.num;

  const current = () => start + frameAt(video.currentTime, r);
  const show = () => { tc.textContent = fromFrames(current(), r); };
  ['timeupdate', 'seeked', 'loadedmetadata'].forEach((e) => video.addEventListener(e, show));
  // follow playback more smoothly than timeupdate's few updates a second
  const tick = () => { show(); if (!video.paused) requestAnimationFrame(tick); };
  video.addEventListener('play', () => requestAnimationFrame(tick));

  const step = (n) => {
    video.pause();
    // aim at the middle of the target frame so rounding never lands on its neighbour
    const frame = Math.max(0, frameAt(video.currentTime, r) + n);
    video.currentTime = (frame + 0.5) * frameDuration;
  };
  document.querySelectorAll('[data-step]').forEach((b) => b.addEventListener('click', () => step(Number(b.dataset.step))));

  const playRange = document.getElementById('play-range');
  // shows the marks (— for none) and tells the link picker (linker.js) what it will link
  const showMarks = () => {
    for (const which of ['in', 'out']) {
      const label = marks[which] === null ? null : fromFrames(marks[which], r);
      document.getElementById(which).textContent = label ?? '—';
      if (label === null) delete section.dataset[which]; else section.dataset[which] = label;
    }
    playRange.disabled = marks.in === null || marks.out === null;
    section.dispatchEvent(new CustomEvent('marks', { bubbles: true, detail: {
      in: section.dataset.in ?? null, out: section.dataset.out ?? null } }));
  };
  const mark = (which) => {
    marks[which] = current() + (which === 'out' ? 1 : 0); // out is the frame after the last, as in links
    // a mark on the wrong side of the other one starts a new range
    if (marks.in !== null && marks.out !== null && marks.out <= marks.in) {
      marks[which === 'in' ? 'out' : 'in'] = null;
    }
    showMarks();
  };
  const setMarks = (inFrame, outFrame) => {
    marks.in = inFrame;
    marks.out = outFrame;
    showMarks();
  };
  // play the marked range once: from the in-point to the out-point
  let stopAt = null;
  playRange.addEventListener('click', () => {
    video.currentTime = (marks.in - start + 0.5) * frameDuration;
    stopAt = (marks.out - start) * frameDuration;
    video.play();
  });
  video.addEventListener('timeupdate', () => {
    if (stopAt !== null && video.currentTime >= stopAt) { video.pause(); stopAt = null; }
  });
  video.addEventListener('pause', () => { stopAt = null; });
  document.getElementById('mark-in').addEventListener('click', () => mark('in'));
  document.getElementById('mark-out').addEventListener('click', () => mark('out'));

  // ?t=seconds (a linked moment's in-point, from a chapter page): start there, in the middle of its frame;
  // with &e=seconds (its end) the moment's range is marked too, so "play range" plays just the moment
  const params = new URLSearchParams(location.search);
  const t = Number(params.get('t'));
  const e = Number(params.get('e'));
  if (t > 0) {
    const seek = () => {
      video.currentTime = (frameAt(t, r) + 0.5) * frameDuration;
      if (e > t) setMarks(start + frameAt(t, r), start + frameAt(e, r));
    };
    if (video.readyState >= 1) seek(); else video.addEventListener('loadedmetadata', seek, { once: true });
  }

  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    switch (e.key) {
      case 'ArrowLeft': step(-1); break;
      case 'ArrowRight': step(1); break;
      case 'j': case 'J': video.playbackRate = 1; video.currentTime = Math.max(0, video.currentTime - 1); break;
      case 'k': case 'K': video.pause(); break;
      case 'l': case 'L': video.playbackRate = video.paused ? 1 : Math.min(4, video.playbackRate * 2); video.play(); break;
      case 'i': case 'I': mark('in'); break;
      case 'o': case 'O': mark('out'); break;
      case ' ': if (e.target === document.body) { video.paused ? video.play() : video.pause(); } else { return; } break;
      default: return;
    }
    e.preventDefault();
  });
}
