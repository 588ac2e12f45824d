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
  if (event.target.closest('[data-print-now]')) {
    window.print();
  }
});

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
