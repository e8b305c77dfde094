import {el, api, header, show, notice, tokens, fmtScore, fmtTime, ciOf, ciText, timeEl, badge, pathParts, errorMessage, copyButton} from './app.js';

const id = pathParts()[1];
header('team', id);
const compHref = '/competitions/' + encodeURIComponent(id);
const compLink = document.getElementById('comp-link');
compLink.href = compHref;
compLink.textContent = id;
const content = document.getElementById('content');
const base = '/api/competitions/' + encodeURIComponent(id);

api(base).then(c => { compLink.textContent = (c.competition || c).title || id; }).catch(() => {});

function signIn(message) {
  const input = el('input', {type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true, spellcheck: 'false', size: 40});
  const form = el('form', {class: 'card', id: 'signin', style: 'max-width:560px'},
    el('h2', {}, 'Sign in with your team token'),
    message ? notice('error', message) : null,
    el('div', {class: 'field'},
      el('label', {for: 'token'}, 'Team token'),
      input,
      el('span', {class: 'hint'}, 'The host gave it to you once. It is kept in this browser only (localStorage) until you sign out.')),
    el('button', {class: 'btn primary', type: 'submit'}, 'Sign in'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    tokens.setTeam(input.value);
    header('team', id);
    start();
  });
  show(content, form);
  input.focus();
}

async function start() {
  if (!tokens.team()) return signIn();
  let list;
  try {
    list = await loadSubmissions();
  } catch (e) {
    if (e.status === 401) {
      tokens.setTeam(null);
      header('team', id);
      return signIn('That token was not accepted: ' + e.message);
    }
    if (e.status === 403) { // a valid token of a team disabled, or not taking part here: keep it for elsewhere
      const other = el('button', {class: 'btn small', type: 'button', id: 'signout-other'}, 'Sign in with another token');
      other.addEventListener('click', () => { tokens.setTeam(null); header('team', id); signIn(); });
      show(content, notice('error', 'Your team cannot act here: ' + e.message + ' ', other));
      return;
    }
    show(content, notice('error', 'Could not load your submissions: ' + e.message));
    return;
  }
  render(list);
}

async function loadSubmissions() {
  const data = await api(base + '/submissions', {token: 'team'});
  return normalizeList(data);
}

function normalizeList(data) {
  const rows = Array.isArray(data) ? data : (data.submissions || data.rows || []);
  const picks = new Set((data.final_picks?.submissions || []).map(String));
  return {team: data.team || rows[0]?.team || null, rows, quota: data.quota || null,
    finalLimit: data.final_picks?.limit ?? null, explicitPicks: !!data.final_picks?.explicit, picks};
}

let listSection, uploadSection;

function render(list) {
  uploadSection = uploadCard();
  listSection = el('section', {class: 'card', id: 'submissions-card'});
  const signOut = el('button', {class: 'btn small', type: 'button', onclick: () => {
    tokens.setTeam(null); header('team', id); signIn();
  }}, 'Sign out');
  if (list.team) {
    document.querySelector('h1').textContent = 'Team ' + list.team;
    document.title = 'Team ' + list.team + ' · CellArena';
  }
  show(content,
    el('div', {class: 'row', style: 'margin-bottom:12px'},
      el('span', {id: 'team-name', class: 'muted'}, list.team ? 'Signed in as team ' : 'Signed in', list.team ? el('strong', {}, list.team) : null),
      el('span', {class: 'spacer'}), copyButton(tokens.team(), 'Copy my token'), signOut),
    uploadSection, listSection);
  renderList(list);
}

