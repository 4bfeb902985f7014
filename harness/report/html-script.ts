/**
 * The report's only script, inlined: opens failed tests, filters tests by outcome or feature,
 * and marks the document ready (tests read `data-ready` from the DOM after the script ran).
 */
export const HTML_SCRIPT = `
(function () {
  'use strict';
  var tests = Array.prototype.slice.call(document.querySelectorAll('details.test'));
  var buttons = Array.prototype.slice.call(document.querySelectorAll('#filters button[data-filter]'));
  var featureRows = Array.prototype.slice.call(document.querySelectorAll('tr[data-feature]'));
  var status = document.getElementById('filter-status');
  var state = { outcome: 'all', feature: '' };

  function apply() {
    var shown = 0;
    tests.forEach(function (test) {
      var features = (test.getAttribute('data-features') || '').split(' ');
      var visible = (state.outcome === 'all' || test.getAttribute('data-column') === state.outcome) &&
        (state.feature === '' || features.indexOf(state.feature) >= 0);
      test.hidden = !visible;
      if (visible) shown += 1;
    });
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-filter') === state.outcome)); });
    featureRows.forEach(function (r) { r.classList.toggle('selected', r.getAttribute('data-feature') === state.feature); });
    if (status) {
      status.textContent = 'Showing ' + shown + ' of ' + tests.length + ' tests' + (state.feature ? ' needing ' + state.feature : '');
    }
  }

  buttons.forEach(function (b) {
    b.addEventListener('click', function () { state.outcome = b.getAttribute('data-filter') || 'all'; apply(); });
  });
  featureRows.forEach(function (r) {
    r.addEventListener('click', function () {
      var feature = r.getAttribute('data-feature') || '';
      state.feature = state.feature === feature ? '' : feature;
      apply();
      document.getElementById('tests').scrollIntoView();
    });
  });
  tests.forEach(function (test) { if (test.getAttribute('data-outcome') === 'failed') test.open = true; });
  function openFromHash() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
  apply();
  document.documentElement.setAttribute('data-ready', 'true');
})();
`;
