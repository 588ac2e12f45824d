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