function uploadCard() {
  const file = el('input', {type: 'file', id: 'file', name: 'file', accept: '.csv,.gz,.csv.gz,.zip,text/csv,application/gzip,application/zip'});
  const desc = el('input', {type: 'text', id: 'description', name: 'description', maxlength: 500, placeholder: 'e.g. mask r-cnn, tta, threshold 0.45'});
  const chosen = el('p', {class: 'small muted', id: 'chosen'}, 'No file chosen.');
  const zone = el('div', {class: 'drop', id: 'drop'},
    el('p', {}, el('strong', {}, 'Drop your submission here')),
    el('p', {class: 'small muted'}, 'A CSV with columns id,predicted (or the same, gzipped); in a model competition, the model archive (.zip) that cellarena submit --model packs.'),
    el('p', {}, el('label', {for: 'file', class: 'btn'}, 'Choose a file…'), ' ', file),
    chosen);
  file.style.cssText = 'position:absolute;width:1px;height:1px;opacity:0;';
  let picked = null;
  const send = el('button', {class: 'btn primary', type: 'submit', id: 'upload', disabled: true}, 'Upload and score');
  function pick(f) {
    picked = f;
    chosen.textContent = f ? `${f.name} · ${(f.size / 1024).toFixed(1)} KB` : 'No file chosen.';
    send.disabled = !f;
  }
  file.addEventListener('change', () => pick(file.files[0] || null));
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files.length) pick(e.dataTransfer.files[0]);
  });
  const progress = el('div', {id: 'progress', 'aria-live': 'polite'});
  const form = el('form', {class: 'card', id: 'upload-form'},
    el('h2', {}, 'New submission'),
    zone,
    el('div', {class: 'upload-row'},
      el('div', {class: 'field grow'}, el('label', {for: 'description'}, 'Description (optional)'), desc),
      send),
    progress);
  form.addEventListener('submit', e => {
    e.preventDefault();
    if (!picked) return;
    send.disabled = true;
    upload(picked, desc.value, progress).finally(() => { send.disabled = false; pick(null); file.value = ''; desc.value = ''; });
  });
  return form;
}

/** Uploads with XMLHttpRequest (fetch has no upload progress), then follows the status live. */
function upload(f, description, box) {
  const bar = el('progress', {max: 100, value: 0, id: 'upload-progress', 'aria-label': 'Upload progress'});
  const label = el('span', {class: 'small muted'}, 'Uploading…');
  const steps = el('ol', {class: 'steps', 'aria-label': 'Submission status'},
    ['uploaded', 'queued', 'scoring', 'scored'].map(s => el('li', {dataset: {step: s}}, s)));
  const status = el('div', {id: 'live-status', role: 'status'});
  show(box, el('div', {style: 'margin-top:14px'}, bar, label, steps, status));
  box.scrollIntoView({block: 'nearest'});
  return new Promise(resolve => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('file', f, f.name);
    if (description) form.append('description', description);
    xhr.open('POST', base + '/submissions');
    xhr.setRequestHeader('Authorization', 'Bearer ' + tokens.team());
    xhr.upload.addEventListener('progress', e => {
      if (e.lengthComputable) {
        bar.value = Math.round(100 * e.loaded / e.total);
        label.textContent = `Uploading… ${bar.value}% of ${(e.total / 1024).toFixed(0)} KB`;
      }
    });
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { data = xhr.responseText; }
      if (xhr.status >= 200 && xhr.status < 300) {
        bar.value = 100;
        label.textContent = 'Uploaded.';
        mark(steps, 'uploaded', 'done');
        const sid = data.id ?? data.submission_id;
        follow(sid, steps, status).then(resolve);
      } else {
        let msg = errorMessage(data, {status: xhr.status, statusText: xhr.statusText});
        if (xhr.status === 429 && data && (data.retry_at || data.next_allowed || data.retry_after)) {
          msg += ` (you can submit again ${data.retry_at || data.next_allowed ? 'at ' + fmtTime(data.retry_at || data.next_allowed) : 'in ' + data.retry_after + ' s'})`;
        }
        label.textContent = 'Upload refused.';
        show(status, notice('error', el('strong', {}, `Refused (${xhr.status}): `), msg));
        resolve();
      }
    });
    xhr.addEventListener('error', () => {
      label.textContent = 'Upload failed.';
      show(status, notice('error', 'The upload did not reach the server (network error).'));
      resolve();
    });
    xhr.send(form);
  });
}

function mark(steps, step, cls) {
  const li = steps.querySelector(`[data-step="${step}"]`);
  if (li) li.className = cls;
}

