// The competition page: Overview, Data, Evaluation, Rules (the host's texts, rendered safely by the server) and the
// Leaderboard (public; private after the reveal with the rank changes; the best scores over time).
import {el, api, header, show, notice, fmtScore, fmtCount, fmtTime, ciOf, ciText, timeEl, pathParts, sortableTable, tokens, myTeam, copyButton} from './app.js';
import {historyChart} from './charts.js';

const id = pathParts()[1];
header('leaderboard', id);
const content = document.getElementById('content');
const base = '/api/competitions/' + encodeURIComponent(id);
const TABS = [['leaderboard', 'Leaderboard'], ['overview', 'Overview'], ['data', 'Data'], ['evaluation', 'Evaluation'], ['rules', 'Rules']];

function tab() {
  const t = location.hash.slice(1);
  return TABS.some(([k]) => k === t) ? t : 'leaderboard';
}

function tabBar(current) {
  return el('nav', {class: 'tabs', 'aria-label': 'Competition', id: 'tabs'}, TABS.map(([key, label]) =>
    el('a', {href: '#' + key, id: 'tab-' + key, 'aria-current': key === current ? 'page' : null}, label)));
}

function rankMove(r) {
  if (r.public_rank === undefined || r.public_rank === null) return el('span', {class: 'move same'}, 'new');
  const d = r.public_rank - r.rank;
  return d > 0 ? el('span', {class: 'move up', title: `up ${d} from public rank ${r.public_rank}`}, `▲ ${d}`)
    : d < 0 ? el('span', {class: 'move down', title: `down ${-d} from public rank ${r.public_rank}`}, `▼ ${-d}`)
    : el('span', {class: 'move same', title: 'same rank as on the public board'}, '=');
}

function boardTable(rows, caption, privateBoard, mine) {
  const table = el('table', {id: privateBoard ? 'private-leaderboard' : 'leaderboard'}, el('caption', {class: 'sr-only'}, caption));
  const t = sortableTable(table, [
    {key: 'rank', label: 'Rank', className: 'rank-col', render: r => el('span', {class: 'rank r' + r.rank}, r.rank)},
    ...(privateBoard ? [{key: 'move', label: 'vs public', value: r => (r.public_rank ?? 1e9) - r.rank, render: rankMove}] : []),
    {key: 'team', label: 'Team', className: 'team', render: r => el('span', {}, el('strong', {}, r.team),
      r.benchmark ? [' ', el('span', {class: 'badge benchmark', title: 'A reference row set by the host'}, 'benchmark')] : null)},
    {key: 'score', label: privateBoard ? 'Private score' : 'Score', num: true, render: r => {
      const ci = ciOf(r);
      return el('span', {}, el('span', {class: 'score'}, fmtScore(r.score)),
        ci ? el('br') : null, ci ? el('span', {class: 'ci'}, ciText(ci)) : null);
    }},
    ...(privateBoard ? [{key: 'public_score', label: 'Public score', num: true, className: 'hide-sm', render: r => fmtScore(r.public_score)}] : []),
    {key: 'entries', label: 'Entries', num: true},
    {key: 'last', label: 'Last', className: 'hide-sm', render: r => timeEl(r.last), value: r => r.last},
  ], {sortKey: 'rank', rowAttrs: r => ({class: mine && r.team === mine ? 'mine' : null, 'aria-current': mine && r.team === mine ? 'true' : null})});
  t.render(rows);
  return el('div', {class: 'table-wrap'}, table);
}

