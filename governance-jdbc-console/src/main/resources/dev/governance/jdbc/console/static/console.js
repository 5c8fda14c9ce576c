// governance-jdbc review console: live approvals (server-sent events) and ages. The server renders and escapes
// every card; this script only places them.
(function () {
  'use strict';

  function ago(created) {
    var seconds = (Date.now() - Date.parse(created)) / 1000;
    if (!(seconds >= 60)) { return 'just now'; }
    if (seconds < 3600) { return Math.floor(seconds / 60) + ' min ago'; }
    if (seconds < 172800) { return Math.floor(seconds / 3600) + ' h ago'; }
    return Math.floor(seconds / 86400) + ' days ago';
  }

  function refreshAges() {
    document.querySelectorAll('article.request[data-created]').forEach(function (card) {
      var age = card.querySelector('.age');
      if (age) { age.textContent = ago(card.getAttribute('data-created')); }
    });
  }

  function showEmpty() {
    var list = document.getElementById('pending');
    var empty = document.getElementById('empty');
    if (list && empty) {
      empty.hidden = list.querySelector('article.request:not(.decided)') !== null;
    }
  }

  function live() {
    var list = document.getElementById('pending');
    if (!list || !window.EventSource) { return; }
    var source = new EventSource('/approvals/events');
    source.addEventListener('request', function (e) {
      var m = JSON.parse(e.data);
      if (document.getElementById('req-' + m.id)) { return; }
      list.insertAdjacentHTML('afterbegin', m.html);
      var card = list.firstElementChild;
      if (card) { card.classList.add('arrived'); }
      showEmpty();
    });
    source.addEventListener('decided', function (e) {
      var m = JSON.parse(e.data);
      var card = document.getElementById('req-' + m.id);
      if (!card) { return; }
      card.classList.add('decided');
      var status = card.querySelector('.status');
      if (status) { status.textContent = m.status; }
      var form = card.querySelector('form.decide');
      if (form) { form.remove(); }
      showEmpty();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    live();
    refreshAges();
    setInterval(refreshAges, 30000);
  });
}());
