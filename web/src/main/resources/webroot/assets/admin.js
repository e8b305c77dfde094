import {el, api, header, show, notice, tokens, timeEl, fmtScore, errorMessage, badge, copyButton} from './app.js';

header('admin');
const content = document.getElementById('content');

function signIn(message) {
  const input = el('input', {type: 'password', id: 'admin-token', autocomplete: 'off', required: true, size: 40});
  const form = el('form', {class: 'card', style: 'max-width:560px'},
    el('h2', {}, 'Sign in as the host'),
    message ? notice('error', message) : null,
    el('div', {class: 'field'}, el('label', {for: 'admin-token'}, 'Admin token'), input,
      el('span', {class: 'hint'}, 'From CELLARENA_ADMIN_TOKEN, or printed once when the server first started.')),
    el('button', {class: 'btn primary', type: 'submit'}, 'Sign in'));
  form.addEventListener('submit', e => { e.preventDefault(); tokens.setAdmin(input.value); header('admin'); main(); });
  show(content, form);
  input.focus();
}

const A = {token: 'admin'};

async function main() {
  if (!tokens.admin()) return signIn();
  let teams, comps;
  try {
    [teams, comps] = await Promise.all([api('/api/admin/teams', A), api('/api/competitions')]);
  } catch (e) {
    if (e.status === 401 || e.status === 403) { tokens.setAdmin(null); header('admin'); return signIn('That token was not accepted: ' + e.message); }
    show(content, notice('error', 'Could not load: ' + e.message));
    return;
  }
  teams = Array.isArray(teams) ? teams : teams.teams || [];
  comps = Array.isArray(comps) ? comps : comps.competitions || [];
  const out = el('div', {id: 'admin-messages', 'aria-live': 'polite'});
  const say = (kind, ...m) => show(out, notice(kind, ...m));
  show(content,
    el('div', {class: 'row', style: 'margin-bottom:12px'}, el('span', {class: 'muted'}, 'Signed in as the host.'), el('span', {class: 'spacer'}),
      el('button', {class: 'btn small', type: 'button', onclick: () => { tokens.setAdmin(null); header('admin'); signIn(); }}, 'Sign out')),
    out,
    el('div', {class: 'grid two'}, teamsCard(teams, say), competitionsCard(comps, say)),
    el('div', {style: 'height:18px'}),
    await settingsCard(comps, say),
    el('div', {style: 'height:18px'}),
    queueCard(),
    el('div', {style: 'height:18px'}),
    submissionsCard(comps),
    el('div', {style: 'height:18px'}),
    rescoreCard(say),
    auditCard());
}

