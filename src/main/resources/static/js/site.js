// Small enhancements only: every link here works without JavaScript too.
document.addEventListener('click', async (event) => {
  const copy = event.target.closest('[data-copy-url]');
  if (copy) {
    // Without JavaScript the link simply opens the article's canonical address.
    event.preventDefault();
    const status = copy.closest('.share-bar')?.querySelector('.share-status');
    try {
      await navigator.clipboard.writeText(copy.dataset.copyUrl);
      if (status) status.textContent = copy.dataset.copiedLabel;
      copy.classList.add('copied');
    } catch (e) {
      if (status) status.textContent = copy.dataset.copyFailedLabel;
    }
    return;
  }
  const share = event.target.closest('[data-share-url]');
  if (share && navigator.share) {
    try {
      await navigator.share({title: share.dataset.shareTitle, url: share.dataset.shareUrl});
    } catch (e) {
      // The reader closed the sheet, or the browser refused: the links beside it still work.
    }
    return;
  }
  if (event.target.closest('[data-print-now]')) {
    window.print();
  }
});

// The phone's own share sheet, where the browser has one (the Web Share API); hidden otherwise.
if (navigator.share) {
  document.querySelectorAll('.share-native-item').forEach((item) => { item.hidden = false; });
}

// The editors' desk: a proposed keyword or a found related article is added to its field with
// one click (the field stays plain text, so the page works without this script too).
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-add-keyword], [data-add-related]');
  if (!button) return;
  var keyword = button.getAttribute('data-add-keyword');
  var field = document.getElementById(keyword !== null ? 'f-keywords' : 'f-related');
  if (!field) return;
  var value = keyword !== null ? keyword : button.getAttribute('data-add-related');
  var separator = keyword !== null ? '、' : ' ';
  var parts = field.value.split(keyword !== null ? /[、,，\n]/ : /[\s,，、]+/).map(function (p) { return p.trim(); });
  if (parts.indexOf(value) < 0) {
    field.value = field.value.trim() ? field.value.trim() + separator + value : value;
    field.dispatchEvent(new Event('input', {bubbles: true}));
  }
  button.disabled = true;
});

// The article editor: upload a figure without leaving the page and insert its line where the
// cursor is in the body. Without this script the link to /editor/figures does the same job.
(function () {
  var box = document.querySelector('[data-figure-upload]');
  if (!box) return;
  var inline = box.querySelector('fieldset');
  inline.hidden = false;
  box.querySelector('[data-figure-send]').addEventListener('click', function () {
    var file = box.querySelector('[data-figure-file]').files[0];
    var status = box.querySelector('[data-figure-status]');
    var token = document.querySelector('#article-form input[name=_csrf]');
    if (!file) { status.textContent = box.getAttribute('data-no-file'); return; }
    var data = new FormData();
    data.append('file', file);
    data.append('caption', box.querySelector('[data-figure-caption]').value);
    data.append('credit', box.querySelector('[data-figure-credit]').value);
    status.textContent = box.getAttribute('data-sending');
    fetch('/editor/figures', {method: 'POST', body: data, credentials: 'same-origin',
      headers: {'Accept': 'application/json', 'X-CSRF-TOKEN': token ? token.value : ''}})
      .then(function (response) { return response.json().then(function (json) { return {ok: response.ok, json: json}; }); })
      .then(function (answer) {
        if (!answer.ok) { status.textContent = answer.json.detail || answer.json.title; return; }
        var body = document.getElementById('f-body');
        var at = body.selectionStart || body.value.length;
        var before = body.value.slice(0, at).replace(/\s*$/, '');
        var after = body.value.slice(at).replace(/^\s*/, '');
        body.value = (before ? before + '\n\n' : '') + answer.json.markup + (after ? '\n\n' + after : '');
        body.dispatchEvent(new Event('input', {bubbles: true}));
        status.textContent = box.getAttribute('data-inserted') || '';
      })
      .catch(function () { status.textContent = box.getAttribute('data-failed'); });
  });
})();
