// The upload page: files and whole folders by drag and drop or choosing, sent with the tus protocol in chunks to
// /api/uploads, each resumable: pausing (or a dropped connection) keeps what arrived, and the same file chosen
// again later (even after closing the browser) continues from where the server stopped.
// Before sending, files the page can tell are not media (a shot list .txt, Thumbs.db) are skipped and said so, and
// the catalog is asked which files it probably holds already (size and SHA-256 of the first and last MiB); those
// are not sent unless the user asks. After sending, each row follows its asset's processing live until it is
// ready, and the batch ends with a summary.
import { sessionHeaders, problem } from '../http.js';

const page = document.getElementById('upload');
const list = document.getElementById('files');
const total = document.getElementById('total');
const summary = document.getElementById('summary');
const text = JSON.parse(page.dataset.text);
const CHUNK = Number(page.dataset.chunk || 8 * 1024 * 1024);
const PART = 1024 * 1024;
const items = [];

// what is never media: documents, sheets, subtitles, playlists and disc indexes, archives, system files
const NOT_MEDIA = new Set(['txt', 'text', 'log', 'md', 'csv', 'tsv', 'doc', 'docx', 'wps', 'rtf', 'odt', 'pdf',
  'xls', 'xlsx', 'et', 'ods', 'ppt', 'pptx', 'odp', 'htm', 'html', 'xml', 'json', 'ini', 'cfg', 'db', 'lnk', 'url',
  'exe', 'dll', 'bat', 'sh', 'zip', 'rar', '7z', 'gz', 'tar', 'srt', 'vtt', 'ass', 'ssa', 'nfo', 'plist', 'bdm',
  'mpl', 'cpi', 'ifo', 'bup', 'm3u', 'm3u8', 'pls', 'cue', 'md5', 'sha1', 'sha256', 'tmp']);
const SYSTEM = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

const b64 = (s) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const key = (f) => `yz-upload:${f.webkitRelativePath || f.name}:${f.size}:${f.lastModified}`;
const human = (n) => n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
const fmt = (s, ...a) => a.reduce((r, v, i) => r.replace(`{${i}}`, v), s);
const nameOf = (f) => f.webkitRelativePath || f.name;

/** Why the page need not send a file, or null. */
function notMedia(file) {
  const n = file.name.toLowerCase();
  if (SYSTEM.has(n) || n.startsWith('._')) return text.systemFile;
  const dot = n.lastIndexOf('.');
  const ext = dot > 0 ? n.slice(dot + 1) : '';
  if (NOT_MEDIA.has(ext)) return fmt(text.notMediaExt, `.${ext}`);
  if (file.size === 0) return text.empty;
  return null;
}

function description() {
  const form = new FormData(document.getElementById('describe'));
  const d = {};
  for (const [k, v] of form.entries()) {
    if (k === '_csrf' || !String(v).trim()) continue;
    if (k === 'override') { d.override = true; continue; }
    d[k] = k === 'keywords' ? String(v).split(/[;；,，、\s]+/).filter(Boolean) : String(v).trim();
  }
  return d;
}

function headers(extra) {
  return sessionHeaders({ 'Tus-Resumable': '1.0.0', ...extra });
}

function add(file) {
  const row = document.createElement('li');
  row.className = 'file';
  row.innerHTML = '<span class="name"></span> <span class="size"></span> <progress max="100" value="0"></progress> '
    + '<span class="rate"></span> <span class="state"></span>';
  row.querySelector('.name').textContent = nameOf(file);
  row.querySelector('.size').textContent = human(file.size);
  list.appendChild(row);
  const item = { file, row, offset: 0, state: 'waiting', url: localStorage.getItem(key(file)) };
  items.push(item);
  const why = notMedia(file);
  if (why) {
    item.state = 'skipped';
    item.reason = why;
    show(item, fmt(text.skipped, why), 'skipped');
  } else {
    show(item, text.waiting);
  }
  summary.hidden = true;
  return item;
}

function show(item, message, cls) {
  const s = item.row.querySelector('.state');
  s.textContent = message;
  item.row.dataset.state = cls || item.state;
  item.row.querySelector('progress').value = item.file.size ? (100 * item.offset / item.file.size) : 100;
  const sent = items.reduce((a, i) => a + i.offset, 0);
  const all = items.filter((i) => i.state !== 'skipped').reduce((a, i) => a + i.file.size, 0);
  total.textContent = fmt(text.total, human(sent), human(all));
}

function openLink(item, asset, label) {
  const a = document.createElement('a');
  a.href = `/assets/${asset}`;
  a.textContent = label || text.open;
  item.row.querySelector('.state').append(' ', a);
}

// ---- before sending: what the catalog probably holds

async function quickprint(file) {
  const parts = file.size <= 2 * PART ? [file] : [file.slice(0, PART), file.slice(file.size - PART)];
  const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return { size: file.size, head: [...digest].map((b) => b.toString(16).padStart(2, '0')).join('') };
}