function teamsCard(teams, say) {
  const name = el('input', {type: 'text', id: 'team-name', required: true, maxlength: 100});
  const benchmark = el('input', {type: 'checkbox', id: 'team-benchmark'});
  const form = el('form', {class: 'row', style: 'margin-bottom:12px'}, el('label', {for: 'team-name'}, 'New team'), name,
    el('label', {class: 'small'}, benchmark, ' benchmark row'),
    el('button', {class: 'btn primary', type: 'submit'}, 'Create'));
  const showToken = (what, t) => say('ok', what, el('div', {class: 'token-row'},
    el('code', {class: 'token', id: 'new-team-token'}, t.token), copyButton(t.token)));
  async function reload() {
    const list = await api('/api/admin/teams', A);
    body.replaceChildren(...rows(list.teams));
    refreshAudit();
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const t = await api('/api/admin/teams', {...A, method: 'POST', body: {name: name.value, benchmark: benchmark.checked}});
      showToken(`Team “${t.name}” created. Its token, shown only this once: `, t);
      name.value = '';
      benchmark.checked = false;
      await reload();
    } catch (err) { say('error', 'Could not create the team: ' + err.message); }
  });
  const act = (label, fn, cls = 'btn small') => el('button', {class: cls, type: 'button', onclick: fn}, label);
  const change = (t, path, method, done) => async () => {
    try { await api(`/api/admin/teams/${t.id}/${path}`, {...A, method}); say('ok', done); await reload(); }
    catch (err) { say('error', 'Could not change the team: ' + err.message); }
  };
  const rows = list => list.length ? list.map(t => el('tr', {dataset: {team: t.id}},
    el('th', {scope: 'row'}, t.name, t.disabled ? [' ', el('span', {class: 'badge disabled'}, 'disabled')] : null,
      t.benchmark ? [' ', el('span', {class: 'badge benchmark'}, 'benchmark')] : null),
    el('td', {class: 'num'}, t.id), el('td', {class: 'hide-sm'}, timeEl(t.created_at)),
    el('td', {}, el('div', {class: 'row'},
      t.disabled ? act('Enable', change(t, 'enable', 'POST', `Team “${t.name}” enabled.`))
        : act('Disable', change(t, 'disable', 'POST', `Team “${t.name}” disabled: its uploads are refused and its rows are off the boards.`), 'btn small danger'),
      act(t.benchmark ? 'Unmark benchmark' : 'Mark benchmark', change(t, 'benchmark', t.benchmark ? 'DELETE' : 'PUT',
        `Team “${t.name}” ${t.benchmark ? 'is no longer' : 'is now'} a benchmark row.`)),
      act('New token', async () => {
        if (!confirm(`Give “${t.name}” a new token? The old one stops working at once.`)) return;
        try { showToken(`New token of “${t.name}”, shown only this once (the old one no longer works): `,
          await api(`/api/admin/teams/${t.id}/token`, {...A, method: 'POST'})); refreshAudit(); }
        catch (err) { say('error', 'Could not replace the token: ' + err.message); }
      }))))) : [el('tr', {}, el('td', {colspan: 4, class: 'empty'}, 'No teams yet.'))];
  const body = el('tbody', {}, rows(teams));
  return el('section', {class: 'card'}, el('h2', {}, 'Teams and tokens'), form,
    el('p', {class: 'small muted'}, 'A team’s token is shown once, when it is created or replaced; the server keeps only its hash.'),
    el('div', {class: 'table-wrap'}, el('table', {id: 'teams-table'}, el('caption', {class: 'sr-only'}, 'Teams'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Team'), el('th', {scope: 'col', class: 'num'}, 'Id'),
        el('th', {scope: 'col', class: 'hide-sm'}, 'Created'), el('th', {scope: 'col'}, 'Actions'))), body)));
}

/** The settings a host may change while the competition runs: effective at once, kept across restarts. */
async function settingsCard(comps, say) {
  if (!comps.length) return null;
  const pick = el('select', {id: 'settings-competition'}, comps.map(c => el('option', {value: c.id}, c.title || c.id)));
  const f = {
    title: el('input', {type: 'text', id: 'set-title', maxlength: 200}),
    description: el('textarea', {id: 'set-description', rows: 2, maxlength: 4000}),
    deadline: el('input', {type: 'text', id: 'set-deadline', placeholder: '2026-12-31T23:59:00Z (empty: none)', size: 28}),
    daily_limit: el('input', {type: 'number', id: 'set-daily-limit', min: 1}),
    final_picks: el('input', {type: 'number', id: 'set-final-picks', min: 1}),
    feedback: el('select', {id: 'set-feedback'}, ['scores', 'breakdown', 'full'].map(v => el('option', {value: v}, v))),
    registration_code: el('input', {type: 'text', id: 'set-registration', placeholder: 'empty: no registration on the site', size: 28}),
  };
  async function fill() {
    const c = await api('/api/admin/competitions/' + encodeURIComponent(pick.value), A);
    f.title.value = c.title; f.description.value = c.description || ''; f.deadline.value = c.deadline || '';
    f.daily_limit.value = c.daily_limit; f.final_picks.value = c.final_picks; f.feedback.value = c.feedback;
    f.registration_code.value = c.registration_code || '';
  }
  pick.addEventListener('change', fill);
  const label = (input, text) => [el('label', {for: input.id}, text), input];
  const form = el('form', {id: 'settings-form'},
    el('div', {class: 'settings-form'}, label(pick, 'Competition'), label(f.title, 'Title'), label(f.description, 'Description'),
      label(f.deadline, 'Deadline (UTC)'), label(f.daily_limit, 'Daily limit'), label(f.final_picks, 'Final picks'),
      label(f.feedback, 'Feedback level'), label(f.registration_code, 'Registration code')),
    el('p', {}, el('button', {class: 'btn primary', type: 'submit'}, 'Save settings')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const body = {title: f.title.value, description: f.description.value, deadline: f.deadline.value.trim() || null,
      daily_limit: Number(f.daily_limit.value), final_picks: Number(f.final_picks.value), feedback: f.feedback.value,
      registration_code: f.registration_code.value.trim() || null};
    try {
      await api('/api/admin/competitions/' + encodeURIComponent(pick.value), {...A, method: 'PATCH', body});
      say('ok', `Settings of ${pick.value} saved: in effect now, and after a restart.`);
      refreshAudit();
    } catch (err) { say('error', 'Could not save: ' + err.message); }
  });
  await fill();
  return el('section', {class: 'card', id: 'settings-card'}, el('h2', {}, 'Competition settings'),
    el('p', {class: 'small muted'}, 'Changes take effect at once, are kept across restarts and go to the audit log.'), form);
}

