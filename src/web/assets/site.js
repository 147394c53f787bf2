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


  // ---- Voting --------------------------------------------------------------------------------
  // Choosing a rating sends it after a short pause, so keyboard users can arrow along the scale
  // without casting a vote at every step. Requests from one form go out one at a time, in order.
  const SUBMIT_DELAY_MS = 350;

  function formatVotes(count) {
    return count.toLocaleString('en-US') + (count === 1 ? ' vote' : ' votes');
  }

  function setStatus(form, message) {
    const status = form.querySelector('.vote-status');
    if (status) status.textContent = message;
  }

  /** Shows the voter's own rating in the form: checked radio, button labels, status. */
  function showOwnRating(form, rating) {
    form.querySelectorAll('input[name="rating"]').forEach((input) => {
      input.checked = rating !== null && Number(input.value) === rating;
    });
    const withdraw = form.querySelector('.vote-withdraw');
    if (withdraw) withdraw.hidden = rating === null;
    const submit = form.querySelector('.vote-submit');
    if (submit) submit.textContent = rating === null ? 'Rate' : 'Change rating';
    setStatus(form, rating === null ? 'Your rating was removed.' : 'Saved: you rated it ' + rating + '.');
  }

  /** Updates one card's or page's numbers; false when it has no numbers yet (first vote). */
  function updateNumbers(container, episode) {
    const average = container.querySelector('.average-value');
    if (!average || episode.average === null) return false;
    average.textContent = episode.average;
    container.querySelector('.votes').textContent = formatVotes(episode.votes);
    container.querySelector('.fan-score-value').textContent = episode.fanScore;
    const score = container.querySelector('.score');
    let few = score.querySelector('.few-votes');
    if (episode.fewVotes && !few) {
      few = document.createElement('p');
      few.className = 'few-votes';
      few.textContent = 'Few votes';
      score.appendChild(few);
    } else if (!episode.fewVotes && few) {
      few.remove();
    }
    const rank = container.querySelector('.rank');
    if (rank && episode.rank !== null) rank.lastChild.textContent = '#' + episode.rank;
    container.dataset.average = episode.average;
    container.dataset.votes = String(episode.votes);
    if (episode.rank !== null) container.dataset.rank = String(episode.rank);
    return true;
  }

  /**
   * The indexes of a longest strictly increasing run in `values` (not necessarily adjacent), found
   * in n log n: `tails[k]` ends the lowest-ending run of length k + 1 seen so far.
   */
  function longestIncreasingRun(values) {
    const tails = [];
    const before = new Array(values.length);
    values.forEach((value, i) => {
      let low = 0;
      let high = tails.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (values[tails[middle]] < value) low = middle + 1;
        else high = middle;
      }
      before[i] = low > 0 ? tails[low - 1] : -1;
      tails[low] = i;
    });
    const run = new Set();
    for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i !== -1; i = before[i]) run.add(i);
    return run;
  }

  /**
   * Puts the list's items in the wanted order by moving as few as possible: the longest run that is
   * already in order stays put and only the others are moved (usually just the voted card).
   * Re-adding every item instead let the browser's scroll anchoring throw the reader thousands of
   * pixels up the page.
   */
  function reorder(list, wanted) {
    const position = new Map(Array.from(list.children).map((li, i) => [li, i]));
    const stays = longestIncreasingRun(wanted.map((li) => position.get(li)));
    // From the end: everything after `next` is already in place, so each mover goes right before it.
    let next = null;
    for (let i = wanted.length - 1; i >= 0; i--) {
      if (!stays.has(i)) list.insertBefore(wanted[i], next);
      next = wanted[i];
    }
  }

  /** Re-numbers and re-orders a ranked list; false when episodes joined or left it. */
  function updateRanking(list, ranking) {
    const items = new Map();
    list.querySelectorAll(':scope > li').forEach((li) => {
      const card = li.querySelector('article.episode');
      if (card) items.set(card.dataset.episodeId, li);
    });
    const ids = ranking.episodes.map((e) => String(e.id));
    if (ids.length !== items.size || !ids.every((id) => items.has(id))) return false;
    ranking.episodes.forEach((episode) => updateNumbers(items.get(String(episode.id)).querySelector('article.episode'), episode));
    reorder(list, ids.map((id) => items.get(id)));
    return true;
  }

  function updateEpisodePage(page, episode) {
    if (!updateNumbers(page, episode)) return false;
    const seasonRank = page.querySelector('.season-rank');
    if (seasonRank) seasonRank.textContent = episode.seasonRank ? '#' + episode.seasonRank.rank + ' of ' + episode.seasonRank.of : 'Not yet rated';
    const showRank = page.querySelector('.show-rank');
    if (showRank) showRank.textContent = episode.showRank ? '#' + episode.showRank.rank + ' of ' + episode.showRank.of : 'Not yet rated';
    const rows = page.querySelectorAll('table.histogram tbody tr');
    if (rows.length !== 10) return episode.votesHere === 0;
    page.querySelector('.histogram-shown').textContent = formatVotes(episode.votesHere);
    const total = page.querySelector('.histogram-total');
    if (total) total.textContent = episode.votes.toLocaleString('en-US');
    const largest = Math.max(1, ...episode.histogram);
    rows.forEach((row) => {
      const count = episode.histogram[Number(row.dataset.rating) - 1];
      row.querySelector('.histogram-count').textContent = String(count);
      row.querySelector('.histogram-bar').style.width = ((100 * count) / largest).toFixed(1) + '%';
    });
    return true;
  }

  /** Scrolls so that `element` is back at `top` in the viewport, where the reader last saw it. */
  function keepInPlace(element, top) {
    const drift = element.getBoundingClientRect().top - top;
    if (drift !== 0) window.scrollBy({ top: drift, behavior: 'instant' });
  }

  function isGone(element) {
    return !document.contains(element) || element.closest('[hidden]') !== null;
  }

  /**
   * Gives focus back after the page changed under it: to the same control when it is still there
   * (moving a list item blurs what is inside it), else to the form's first rating, since "Remove
   * my rating" hides itself once pressed and focus would otherwise fall to the page body.
   */
  function restoreFocus(form, focused) {
    if (!focused || focused === document.body) return;
    const target = !isGone(focused) ? focused : form.contains(focused) ? form.querySelector('input[name="rating"]') : null;
    if (target && target !== document.activeElement) target.focus({ preventScroll: true });
  }

  /** Applies a vote's answer to the page, or reloads it when its structure changed. */
  function applyResult(form, result) {
    const focused = document.activeElement;
    // The voted entry stays where it is on screen, however the ranking around it moves.
    const entry = form.closest('ol.ranking > li') || form;
    const top = entry.getBoundingClientRect().top;
    showOwnRating(form, result.yourRating);
    const episodePage = form.closest('article.episode-page');
    const list = document.querySelector('ol.ranking');
    const updated = episodePage
      ? updateEpisodePage(episodePage, result.episode)
      : list
        ? updateRanking(list, result.ranking)
        : false;
    // A first vote (or a last one withdrawn) moves an episode in or out of the ranking: redraw.
    if (!updated) {
      window.location.reload();
      return;
    }
    keepInPlace(entry, top);
    restoreFocus(form, focused);
  }

  async function sendVote(form, action) {
    const body = new URLSearchParams(new FormData(form));
    body.set('action', action);
    form.setAttribute('aria-busy', 'true');
    setStatus(form, 'Saving…');
    try {
      // Not form.action: the buttons named "action" shadow that property.
      const response = await fetch(form.getAttribute('action'), {
        method: 'POST',
        body,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      const result = await response.json().catch(() => null);
      if (!response.ok || !result) {
        setStatus(form, (result && result.detail) || 'Your vote could not be saved. Please try again.');
        return;
      }
      applyResult(form, result);
    } catch (error) {
      setStatus(form, 'Your vote could not be sent. Check your connection and try again.');
    } finally {
      form.removeAttribute('aria-busy');
    }
  }

  function enhanceVoteForm(form) {
    let timer = null;
    let queue = Promise.resolve();
    const enqueue = (action) => {
      queue = queue.then(() => sendVote(form, action));
    };
    form.addEventListener('change', (event) => {
      if (event.target.name !== 'rating') return;
      clearTimeout(timer);
      timer = setTimeout(() => enqueue('rate'), SUBMIT_DELAY_MS);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(timer);
      const action = event.submitter && event.submitter.value === 'withdraw' ? 'withdraw' : 'rate';
      if (action === 'rate' && !form.querySelector('input[name="rating"]:checked')) {
        setStatus(form, 'Choose a rating from 1 to 10.');
        return;
      }
      enqueue(action);
    });
  }

  function enhanceVoteForms(root) {
    if (typeof window.fetch !== 'function' || typeof URLSearchParams !== 'function') return;
    // Only now may CSS hide the Rate buttons: choosing a rating sends it by itself.
    document.documentElement.classList.add('js');
    root.querySelectorAll('form.vote-form').forEach(enhanceVoteForm);
  }

  function init() {
    enhanceCopyLinks(document);
    enhanceVoteForms(document);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
