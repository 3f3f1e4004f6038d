// The asset page's player, for video and audio alike: shows the source timecode of the frame on screen (audio
// without timecode counts a nominal 25 fps from 00:00:00:00) while it plays or is stepped, steps frames, J/K/L
// shuttle as in an editing suite, I/O marks in and out, plays the marked range and stops on its last frame. The
// marks live in the URL (?in=…&out=…, source timecode), so a reload or a shared link opens the same range on its
// exact frames; detected shots are chips that mark their range.
import { rate, toFrames, fromFrames, frameAt } from '../timecode.js';

const section = document.querySelector('section.player[data-rate]');
const media = section && section.querySelector('.media');
if (section && media) {
  const r = rate(section.dataset.rate, section.dataset.drop === 'true');
  const start = toFrames(section.dataset.start, r);
  const end = section.dataset.end ? toFrames(section.dataset.end, r) : null;
  const tc = document.getElementById('tc');
  const marks = { in: null, out: null };
  const frameDuration = r.den / r.num;
  const isVideo = media.tagName === 'VIDEO';

  const frameNow = () => frameAt(media.currentTime, r);
  const current = () => start + frameNow();
  const show = () => { tc.textContent = fromFrames(current(), r); };
  ['timeupdate', 'seeked', 'loadedmetadata'].forEach((e) => media.addEventListener(e, show));
  // follow playback more smoothly than timeupdate's few updates a second
  const tick = () => { show(); if (!media.paused) requestAnimationFrame(tick); };
  media.addEventListener('play', () => requestAnimationFrame(tick));

  /** Shows frame k (counted from the clip's first frame): aim at its middle, so rounding never lands on a neighbour. */
  const showFrame = (k) => {
    const last = end !== null ? end - start - 1 : Infinity;
    media.currentTime = (Math.max(0, Math.min(k, last)) + 0.5) * frameDuration;
  };

  // ---- shuttle: J backward (repeated: faster), K pause, L forward at 1x, 2x, 4x
  let backward = null;
  let backSpeed = 0;
  const stopBackward = () => { if (backward) { clearInterval(backward); backward = null; backSpeed = 0; } };
  const pause = () => { stopBackward(); media.pause(); };
  const playBackward = () => {
    media.pause();
    backSpeed = Math.min(4, backSpeed ? backSpeed * 2 : 1);
    if (backward) clearInterval(backward);
    // the browser cannot play backwards: show one earlier frame after another at the shuttle's speed
    const every = 1000 * frameDuration;
    backward = setInterval(() => {
      const k = frameNow() - backSpeed;
      if (k < 0) { showFrame(0); stopBackward(); return; }
      showFrame(k);
    }, every);
  };
  const playForward = () => {
    stopBackward();
    media.playbackRate = media.paused ? 1 : Math.min(4, media.playbackRate * 2);
    media.play();
  };

  const step = (n) => { pause(); showFrame(frameNow() + n); };
  document.querySelectorAll('[data-step]').forEach((b) => b.addEventListener('click', () => step(Number(b.dataset.step))));

  const playRange = document.getElementById('play-range');
  /** The marks into the URL, keeping its other parameters, so a reload or a copied link keeps the range. */
  const remember = () => {
    const u = new URL(location.href);
    for (const which of ['in', 'out']) {
      if (marks[which] === null) u.searchParams.delete(which); else u.searchParams.set(which, fromFrames(marks[which], r));
    }
    u.searchParams.delete('t');
    u.searchParams.delete('e');
    history.replaceState(history.state, '', u);
  };
  // shows the marks (— for none) and tells the link picker (linker.js) what it will link
  const showMarks = () => {
    for (const which of ['in', 'out']) {
      const label = marks[which] === null ? null : fromFrames(marks[which], r);
      document.getElementById(which).textContent = label ?? '—';
      if (label === null) delete section.dataset[which]; else section.dataset[which] = label;
    }
    playRange.disabled = marks.in === null || marks.out === null;
    remember();
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

  // other panels (the transcript's "quote this passage") set a range: frames counted as the marks are
  section.addEventListener('set-marks', (e) => setMarks(e.detail.in, e.detail.out));

  // ---- play range: from the in-point, stopping on the last frame of the range (the one before the out-point)
  let lastFrame = null;
  const watchRange = () => {
    if (lastFrame === null || media.paused) return;
    if (frameNow() >= lastFrame) {
      media.pause();
      showFrame(lastFrame);
      lastFrame = null;
      return;
    }
    if (isVideo && media.requestVideoFrameCallback) {
      media.requestVideoFrameCallback((now, meta) => {
        // the frame about to be shown: stop as soon as the last one of the range is on screen
        if (lastFrame !== null && frameAt(meta.mediaTime, r) >= lastFrame) {
          media.pause();
          showFrame(lastFrame);
          lastFrame = null;
        } else {
          watchRange();
        }
      });
    } else {
      requestAnimationFrame(watchRange);
    }
  };
  playRange.addEventListener('click', () => {
    stopBackward();
    showFrame(marks.in - start);
    lastFrame = marks.out - start - 1;
    media.playbackRate = 1;
    media.play().then(watchRange);
  });
  media.addEventListener('pause', () => { if (lastFrame !== null && frameNow() < lastFrame) lastFrame = null; });
  document.getElementById('mark-in').addEventListener('click', () => mark('in'));
  document.getElementById('mark-out').addEventListener('click', () => mark('out'));
  document.getElementById('clear-marks').addEventListener('click', () => setMarks(null, null));

  // ---- shots found by the scenes step: a chip marks its range and shows its first frame
  document.querySelectorAll('button.scene').forEach((b) => b.addEventListener('click', () => {
    const i = toFrames(b.dataset.in, r);
    setMarks(i, toFrames(b.dataset.out, r));
    pause();
    showFrame(i - start);
  }));

  // ---- where to open: ?in=…&out=… (source timecode, a moment from a chapter or person page, or marks kept over
  // a reload) marks the range and shows its first frame; ?t=seconds[&e=seconds] (older links) still works
  const params = new URLSearchParams(location.search);
  const tcParam = (v) => (v && /^\d{1,2}:\d{2}:\d{2}[:;.]\d{2}$/.test(v) ? toFrames(v, r) : null);
  let openAt = null;
  const pIn = tcParam(params.get('in'));
  const pOut = tcParam(params.get('out'));
  if (pIn !== null && pIn >= start) {
    openAt = pIn - start;
    if (pOut !== null && pOut > pIn) setMarks(pIn, pOut); else setMarks(pIn, null);
  } else if (Number(params.get('t')) > 0) {
    const t = Number(params.get('t'));
    const e = Number(params.get('e'));
    openAt = frameAt(t, r);
    if (e > t) setMarks(start + frameAt(t, r), start + frameAt(e, r));
  } else if (pOut !== null) {
    setMarks(null, pOut);
  }
  if (openAt !== null) {
    const seek = () => showFrame(openAt);
    if (media.readyState >= 1) seek(); else media.addEventListener('loadedmetadata', seek, { once: true });
  }

  // keys work wherever the focus is on the page except in fields, also when the player itself has it (clicking
  // the video to start it is natural): caught before the browser's own media keys, which jump seconds
  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, textarea, select, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    const onButton = e.target.closest('button, a');
    switch (e.key) {
      case 'ArrowLeft': step(-1); break;
      case 'ArrowRight': step(1); break;
      case 'j': case 'J': playBackward(); break;
      case 'k': case 'K': pause(); break;
      case 'l': case 'L': playForward(); break;
      case 'i': case 'I': mark('in'); break;
      case 'o': case 'O': mark('out'); break;
      case ' ':
        if (onButton) return; // a button's own Space
        if (media.paused && !backward) media.play(); else pause();
        break;
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
  }, true);
}