/** Every submission of a competition, filtered by status and team. */
// Signs of probing rather than segmenting (a hint to look, never a verdict; the team is not told).
const PROBE_FLAGS = {
  tiny_masks: ['tiny masks', 'More than half of its masks are under 16 pixels: a grid of tiny masks probes the ground truth pixel by pixel.'],
  few_images: ['few images', 'It predicts cells on fewer than half of the test images: one-image submissions read single images\u2019 scores off the board.'],
};
function probeFlags(flags) {
  return (flags || []).map(f => el('span', {class: 'badge failed', title: PROBE_FLAGS[f]?.[1] ?? f, dataset: {flag: f}}, ' ', PROBE_FLAGS[f]?.[0] ?? f));
}

function submissionsCard(comps) {
  const pick = el('select', {id: 'subs-competition'}, comps.map(c => el('option', {value: c.id}, c.title || c.id)));
  const status = el('select', {id: 'subs-status'}, ['', 'inference_queued', 'inferring', 'queued', 'scoring', 'scored', 'failed'].map(v => el('option', {value: v}, v || 'any status')));
  const team = el('input', {type: 'text', id: 'subs-team', placeholder: 'team name or id', size: 16});
  const body = el('tbody');
  async function load() {
    const q = new URLSearchParams();
    if (status.value) q.set('status', status.value);
    if (team.value.trim()) q.set('team', team.value.trim());
    try {
      const data = await api(`/api/admin/competitions/${encodeURIComponent(pick.value)}/submissions?${q}`, A);
      body.replaceChildren(...(data.submissions.length ? data.submissions.map(s => el('tr', {dataset: {sid: s.id}},
        el('th', {scope: 'row'}, el('a', {href: '/submissions/' + s.id}, '#' + s.id)), el('td', {}, s.team),
        el('td', {class: 'mono small'}, s.file_name || '—'), el('td', {}, badge(s.status), probeFlags(s.flags)),
        el('td', {class: 'hide-sm'}, timeEl(s.created_at)),
        el('td', {class: 'num'}, fmtScore(s.public_score)), el('td', {class: 'num'}, fmtScore(s.private_score)),
        el('td', {class: 'small'}, s.error ? el('details', {}, el('summary', {}, s.error.split('\n')[1]?.trim() || s.error.split('\n')[0]),
          el('pre', {class: 'reason'}, s.error)) : '')))
        : [el('tr', {}, el('td', {colspan: 8, class: 'empty'}, 'No submissions match.'))]));
    } catch (err) { body.replaceChildren(el('tr', {}, el('td', {colspan: 8}, notice('error', err.message)))); }
  }
  [pick, status].forEach(x => x.addEventListener('change', load));
  team.addEventListener('input', () => { clearTimeout(team.timer); team.timer = setTimeout(load, 300); });
  if (comps.length) load();
  return el('section', {class: 'card', id: 'submissions-admin'}, el('h2', {}, 'Submissions'),
    el('div', {class: 'controls'}, el('label', {for: 'subs-competition'}, 'Competition'), pick,
      el('label', {for: 'subs-status'}, 'Status'), status, el('label', {for: 'subs-team'}, 'Team'), team),
    el('div', {class: 'table-wrap'}, el('table', {id: 'admin-submissions'}, el('caption', {class: 'sr-only'}, 'Submissions'),
      el('thead', {}, el('tr', {}, ...['Submission', 'Team', 'File', 'Status', 'Submitted', 'Public', 'Private', 'Failure reason']
        .map((h, i) => el('th', {scope: 'col', class: i === 4 ? 'hide-sm' : i === 5 || i === 6 ? 'num' : null}, h)))), body)));
}