async function precheck(batch) {
  if (!batch.length || !(window.crypto && crypto.subtle)) return; // plain http off localhost: the server decides
  try {
    const files = [];
    for (const item of batch) files.push(await quickprint(item.file));
    const r = await fetch('/api/uploads/precheck', { method: 'POST', headers: sessionHeaders({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ files }) });
    if (!r.ok) return;
    const answer = await r.json();
    answer.files.forEach((held, i) => {
      const item = batch[i];
      if (!held.asset || item.state !== 'waiting') return;
      item.state = 'held';
      item.asset = held.asset;
      show(item, fmt(text.likelyHeld, held.title || held.fileName), 'held');
      openLink(item, held.asset);
      const send = document.createElement('button');
      send.type = 'button';
      send.className = 'small';
      send.textContent = text.sendAnyway;
      send.addEventListener('click', () => { item.state = 'waiting'; item.forced = true; send.remove(); start(item); });
      item.row.querySelector('.state').append(' ', send);
    });
  } catch (e) {
    // a file that cannot be read now is read again when it is sent; the server's SHA-256 still finds duplicates
  }
}

// ---- sending

async function start(item) {
  if (item.state !== 'waiting' && item.state !== 'paused') return;
  item.state = 'sending';
  try {
    if (item.url) {
      const head = await fetch(item.url, { method: 'HEAD', headers: headers({}) });
      if (head.ok) {
        item.offset = Number(head.headers.get('Upload-Offset'));
        const asset = head.headers.get('Yingzhi-Asset');
        if (asset) return finished(item, asset, false);
      } else {
        item.url = null; // expired or removed: start again
      }
    }
    if (!item.url) {
      const meta = `filename ${b64(item.file.name)},metadata ${b64(JSON.stringify(description()))}`;
      const res = await fetch('/api/uploads', { method: 'POST', headers: headers({
        'Upload-Length': String(item.file.size), 'Upload-Metadata': meta }) });
      if (!res.ok) return failed(item, res.status, await problem(res, res.statusText));
      item.url = res.headers.get('Location');
      item.offset = 0;
      localStorage.setItem(key(item.file), item.url);
    }
    while (item.state === 'sending' && item.offset < item.file.size) {
      await chunk(item);
    }
  } catch (e) {
    if (item.state === 'sending') {
      item.state = 'paused';
      show(item, text.interrupted, 'paused'); // the network went away: what arrived is kept
    }
  }
}

function chunk(item) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    item.xhr = xhr;
    const from = item.offset;
    const body = item.file.slice(from, Math.min(item.file.size, from + CHUNK));
    const t0 = performance.now();
    xhr.open('PATCH', item.url);
    Object.entries(headers({ 'Upload-Offset': String(from), 'Content-Type': 'application/offset+octet-stream' }))
      .forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.onprogress = (e) => {
      const rate = e.loaded / Math.max(0.001, (performance.now() - t0) / 1000);
      const left = (item.file.size - from - e.loaded) / Math.max(1, rate);
      item.row.querySelector('.rate').textContent = `${human(rate)}/s · ${fmt(text.left, Math.ceil(left))}`;
      item.row.querySelector('progress').value = 100 * (from + e.loaded) / item.file.size;
    };
    xhr.onload = async () => {
      item.xhr = null;
      if (xhr.status === 204) {
        item.retries = 0;
        item.offset = Number(xhr.getResponseHeader('Upload-Offset'));
        const asset = xhr.getResponseHeader('Yingzhi-Asset');
        if (asset) finished(item, asset, xhr.getResponseHeader('Yingzhi-Duplicate') === 'true');
        else show(item, text.sending);
        resolve();
      } else if (xhr.status === 409 && (item.retries = (item.retries || 0) + 1) <= 20) {
        // the server is still taking in the bytes of a request that was cut: ask again where it stands
        await new Promise((r) => setTimeout(r, 500));
        const head = await fetch(item.url, { method: 'HEAD', headers: headers({}) });
        if (head.ok) item.offset = Number(head.headers.get('Upload-Offset'));
        resolve();
      } else {
        let detail = xhr.statusText;
        try { const p = JSON.parse(xhr.responseText); detail = p.message || p.detail || detail; } catch { /* not problem+json */ }
        failed(item, xhr.status, detail);
        resolve();
      }
    };
    xhr.onerror = () => { item.xhr = null; reject(new Error('network')); };
    xhr.onabort = () => { item.xhr = null; resolve(); };
    show(item, text.sending);
    xhr.send(body);
  });
}

function finished(item, asset, duplicate) {
  item.state = duplicate ? 'duplicate' : 'processing';
  item.asset = asset;
  item.offset = item.file.size;
  item.row.querySelector('.rate').textContent = '';
  localStorage.removeItem(key(item.file));
  show(item, duplicate ? text.duplicate : text.done, duplicate ? 'duplicate' : 'processing');
  openLink(item, asset);
  follow();
}

function failed(item, status, detail) {
  item.state = 'failed';
  localStorage.removeItem(key(item.file));
  const why = status === 415 ? text.notMedia : status === 413 ? text.tooLarge : status === 403 ? text.forbidden : text.failed;
  item.reason = `${why}${detail}`;
  show(item, item.reason, 'failed');
  ended();
}

