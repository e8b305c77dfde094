import {el, api, header, show, notice, fmtTime, fmtCount} from './app.js';

header('home');
const content = document.getElementById('content');

try {
  const data = await api('/api/competitions');
  const list = Array.isArray(data) ? data : (data.competitions || []);
  if (!list.length) {
    show(content, el('p', {class: 'empty'}, 'No competitions are served yet. Start the server with --competition DIR.'));
  } else {
    show(content, el('div', {class: 'comp-list'}, list.map(c => {
      const href = '/competitions/' + encodeURIComponent(c.id);
      const closed = c.deadline && new Date(c.deadline) < new Date();
      return el('article', {class: 'card'},
        el('h2', {}, el('a', {href}, c.title || c.id)),
        el('p', {class: 'muted', style: 'margin:0'}, c.description || ''),
        el('div', {class: 'meta'},
          el('span', {}, `${fmtCount(c.public_images)} public · ${fmtCount(c.private_images)} private images`),
          el('span', {}, `${fmtCount(c.daily_limit)} submissions a day`),
          el('span', {}, c.deadline ? (closed ? 'closed ' : 'closes ') + fmtTime(c.deadline) : 'no deadline'),
          c.revealed ? el('span', {class: 'badge private'}, 'private board revealed') : null),
        el('div', {class: 'row', style: 'margin-top:auto'},
          el('a', {class: 'btn primary', href}, 'Leaderboard'),
          el('a', {class: 'btn', href: href + '/team'}, 'Submit')));
    })));
  }
} catch (e) {
  show(content, notice('error', 'Could not load the competitions: ' + e.message));
}
