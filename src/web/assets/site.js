/* Epirank progressive enhancement. Everything works without this script. */
(function () {
  'use strict';

  /** Writes a message into the share nav's live region, if it has one. */
  function announce(link, message) {
    const nav = link.closest('nav.share');
    const status = nav ? nav.querySelector('.copy-status') : null;
    if (status) status.textContent = message;
  }

  /** Copies the link's URL instead of following it. */
  function onCopyClick(event) {
    const link = event.currentTarget;
    event.preventDefault();
    announce(link, '');
    navigator.clipboard.writeText(link.dataset.copyUrl).then(
      () => announce(link, 'Link copied'),
      () => announce(link, 'Copy failed — use the address bar'),
    );
  }

  /** Turns "Copy link" into a clipboard copy where the Clipboard API exists. */
  function enhanceCopyLinks(root) {
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return;
    root.querySelectorAll('a.copy-link[data-copy-url]').forEach((link) => {
      link.addEventListener('click', onCopyClick);
    });
  }

  function init() {
    enhanceCopyLinks(document);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
