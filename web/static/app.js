// Keyboard shortcuts. Triage queue: j/k move, Enter opens, x selects. Alert page: c confirm,
// x dismiss, e escalate, n note, u back to the queue. Anywhere: g then t/w/d goes
// to Triage, Watchlists, Digest.
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-href]'));
  var at = rows.length ? 0 : -1;
  function select(i) {
    if (!rows.length) return;
    at = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, k) { r.classList.toggle('selected', k === at); });
    rows[at].scrollIntoView({ block: 'nearest' });
  }
  if (rows.length) select(0);
  var pendingG = false;
  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    // Typing goes to the field; a ticked checkbox or a pressed button keeps the keys working.
    var typing = t && (t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || (t.tagName === 'INPUT' && !/^(checkbox|radio|button|submit)$/.test(t.type)));
    if (typing) return;
    var k = ev.key;
    if (pendingG) {
      pendingG = false;
      var link = document.querySelector('nav a[data-key="' + k + '"]');
      if (link) { ev.preventDefault(); link.click(); }
      return;
    }
    if (k === 'g') { pendingG = true; return; }
    if (rows.length) {
      if (k === 'j') { ev.preventDefault(); select(at + 1); return; }
      if (k === 'k') { ev.preventDefault(); select(at - 1); return; }
      if (k === 'Enter' && at >= 0) { ev.preventDefault(); window.location.href = rows[at].getAttribute('data-href'); return; }
      // The queue: x selects the current alert for a decision on several at once.
      var box = at >= 0 ? rows[at].querySelector('input[type=checkbox]') : null;
      if (k === 'x' && box) { ev.preventDefault(); box.checked = !box.checked; return; }
    }
    var button = document.querySelector('[data-shortcut="' + k + '"]');
    if (button) {
      ev.preventDefault();
      if (button.tagName === 'TEXTAREA' || button.tagName === 'INPUT') button.focus();
      else button.click();
    }
  });
})();
