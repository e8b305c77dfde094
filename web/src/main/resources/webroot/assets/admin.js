import {el, api, header, show, notice, tokens, timeEl, fmtScore, errorMessage} from './app.js';

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
    rescoreCard(say),
    auditCard());
}

function teamsCard(teams, say) {
  const name = el('input', {type: 'text', id: 'team-name', required: true, maxlength: 100});
  const form = el('form', {class: 'row', style: 'margin-bottom:12px'}, el('label', {for: 'team-name'}, 'New team'), name,
    el('button', {class: 'btn primary', type: 'submit'}, 'Create'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const t = await api('/api/admin/teams', {...A, method: 'POST', body: {name: name.value}});
      say('ok', `Team “${t.name ?? name.value}” created. Its token, shown only this once: `, el('div', {class: 'token', id: 'new-team-token'}, t.token));
      refreshAudit();
      name.value = '';
      const list = await api('/api/admin/teams', A);
      body.replaceChildren(...rows(Array.isArray(list) ? list : list.teams || []));
    } catch (err) { say('error', 'Could not create the team: ' + err.message); }
  });
  const rows = list => list.length ? list.map(t => el('tr', {},
    el('th', {scope: 'row'}, t.name), el('td', {class: 'num'}, t.id ?? ''), el('td', {class: 'hide-sm'}, timeEl(t.created ?? t.created_at)),
    el('td', {class: 'small muted'}, t.token_hint ?? t.token_prefix ?? 'stored hashed'))) : [el('tr', {}, el('td', {colspan: 4, class: 'empty'}, 'No teams yet.'))];
  const body = el('tbody', {}, rows(teams));
  return el('section', {class: 'card'}, el('h2', {}, 'Teams and tokens'), form,
    el('p', {class: 'small muted'}, 'A team\u2019s token is shown once, when the team is created; the server keeps only its hash.'),
    el('div', {class: 'table-wrap'}, el('table', {id: 'teams-table'}, el('caption', {class: 'sr-only'}, 'Teams'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Team'), el('th', {scope: 'col', class: 'num'}, 'Id'),
        el('th', {scope: 'col', class: 'hide-sm'}, 'Created'), el('th', {scope: 'col'}, 'Token'))), body)));
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