/** What waits and what is being scored, refreshed every 5 s. */
function queueCard() {
  const waiting = el('tbody'), scoring = el('tbody'), inference = el('tbody');
  const summary = el('p', {class: 'small muted', id: 'queue-summary'});
  const age = s => s < 90 ? s + ' s' : Math.round(s / 60) + ' min';
  async function load() {
    try {
      const q = await api('/api/admin/queue', A);
      summary.textContent = `${q.workers} scoring worker(s); ${q.scoring.length} scoring, ${q.waiting.length} waiting.`;
      scoring.replaceChildren(...(q.scoring.length ? q.scoring.map(s => el('tr', {}, el('th', {scope: 'row'}, '#' + s.id),
        el('td', {}, s.competition), el('td', {}, s.team), el('td', {}, s.worker || '—'), el('td', {class: 'num'}, age(s.scoring_seconds))))
        : [el('tr', {}, el('td', {colspan: 5, class: 'empty'}, 'Nothing is being scored.'))]));
      waiting.replaceChildren(...(q.waiting.length ? q.waiting.map(s => el('tr', {}, el('th', {scope: 'row'}, '#' + s.id),
        el('td', {}, s.competition), el('td', {}, s.team), el('td', {class: 'num'}, s.position), el('td', {class: 'num'}, age(s.waiting_seconds))))
        : [el('tr', {}, el('td', {colspan: 5, class: 'empty'}, 'Nothing waits.'))]));
      const models = q.inference || [];
      inference.replaceChildren(...(models.length ? models.map(s => el('tr', {}, el('th', {scope: 'row'}, '#' + s.id),
        el('td', {}, s.competition), el('td', {}, s.team), el('td', {}, badge(s.status)), el('td', {}, s.worker || '—'),
        el('td', {}, s.progress || '—')))
        : [el('tr', {}, el('td', {colspan: 6, class: 'empty'}, 'No model waits or runs.'))]));
    } catch (err) { summary.textContent = 'Could not load the queue: ' + err.message; }
  }
  load();
  setInterval(() => { if (document.visibilityState === 'visible') load(); }, 5000);
  const table = (id, caption, head, body) => el('div', {class: 'table-wrap', style: 'margin-top:8px'}, el('table', {id},
    el('caption', {}, caption), el('thead', {}, el('tr', {}, head.map(h => el('th', {scope: 'col'}, h)))), body));
  return el('section', {class: 'card', id: 'queue-card'}, el('h2', {}, 'Queue'), summary,
    table('queue-scoring', 'Being scored', ['Submission', 'Competition', 'Team', 'Worker', 'For'], scoring),
    table('queue-waiting', 'Waiting (fair order: least recent scoring time first)', ['Submission', 'Competition', 'Team', 'Position', 'Waiting'], waiting),
    table('queue-inference', 'Models (teams take turns)', ['Submission', 'Competition', 'Team', 'Status', 'Worker', 'Progress'], inference));
}