async function leaderboard(c) {
  const mine = (await myTeam())?.name;
  const board = await api(base + '/leaderboard');
  const parts = [el('div', {style: 'margin-bottom:18px'}, el('div', {class: 'grid stats'},
    stat('Teams', fmtCount(board.rows.filter(r => !r.benchmark).length)), // benchmark rows are no team
    stat('Public images', fmtCount(c.public_images)),
    stat('Daily limit', fmtCount(c.daily_limit), 'scored submissions per day'),
    stat('Deadline', c.deadline ? fmtTime(c.deadline) : 'none')))];
  if (c.feedback_text) parts.push(el('p', {class: 'small', id: 'feedback-level'}, el('strong', {}, 'Feedback: '), c.feedback_text));
  let privateRows = null;
  if (c.revealed) {
    try { privateRows = (await api(base + '/leaderboard/private')).rows; } catch { /* hidden */ }
  }
  if (privateRows) {
    parts.push(el('section', {class: 'card', id: 'private-card'},
      el('div', {class: 'row'}, el('h2', {}, 'Private leaderboard ', el('span', {class: 'badge private'}, 'revealed')), el('span', {class: 'spacer'}),
        el('a', {class: 'btn small', href: base + '/leaderboard/private?format=csv', download: id + '-private-leaderboard.csv'}, 'Download CSV')),
      el('p', {class: 'muted small'}, 'Final picks ranked on the Private images; “vs public” is the move from the team\u2019s public rank (the shake-up).'),
      boardTable(privateRows, 'Private leaderboard', true, mine)));
  }
  parts.push(el('section', {class: 'card'},
    el('div', {class: 'row'}, el('h2', {}, 'Public leaderboard'), el('span', {class: 'spacer'}),
      el('a', {class: 'btn small', href: base + '/leaderboard?format=csv', download: id + '-leaderboard.csv'}, 'Download CSV'),
      el('a', {class: 'btn small primary', href: `/competitions/${encodeURIComponent(id)}/team`}, 'Submit')),
    el('p', {class: 'muted small'}, 'Each team\u2019s best submission on the Public images, with the 95% bootstrap interval of its score.',
      privateRows ? '' : ' The private leaderboard stays hidden until the host reveals it.'),
    board.rows.length ? boardTable(board.rows, 'Public leaderboard', false, mine)
      : el('p', {class: 'empty'}, 'No scored submissions yet. Be the first.')));
  const history = await api(base + '/leaderboard/history').catch(() => null);
  if (history?.teams?.length) {
    parts.push(el('section', {class: 'card', id: 'history-card'}, el('h2', {}, 'Best public score over time'),
      el('p', {class: 'muted small'}, `The top ${history.teams.length} teams: each line steps up when a submission beats the team\u2019s best.`),
      historyChart(history.teams)));
  }
  return parts;
}

async function texts(part, c) {
  const t = await api(base + '/texts');
  const prose = el('div', {class: 'card prose', id: 'text-' + part});
  prose.innerHTML = t[part].html; // rendered by the server with the host's HTML escaped and links sanitized
  const parts = [prose];
  if (part === 'data') parts.push(await files());
  if (part === 'overview' && c.registration) parts.push(registration());
  if (part === 'evaluation' && c.what_teams_see) parts.push(whatTeamsSee(c));
  if ((part === 'evaluation' || part === 'rules') && c.ladder_step) parts.push(ladder(c));
  return parts;
}

