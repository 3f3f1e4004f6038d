// An interview's page: saves its description and restriction (with the version read, so a concurrent change is
// refused rather than lost) and uploads the signed consent form.
import { sessionHeaders, problem } from '../http.js';

const form = document.getElementById('interview-edit');
if (form) {
  const t = JSON.parse(form.dataset.text);
  const status = document.getElementById('iv-status');
  const say = (text, bad) => { status.textContent = text; status.className = bad ? 'error' : 'notice'; };
  const v = (id) => document.getElementById(id).value;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { title: v('iv-title'), interviewers: v('iv-interviewers').split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean),
      date: v('iv-date'), place: v('iv-place'), summary: v('iv-summary'), version: Number(form.dataset.version),
      restriction: { embargoUntil: v('iv-embargo'), publicUse: document.getElementById('iv-public').checked, note: v('iv-note') } };
    const r = await fetch(`/api/interviews/${form.dataset.id}`, { method: 'PATCH', headers: sessionHeaders({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) });
    if (!r.ok) { say(await problem(r), true); return; }
    form.dataset.version = (await r.json()).version;
    say(t.saved, false);
    location.reload();
  });
  document.getElementById('iv-consent').addEventListener('change', async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    const r = await fetch(`/api/interviews/${form.dataset.id}/consent?name=${encodeURIComponent(f.name)}`, { method: 'POST', headers: sessionHeaders({ 'Content-Type': f.type || 'application/octet-stream' }), body: f });
    if (!r.ok) { say(await problem(r), true); return; }
    say(t.consentSaved, false);
    location.reload();
  });
}