function competitionsCard(comps, say) {
  const act = (label, fn, cls = 'btn small') => el('button', {class: cls, type: 'button', onclick: fn}, label);
  return el('section', {class: 'card'}, el('h2', {}, 'Competitions'),
    el('div', {class: 'table-wrap'}, el('table', {id: 'competitions-table'}, el('caption', {class: 'sr-only'}, 'Competitions'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Competition'), el('th', {scope: 'col'}, 'Actions'))),
      el('tbody', {}, comps.map(c => {
        const id = encodeURIComponent(c.id);
        return el('tr', {},
          el('th', {scope: 'row'}, el('a', {href: '/competitions/' + id}, c.title || c.id), el('div', {class: 'small muted'}, c.id,
            c.revealed ? [' ', el('span', {class: 'badge private'}, 'revealed')] : null)),
          el('td', {}, el('div', {class: 'row'},
            act('Reveal private board', async () => {
              if (!confirm(`Reveal the private leaderboard of ${c.id}? This cannot be undone.`)) return;
              try { await api(`/api/admin/competitions/${id}/reveal`, {...A, method: 'POST'}); say('ok', `Private leaderboard of ${c.id} revealed.`); refreshAudit(); }
              catch (e) { say('error', 'Reveal failed: ' + e.message); }
            }, 'btn small danger'),
            act('Rescore all', async () => {
              try { const r = await api(`/api/admin/competitions/${id}/rescore`, {...A, method: 'POST'}); say('ok', `Rescoring ${c.id}: ${r?.queued ?? r?.count ?? 'all'} submissions queued.`); refreshAudit(); }
              catch (e) { say('error', 'Rescore failed: ' + e.message); }
            }),
            act('Export CSV', () => download(`/api/admin/competitions/${id}/export`, `${c.id}-export`, say)),
            act('Export JSON', () => download(`/api/admin/competitions/${id}/export?format=json`, `${c.id}-export`, say)))));
      })))));
}

async function download(path, name, say) {
  try {
    const res = await fetch(path, {headers: {Authorization: 'Bearer ' + tokens.admin()}});
    if (!res.ok) {
      const text = await res.text();
      let data = text; try { data = JSON.parse(text); } catch { /* text */ }
      throw new Error(errorMessage(data, res));
    }
    const type = res.headers.get('Content-Type') || '';
    const blob = await res.blob();
    const a = el('a', {href: URL.createObjectURL(blob), download: name + (type.includes('csv') ? '.csv' : type.includes('zip') ? '.zip' : '.json')});
    document.body.append(a);
    a.click();
    a.remove();
  } catch (e) { say('error', 'Export failed: ' + e.message); }
}

function rescoreCard(say) {
  const sid = el('input', {type: 'text', id: 'rescore-sid', inputmode: 'numeric', size: 8, required: true});
  const form = el('form', {class: 'row'}, el('label', {for: 'rescore-sid'}, 'Submission id'), sid,
    el('button', {class: 'btn', type: 'submit'}, 'Rescore'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await api(`/api/admin/submissions/${encodeURIComponent(sid.value)}/rescore`, {...A, method: 'POST'});
      refreshAudit();
      say('ok', `Submission #${sid.value} queued for rescoring; its old result stays beside the new one.`);
    } catch (err) { say('error', 'Rescore failed: ' + err.message); }
  });
  return el('section', {class: 'card'}, el('h2', {}, 'Rescore one submission'), form);
}

let refreshAudit = () => {};

function auditCard() {
  const body = el('tbody', {}, el('tr', {}, el('td', {colspan: 4, class: 'muted'}, 'Loading…')));
  const card = el('section', {class: 'card'}, el('h2', {}, 'Audit log'),
    el('p', {class: 'small muted'}, 'Every admin action, newest first. Append-only.'),
    el('div', {class: 'table-wrap'}, el('table', {id: 'audit-table'}, el('caption', {class: 'sr-only'}, 'Audit log'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'When'), el('th', {scope: 'col'}, 'Action'),
        el('th', {scope: 'col'}, 'Target'), el('th', {scope: 'col', class: 'hide-sm'}, 'Details'))), body)));
  refreshAudit = () => api('/api/admin/audit', A).then(data => {
    const list = (Array.isArray(data) ? data : data.entries || data.rows || []).slice().reverse();
    body.replaceChildren(...(list.length ? list.map(x => el('tr', {},
      el('td', {class: 'nowrap'}, timeEl(x.at ?? x.time ?? x.created_at, false)), el('td', {}, x.action),
      el('td', {}, x.target ?? x.competition ?? ''),
      el('td', {class: 'hide-sm small mono'}, detailText(x.detail ?? x.details))))
      : [el('tr', {}, el('td', {colspan: 4, class: 'empty'}, 'No admin actions yet.'))]));
  }).catch(e => body.replaceChildren(el('tr', {}, el('td', {colspan: 4}, notice('error', 'Could not load the audit log: ' + e.message)))));
  refreshAudit();
  return card;
}

function detailText(d) {
  if (d === null || d === undefined) return '';
  if (typeof d !== 'object') return String(d);
  return Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
}

main();