function statusView(s, steps, status) {
  requestAnimationFrame(() => status.scrollIntoView({block: 'nearest'}));
  const st = s.status;
  const order = ['uploaded', 'queued', 'scoring', 'scored'];
  const at = st === 'failed' ? 3 : order.indexOf(st);
  order.forEach((o, i) => mark(steps, o, i < at ? 'done' : i === at ? (st === 'scored' ? 'done' : 'now') : ''));
  const last = steps.querySelector('[data-step="scored"]');
  if (last) last.textContent = st === 'failed' ? 'failed' : 'scored';
  if (st === 'failed') mark(steps, 'scored', 'fail');
  const sLink = el('a', {href: '/submissions/' + encodeURIComponent(s.id)}, 'submission #' + s.id);
  if (st === 'queued') {
    show(status, el('p', {}, badge('queued'), ' ', sLink,
      (s.queue_position ?? s.position) ? ` is number ${s.queue_position ?? s.position} in the queue.` : ' is waiting in the queue.'));
  } else if (st === 'inference_queued' || st === 'inferring') {
    const progress = s.model?.inference_progress;
    show(status, el('p', {}, badge(st), ' ', sLink, st === 'inferring'
      ? `: the server is running your model${progress ? ' (' + progress + ')' : ''}…` : ' waits for the server to run your model.'));
  } else if (st === 'scoring') {
    show(status, el('p', {}, badge('scoring'), ' ', sLink, ' is being scored…'));
  } else if (st === 'scored') {
    const ci = ciOf(s);
    show(status, notice('ok', badge('scored'), ' ', sLink, ': public score ', el('strong', {id: 'new-score'}, fmtScore(s.public_score)),
      ci ? ` (${ciText(ci)})` : '', '. ', el('a', {href: '/submissions/' + encodeURIComponent(s.id)}, 'See the breakdown →')));
  } else if (st === 'failed') {
    show(status, notice('error', badge('failed'), ' ', sLink, ' could not be scored. It did not count against your daily limit.',
      el('pre', {class: 'reason', id: 'failure-reason'}, s.error ?? s.reason ?? s.message ?? '(no reason given)')));
  }
}

/** Follows a submission: server-sent events from /api/submissions/{sid}/events, polling as a fallback. */
async function follow(sid, steps, status) {
  const done = s => s.status === 'scored' || s.status === 'failed';
  const update = s => { statusView(s, steps, status); };
  let last = null;
  try {
    const res = await fetch(`/api/submissions/${encodeURIComponent(sid)}/events`,
      {headers: {Authorization: 'Bearer ' + tokens.team(), Accept: 'text/event-stream'}});
    if (!res.ok || !res.body) throw new Error('no event stream');
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const {value, done: end} = await reader.read();
      if (end) break;
      buf += value;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const chunk = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = chunk.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
        if (!data) continue;
        const parsed = JSON.parse(data);
        if (!parsed || !parsed.status) continue;
        document.body.dataset.live = 'events'; // how the status arrived (the browser test checks it)
        last = parsed;
        update(last);
        if (done(last)) { reader.cancel().catch(() => {}); break; }
      }
      if (last && done(last)) break;
    }
  } catch { /* fall back to polling */ }
  while (!last || !done(last)) {
    document.body.dataset.live = 'polling';
    try {
      last = await api('/api/submissions/' + encodeURIComponent(sid), {token: 'team'});
      update(last);
    } catch (e) {
      show(status, notice('error', 'Lost track of the submission: ' + e.message));
      return;
    }
    if (!done(last)) await new Promise(r => setTimeout(r, 700));
  }
  try { renderList(await loadSubmissions()); } catch { /* keep the old list */ }
}

