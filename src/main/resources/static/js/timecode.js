// SMPTE timecode for the player: frames <-> HH:MM:SS:FF (drop frame with ';' at 29.97 and 59.94), the same
// arithmetic as org.yingzhi.timecode.Timecode on the server.

/** {num, den, fps (nominal, integer), drop} from "30000/1001" and whether the clip counts drop frame. */
export function rate(rational, drop) {
  const [n, d] = rational.split('/').map(Number);
  const fps = Math.round(n / (d || 1));
  return { num: n, den: d || 1, fps, drop: !!drop && (fps === 30 || fps === 60) };
}

/** Frames since 00:00:00:00 of a timecode string. */
export function toFrames(tc, r) {
  const p = tc.split(/[:;.]/).map(Number);
  const [h, m, s, f] = p;
  let frames = ((h * 60 + m) * 60 + s) * r.fps + f;
  if (r.drop) {
    const dropped = r.fps / 15; // 2 at 29.97, 4 at 59.94
    const minutes = h * 60 + m;
    frames -= dropped * (minutes - Math.floor(minutes / 10));
  }
  return frames;
}

/** The timecode of a frame count since 00:00:00:00. */
export function fromFrames(frames, r) {
  let n = frames;
  if (r.drop) {
    const dropped = r.fps / 15;
    const per10 = r.fps * 600 - dropped * 9;
    const perMinute = r.fps * 60 - dropped;
    const tens = Math.floor(n / per10);
    const rest = n % per10;
    n += dropped * 9 * tens + (rest > dropped ? dropped * Math.floor((rest - dropped) / perMinute) : 0);
  }
  const ff = n % r.fps;
  const totalSeconds = Math.floor(n / r.fps);
  const pad = (x) => String(x).padStart(2, '0');
  const hh = Math.floor(totalSeconds / 3600) % 24;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const ss = totalSeconds % 60;
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}${r.drop ? ';' : ':'}${pad(ff)}`;
}

/** The frame a media time (seconds) falls in: frame k covers [k, k+1) frame durations. */
export function frameAt(seconds, r) {
  return Math.floor(seconds * r.num / r.den + 1e-6);
}