// What a team gets per submission at each feedback level and image part, the current level marked.
function whatTeamsSee(c) {
  const cols = [['feedback', `Feedback images (${c.feedback_images ?? 0}, on no board)`], ['public', `Public images (${c.public_images})`],
    ['private', `Private images (${c.private_images}), before the reveal`], ['private_revealed', 'Private images, after the reveal']];
  return el('section', {class: 'card', id: 'what-teams-see'}, el('h2', {}, 'What you see of each submission'),
    el('p', {class: 'small muted'}, 'Every level shows the scores. A number per predicted cell (its best IoU, whether it matched) tells where the hidden cells lie: a submission of one-pixel masks would read the ground truth off it. So such numbers appear only on the Feedback images, a part of the test set that counts on no leaderboard: probing them gains nothing, and they show how your predictions fare in full detail.'),
    el('div', {class: 'table-wrap'}, el('table', {class: 'small', id: 'what-teams-see-table'},
      el('caption', {class: 'sr-only'}, 'What a team sees per feedback level and image part'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Level'), cols.map(([, label]) => el('th', {scope: 'col'}, label)))),
      el('tbody', {}, c.what_teams_see.map(r => el('tr', {class: r.current ? 'mine' : null, 'aria-current': r.current ? 'true' : null},
        el('th', {scope: 'row'}, r.level, r.current ? ' (this competition)' : ''), cols.map(([key]) => el('td', {}, r[key]))))))));
}

function ladder(c) {
  return el('p', {class: 'card small', id: 'ladder-rule'}, el('strong', {}, 'Ladder rule: '),
    `a new public score is shown only when it beats your best shown score by more than ${c.ladder_step}; otherwise your best is shown again (Blum & Hardt, 2015). Until the reveal, public scores come without their interval and Public images without their rows.`);
}

async function files() {
  const list = (await api(base + '/files')).files;
  const kb = n => n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : (n / 1024).toFixed(1) + ' KB';
  return el('section', {class: 'card', id: 'files-card'}, el('h2', {}, 'Files'),
    list.length ? el('div', {class: 'table-wrap'}, el('table', {id: 'files-table'}, el('caption', {class: 'sr-only'}, 'Files to download'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'File'), el('th', {scope: 'col', class: 'num'}, 'Size'))),
      el('tbody', {}, list.map(f => el('tr', {}, el('th', {scope: 'row'}, el('a', {href: f.url, download: f.name}, f.name)),
        el('td', {class: 'num'}, kb(f.bytes)))))))
      : el('p', {class: 'empty'}, 'The host offers no files for this competition.'));
}

function registration() {
  const name = el('input', {type: 'text', id: 'register-name', required: true, maxlength: 100});
  const code = el('input', {type: 'text', id: 'register-code', required: true, autocomplete: 'off'});
  const out = el('div', {'aria-live': 'polite', id: 'register-result'});
  const form = el('form', {class: 'card', id: 'register-form', style: 'max-width:560px'}, el('h2', {}, 'Register a team'),
    el('p', {class: 'small muted'}, 'With the registration code the host gave you. Your team\u2019s token is shown once: keep it.'),
    el('div', {class: 'field'}, el('label', {for: 'register-name'}, 'Team name'), name),
    el('div', {class: 'field'}, el('label', {for: 'register-code'}, 'Registration code'), code),
    el('button', {class: 'btn primary', type: 'submit'}, 'Register'), out);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const t = await api(base + '/register', {method: 'POST', body: {name: name.value, code: code.value}});
      tokens.setTeam(t.token);
      show(out, notice('ok', `Team “${t.name}” registered and signed in. Its token, shown only this once: `,
        el('div', {class: 'token-row'}, el('code', {class: 'token', id: 'registered-token'}, t.token), copyButton(t.token)),
        el('a', {href: `/competitions/${encodeURIComponent(id)}/team`}, 'Go to your team page')));
      header('leaderboard', id);
    } catch (err) { show(out, notice('error', 'Registration failed: ' + err.message)); }
  });
  return form;
}

async function load() {
  let c;
  try {
    c = await api(base);
  } catch (e) {
    show(content, notice('error', e.status === 404 ? `No competition "${id}".` : 'Could not load the competition: ' + e.message));
    return;
  }
  document.getElementById('title').textContent = c.title || id;
  document.title = (c.title || id) + ' · CellArena';
  document.getElementById('description').textContent = c.description || '';
  const current = tab();
  try {
    show(content, tabBar(current), current === 'leaderboard' ? await leaderboard(c) : await texts(current, c));
  } catch (e) {
    show(content, tabBar(current), notice('error', 'Could not load this part: ' + e.message));
  }
}

function stat(label, value, sub) {
  return el('div', {class: 'stat'}, el('div', {class: 'label'}, label), el('div', {class: 'value'}, value),
    sub ? el('div', {class: 'sub'}, sub) : null);
}

window.addEventListener('hashchange', load);
await load();
// Keep the board current while the page is open (every 30 s, only when the tab is visible).
setInterval(() => { if (document.visibilityState === 'visible' && tab() === 'leaderboard') load(); }, 30000);