function renderList(list) {
  const rows = [...list.rows].sort((a, b) => (b.id > a.id ? 1 : -1));
  const selected = new Set();
  const compare = el('button', {class: 'btn', type: 'button', id: 'compare', disabled: true}, 'Compare selected (0/2)');
  compare.addEventListener('click', () => {
    const [a, b] = [...selected].sort((x, y) => Number(x) - Number(y));
    location.href = `${compHref}/diff?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
  });
  const body = el('tbody');
  for (const s of rows) {
    const box = el('input', {type: 'checkbox', 'aria-label': 'Select submission ' + s.id + ' to compare',
      disabled: s.status !== 'scored'});
    box.addEventListener('change', () => {
      if (box.checked) selected.add(String(s.id)); else selected.delete(String(s.id));
      compare.disabled = selected.size !== 2;
      compare.textContent = selected.size === 2 ? 'Compare selected' : `Compare selected (${selected.size}/2)`;
    });
    const counts = list.picks.has(String(s.id));
    const finalBtn = s.status === 'scored' ? el('button', {class: 'btn small' + (counts ? ' final-on' : ''), type: 'button',
      'aria-pressed': s.final_pick ? 'true' : 'false',
      title: s.final_pick ? 'Picked for the private leaderboard; click to unpick'
        : counts ? 'Counts for the private leaderboard by default (one of your best); click to pick it explicitly'
        : 'Pick this submission for the private leaderboard'},
      s.final_pick ? '★ Picked' : counts ? '☆ Counts' : '☆ Pick') : null;
    finalBtn?.addEventListener('click', async () => {
      try {
        await api(`/api/submissions/${encodeURIComponent(s.id)}/final`, {method: s.final_pick ? 'DELETE' : 'PUT', token: 'team'});
        renderList(await loadSubmissions());
      } catch (e) { alert('Could not change the final pick: ' + e.message); }
    });
    const ci = ciOf(s);
    body.append(el('tr', {dataset: {sid: s.id}},
      el('td', {}, box),
      el('th', {scope: 'row'}, el('a', {href: '/submissions/' + encodeURIComponent(s.id)}, '#' + s.id),
        el('span', {class: 'show-sm'}, el('br'), badge(s.status))),
      el('td', {class: 'hide-sm'}, badge(s.status), s.status === 'queued' && (s.queue_position ?? s.position) ? el('span', {class: 'small muted'}, ' #' + (s.queue_position ?? s.position)) : null),
      el('td', {class: 'num'}, el('span', {class: 'score'}, fmtScore(s.public_score)), ci ? el('div', {class: 'ci'}, ciText(ci)) : null),
      el('td', {class: 'hide-sm'}, s.file_name ? el('span', {class: 'mono small'}, s.file_name) : el('span', {class: 'muted'}, '—'),
        s.description ? el('div', {class: 'small muted'}, s.description) : null),
      el('td', {class: 'hide-sm'}, timeEl(s.created ?? s.submitted ?? s.created_at ?? s.submitted_at)),
      el('td', {}, finalBtn)));
    if (s.status === 'failed' && (s.error || s.reason)) {
      body.append(el('tr', {class: 'failure'}, el('td'), el('td', {colspan: 6},
        el('pre', {class: 'reason'}, s.error || s.reason))));
    }
  }
  if (!rows.length) body.append(el('tr', {}, el('td', {colspan: 7, class: 'empty'}, 'No submissions yet.')));
  const table = el('table', {id: 'my-submissions'},
    el('caption', {class: 'sr-only'}, 'Your submissions'),
    el('thead', {}, el('tr', {},
      el('th', {scope: 'col'}, el('span', {class: 'sr-only'}, 'Compare')),
      el('th', {scope: 'col'}, 'Submission'), el('th', {scope: 'col', class: 'hide-sm'}, 'Status'),
      el('th', {scope: 'col', class: 'num'}, 'Public score'), el('th', {scope: 'col', class: 'hide-sm'}, 'File and description'),
      el('th', {scope: 'col', class: 'hide-sm'}, 'Submitted'), el('th', {scope: 'col'}, 'Final'))),
    body);
  show(listSection,
    el('div', {class: 'row'}, el('h2', {}, 'Your submissions'), el('span', {class: 'spacer'}), compare),
    el('p', {class: 'small muted', id: 'quota'}, list.quota
      ? `${list.quota.remaining} of ${list.quota.limit} submissions left today (resets at 00:00 UTC: ${fmtTime(list.quota.resets_at)} your time). Failed ones do not count. `
      : 'Failed submissions do not count against the daily limit. ',
      list.finalLimit ? `Up to ${list.finalLimit} final picks count for the private leaderboard${list.explicitPicks ? '' : ' (until you pick, your best public ones do)'}. ` : '',
      'Tick two scored submissions to compare them.'),
    el('div', {class: 'table-wrap'}, table));
  if (list.team) {
    const tn = document.getElementById('team-name');
    if (tn) show(tn, 'Signed in as team ', el('strong', {}, list.team));
  }
}

start();