function pause(item) {
  if (item.state !== 'sending') return;
  item.state = 'paused';
  if (item.xhr) item.xhr.abort(); // cut the request mid-body: the server keeps what arrived
  show(item, text.paused, 'paused');
}

// ---- after sending: each asset's processing, live

let timer = null;

function follow() {
  if (!timer) timer = setTimeout(poll, 1000);
}

async function poll() {
  timer = null;
  const open = items.filter((i) => i.state === 'processing');
  if (!open.length) { ended(); return; }
  try {
    const ids = open.slice(0, 200).map((i) => i.asset).join(',');
    const r = await fetch(`/api/assets/states?ids=${ids}`, { headers: sessionHeaders({}) });
    if (r.ok) {
      const byId = new Map((await r.json()).items.map((s) => [s.id, s]));
      for (const item of open) {
        const s = byId.get(item.asset);
        if (!s) continue;
        if (s.status === 'READY' || s.status === 'PARTIAL') {
          item.state = s.status === 'READY' ? 'ready' : 'partial';
          const failedSteps = Object.entries(s.steps).filter(([, v]) => v === 'FAILED').map(([k]) => text.steps[k] || k);
          item.reason = failedSteps.join(text.sep);
          show(item, item.state === 'ready' ? text.ready : fmt(text.partial, item.reason), item.state);
        } else {
          show(item, fmt(text.processing, s.ended, s.total), 'processing');
        }
        openLink(item, item.asset);
      }
    }
  } catch (e) {
    // the connection dropped: ask again on the next round
  }
  if (items.some((i) => i.state === 'processing')) timer = setTimeout(poll, 2000);
  else ended();
}

const TERMINAL = new Set(['ready', 'partial', 'duplicate', 'held', 'skipped', 'failed']);

/** When every file of the batch has come to an end: one line saying how it went, and why any was not taken. */
function ended() {
  if (!items.length || !items.every((i) => TERMINAL.has(i.state))) return;
  const n = (s) => items.filter((i) => i.state === s).length;
  const parts = [fmt(text.sumReady, n('ready'))];
  if (n('partial')) parts.push(fmt(text.sumPartial, n('partial')));
  if (n('duplicate') + n('held')) parts.push(fmt(text.sumHeld, n('duplicate') + n('held')));
  if (n('skipped')) parts.push(fmt(text.sumSkipped, n('skipped')));
  if (n('failed')) parts.push(fmt(text.sumFailed, n('failed')));
  summary.replaceChildren();
  const head = document.createElement('p');
  head.className = 'line';
  head.textContent = parts.join(text.sep);
  summary.append(head);
  const why = items.filter((i) => ['failed', 'partial', 'skipped'].includes(i.state));
  if (why.length) {
    const ul = document.createElement('ul');
    for (const i of why) {
      const li = document.createElement('li');
      li.textContent = fmt(text.because, nameOf(i.file), i.state === 'partial' ? fmt(text.partial, i.reason) : i.reason);
      ul.append(li);
    }
    summary.append(ul);
  }
  summary.hidden = false;
}

async function run() {
  summary.hidden = true;
  await precheck(items.filter((i) => i.state === 'waiting' && !i.checked && !i.url).map((i) => { i.checked = true; return i; }));
  for (const item of items) {
    if (item.state === 'waiting' || item.state === 'paused') await start(item);
  }
  ended();
}

// folders: walk the dropped entries
async function entries(entry, out) {
  if (entry.isFile) {
    out.push(await new Promise((res) => entry.file(res)));
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((res) => reader.readEntries(res));
      if (!batch.length) break;
      for (const e of batch) await entries(e, out);
    }
  }
}

/** A chosen or dropped folder names the batch unless the user named it. */
function nameTheBatch(folder) {
  const b = document.getElementById('u-batch');
  if (folder && !b.value.trim()) b.value = folder;
}

const zone = document.getElementById('drop');
zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', async (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  const files = [];
  for (const i of e.dataTransfer.items) {
    const entry = i.webkitGetAsEntry && i.webkitGetAsEntry();
    if (entry && entry.isDirectory) nameTheBatch(entry.name);
    if (entry) await entries(entry, files); else if (i.getAsFile()) files.push(i.getAsFile());
  }
  files.forEach(add);
});
for (const id of ['choose-files', 'choose-folder']) {
  document.getElementById(id).addEventListener('change', (e) => {
    const files = [...e.target.files];
    if (id === 'choose-folder' && files.length) nameTheBatch(files[0].webkitRelativePath.split('/')[0]);
    files.forEach(add);
    e.target.value = '';
  });
}
const override = document.getElementById('u-override');
override.addEventListener('change', () => { document.getElementById('override-warning').hidden = !override.checked; });
document.getElementById('describe').addEventListener('submit', (e) => e.preventDefault());
document.getElementById('start').addEventListener('click', run);
document.getElementById('pause').addEventListener('click', () => items.forEach(pause));
window.addEventListener('online', run); // the connection came back
