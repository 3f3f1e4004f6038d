// The upload page: files and whole folders by drag and drop or choosing, sent with the tus protocol in chunks to
// /api/uploads, each resumable: pausing (or a dropped connection) keeps what arrived, and the same file chosen
// again later (even after closing the browser) continues from where the server stopped.
import { sessionHeaders, problem } from '../http.js';

const page = document.getElementById('upload');
const list = document.getElementById('files');
const total = document.getElementById('total');
const text = JSON.parse(page.dataset.text);
const CHUNK = Number(page.dataset.chunk || 8 * 1024 * 1024);
const items = [];

const b64 = (s) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const key = (f) => `yz-upload:${f.webkitRelativePath || f.name}:${f.size}:${f.lastModified}`;
const human = (n) => n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;

function description() {
  const form = new FormData(document.getElementById('describe'));
  const d = {};
  for (const [k, v] of form.entries()) {
    if (k === '_csrf' || !String(v).trim()) continue;
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
  row.querySelector('.name').textContent = file.webkitRelativePath || file.name;
  row.querySelector('.size').textContent = human(file.size);
  list.appendChild(row);
  const item = { file, row, offset: 0, state: 'waiting', url: localStorage.getItem(key(file)) };
  items.push(item);
  show(item, text.waiting);
  return item;
}

function show(item, message, cls) {
  const s = item.row.querySelector('.state');
  s.textContent = message;
  item.row.dataset.state = cls || item.state;
  item.row.querySelector('progress').value = item.file.size ? (100 * item.offset / item.file.size) : 100;
  const sent = items.reduce((a, i) => a + i.offset, 0);
  const all = items.reduce((a, i) => a + i.file.size, 0);
  total.textContent = text.total.replace('{0}', human(sent)).replace('{1}', human(all));
}

async function start(item) {
  if (item.state === 'done' || item.state === 'sending') return;
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
      item.row.querySelector('.rate').textContent = `${human(rate)}/s · ${text.left.replace('{0}', Math.ceil(left))}`;
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
  item.state = 'done';
  item.offset = item.file.size;
  localStorage.removeItem(key(item.file));
  show(item, duplicate ? text.duplicate : text.done, duplicate ? 'duplicate' : 'done');
  const a = document.createElement('a');
  a.href = `/assets/${asset}`;
  a.textContent = text.open;
  item.row.querySelector('.state').append(' ', a);
}

function failed(item, status, detail) {
  item.state = 'failed';
  localStorage.removeItem(key(item.file));
  const why = status === 415 ? text.notMedia : status === 413 ? text.tooLarge : status === 403 ? text.forbidden : text.failed;
  show(item, `${why}${detail}`, 'failed');
}

function pause(item) {
  if (item.state !== 'sending') return;
  item.state = 'paused';
  if (item.xhr) item.xhr.abort(); // cut the request mid-body: the server keeps what arrived
  show(item, text.paused, 'paused');
}

async function run() {
  for (const item of items) {
    if (item.state === 'waiting' || item.state === 'paused') await start(item);
  }
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

const zone = document.getElementById('drop');
zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', async (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  const files = [];
  for (const i of e.dataTransfer.items) {
    const entry = i.webkitGetAsEntry && i.webkitGetAsEntry();
    if (entry) await entries(entry, files); else if (i.getAsFile()) files.push(i.getAsFile());
  }
  files.forEach(add);
});
for (const id of ['choose-files', 'choose-folder']) {
  document.getElementById(id).addEventListener('change', (e) => { [...e.target.files].forEach(add); e.target.value = ''; });
}
document.getElementById('describe').addEventListener('submit', (e) => e.preventDefault());
document.getElementById('start').addEventListener('click', run);
document.getElementById('pause').addEventListener('click', () => items.forEach(pause));
window.addEventListener('online', run); // the connection came back
