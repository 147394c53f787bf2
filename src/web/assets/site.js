/* Epirank progressive enhancement. Everything works without this script. */
(() => {
  'use strict';

  // ---- Words -------------------------------------------------------------------------------------
  // Every word this script shows comes from the page, in the page's language: the layout writes the
  // `client.*` messages into a JSON data block (src/web/ui/client-messages.tsx), placeholders left
  // as {name}; a plural message comes as one text per plural category. English stands in for a
  // page without the block (one cached before it carried it).

  const ENGLISH = {
    'client.linkCopied': 'Link copied',
    'client.copyFailed': 'Copy failed — use the address bar',
    'client.powCannotSolve': 'This step needs a secure (HTTPS) connection and a current browser, which this page does not have.',
    'client.powWorking': 'Doing a short anti-spam calculation…',
    'client.powProgress': { one: 'Doing a short anti-spam calculation… ({tries} try)', other: 'Doing a short anti-spam calculation… ({tries} tries)' },
    'client.powNoAnswer': 'The anti-spam calculation found no answer. Please reload the page.',
    'client.powDone': 'Anti-spam calculation done: the form can be sent.',
    'client.powFinishing': 'Finishing the anti-spam calculation; the form is sent as soon as it is done…',
    'client.votes': { one: '{count} vote', other: '{count} votes' },
    'client.rate': 'Rate',
    'client.rateLabel': 'Rate {title}',
    'client.yourRating': 'Your rating: {rating}',
    'client.changeRatingLabel': 'Your rating: {rating}, change your rating of {title}',
    'client.ratingRemoved': 'Your rating was removed.',
    'client.saved': 'Saved: you rated it {rating}.',
    'client.savedHeld': 'Saved: you rated it {rating}. {message}',
    'client.youRated': 'You rated it {rating}.',
    'client.heldMarker': '(held for review)',
    'client.fewVotes': 'Few votes',
    'client.rankOf': '#{rank} of {of}',
    'client.notYetRated': 'Not yet rated',
    'client.saving': 'Saving…',
    'client.calculating': '{detail} Calculating…',
    'client.voteNotSaved': 'Your vote could not be saved. Please try again.',
    'client.voteNotSent': 'Your vote could not be sent. Check your connection and try again.',
    'client.legendOf': 'of {title}',
    'client.suggestions': 'Suggestions',
    'client.suggestionEpisode': '{title} ({show} S{season}E{episode})',
    'client.noSuggestions': 'No suggestions.',
    'client.suggestionCount': { one: '{count} suggestion.', other: '{count} suggestions.' },
  };

  const PAGE_LANGUAGE = document.documentElement.lang || 'en';

  const MESSAGES = (() => {
    const block = document.getElementById('client-messages');
    try {
      return block ? JSON.parse(block.textContent) : {};
    } catch (_error) {
      return {};
    }
  })();

  const numbers = new Intl.NumberFormat(PAGE_LANGUAGE);
  const plurals = new Intl.PluralRules(PAGE_LANGUAGE);

  /** A number as the page's language writes it. */
  function formatNumber(value) {
    return numbers.format(value);
  }

  /**
   * A message in the page's language, its {placeholders} filled (numbers written as the language
   * writes them); `pluralBy` names the value a plural message chooses its words by.
   */
  function say(key, values, pluralBy) {
    const given = values || {};
    let text = MESSAGES[key] || ENGLISH[key];
    if (text && typeof text === 'object') {
      const forms = text;
      text = forms[plurals.select(Number(given[pluralBy]))] || forms.other;
    }
    return String(text).replace(/\{(\w+)\}/g, (whole, name) => {
      if (!(name in given)) return whole;
      const value = given[name];
      return typeof value === 'number' ? formatNumber(value) : String(value);
    });
  }

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
      () => announce(link, say('client.linkCopied')),
      () => announce(link, say('client.copyFailed')),
    );
  }

  /** Turns "Copy link" into a clipboard copy where the Clipboard API exists. */
  function enhanceCopyLinks(root) {
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return;
    root.querySelectorAll('a.copy-link[data-copy-url]').forEach((link) => {
      link.addEventListener('click', onCopyClick);
    });
  }

  // ---- Proof of work -------------------------------------------------------------------------
  // The server's ALTCHA v2 challenge (src/shared/proof-of-work.ts): find the counter from 0 up for
  // which SHA-256(salt ‖ nonce ‖ counter as 4 bytes big-endian), repeated `cost` times over the
  // whole digest and cut to keyLength bytes, starts with keyPrefix. Digests are asked for in
  // batches, since crypto.subtle answers each one asynchronously.

  const POW_BATCH = 64;

  function hexToBytes(hex) {
    const bytes = new Uint8Array(hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    return bytes;
  }

  function bytesToHex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function deriveKey(parameters, input) {
    let key = new Uint8Array(await crypto.subtle.digest(parameters.algorithm, input));
    for (let i = 1; i < Math.max(1, parameters.cost); i++) key = new Uint8Array(await crypto.subtle.digest(parameters.algorithm, key));
    return key.slice(0, parameters.keyLength || 32);
  }

  /** The payload to send back (base64 of the challenge and its solution), or null if none was found. */
  async function solveChallenge(challenge, onProgress) {
    const parameters = challenge.parameters;
    const salt = hexToBytes(parameters.salt);
    const nonce = hexToBytes(parameters.nonce);
    const prefix = parameters.keyPrefix.toLowerCase();
    const started = Date.now();
    let told = started;
    for (let first = 0; first <= 0xffffffff; first += POW_BATCH) {
      const counters = [];
      for (let counter = first; counter < first + POW_BATCH && counter <= 0xffffffff; counter++) counters.push(counter);
      const keys = await Promise.all(
        counters.map((counter) => {
          const input = new Uint8Array(salt.length + nonce.length + 4);
          input.set(salt, 0);
          input.set(nonce, salt.length);
          new DataView(input.buffer).setUint32(salt.length + nonce.length, counter, false);
          return deriveKey(parameters, input);
        }),
      );
      for (let i = 0; i < keys.length; i++) {
        const hex = bytesToHex(keys[i].subarray(0, Math.ceil(prefix.length / 2)));
        if (hex.startsWith(prefix)) {
          const solution = { counter: counters[i], derivedKey: bytesToHex(keys[i]), time: Date.now() - started };
          return btoa(JSON.stringify({ challenge, solution }));
        }
      }
      if (Date.now() - told > 200) {
        told = Date.now();
        onProgress(first + POW_BATCH);
      }
    }
    return null;
  }

  /** Whether this browser can do the calculation: crypto.subtle exists only over HTTPS (and on localhost). */
  function canSolve() {
    return typeof crypto !== 'undefined' && crypto.subtle && typeof crypto.subtle.digest === 'function';
  }

  /**
   * A form's proof of work (ProofOfWorkField): solved as soon as the page loads, the answer put in
   * the hidden field. A form sent before the answer is ready waits for it and is then sent.
   */
  function enhanceProofOfWork(root) {
    root.querySelectorAll('.proof-of-work[data-challenge]').forEach((box) => {
      const form = box.closest('form');
      const field = box.querySelector('input[name="proofOfWork"]');
      const status = box.querySelector('.proof-of-work-status');
      if (!form || !field) return;
      if (!canSolve()) {
        status.textContent = say('client.powCannotSolve');
        return;
      }
      let sendWhenDone = false;
      status.textContent = say('client.powWorking');
      solveChallenge(JSON.parse(box.dataset.challenge), (tries) => {
        status.textContent = say('client.powProgress', { tries }, 'tries');
      }).then(
        (payload) => {
          if (!payload) {
            status.textContent = say('client.powNoAnswer');
            return;
          }
          field.value = payload;
          status.textContent = say('client.powDone');
          if (sendWhenDone) form.submit();
        },
        () => {
          status.textContent = say('client.powCannotSolve');
        },
      );
      form.addEventListener('submit', (event) => {
        if (field.value) return;
        event.preventDefault();
        sendWhenDone = true;
        status.textContent = say('client.powFinishing');
      });
    });
  }

  // ---- Voting --------------------------------------------------------------------------------
  // Each number is a submit button: pressing one sends that rating at once. Requests from one form
  // go out one at a time, in order. On a ranking, a card's "Rate" link becomes a button that opens
  // the rating buttons in place (without the script the link reloads the page with them open). The
  // rating scale is the server's: read from a form's buttons, never written here.

  function formatVotes(count) {
    return say('client.votes', { count }, 'count');
  }

  function setStatus(form, message) {
    const status = form.querySelector('.vote-status');
    if (status) status.textContent = message;
  }

  /** The text and label of a card's opener for the voter's own rating (as the server writes them). */
  function labelOpener(opener, rating) {
    const title = opener.dataset.title;
    opener.textContent = rating === null ? say('client.rate') : say('client.yourRating', { rating });
    opener.setAttribute('aria-label', rating === null ? say('client.rateLabel', { title }) : say('client.changeRatingLabel', { rating, title }));
    if (rating === null) delete opener.dataset.rating;
    else opener.dataset.rating = String(rating);
  }

  /** The ratings a form offers, lowest first, as its buttons carry them. */
  function ratingsOf(form) {
    return Array.from(form.querySelectorAll('button[name="rating"]'), (button) => Number(button.value));
  }

  /** Presses the button of the voter's rating (none for null) and shows "Remove my rating" with one. */
  function pressRating(form, rating) {
    form.querySelectorAll('button[name="rating"]').forEach((button) => {
      button.setAttribute('aria-pressed', String(rating !== null && Number(button.value) === rating));
    });
    const withdraw = form.querySelector('.vote-withdraw');
    if (withdraw) withdraw.hidden = rating === null;
  }

  /** Shows the voter's own rating in the form: the pressed number, Remove, the status line. */
  function showOwnRating(form, rating) {
    pressRating(form, rating);
    const opener = form.previousElementSibling;
    if (opener?.classList.contains('vote-open')) labelOpener(opener, rating);
    setStatus(form, rating === null ? say('client.ratingRemoved') : say('client.saved', { rating }));
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
      few.textContent = say('client.fewVotes');
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

  /**
   * Re-numbers and re-orders a ranked list; false when episodes joined or left it. A page of a long
   * ranking holds the ranks from its list's `start` on, so only those are compared.
   */
  function updateRanking(list, ranking) {
    const items = new Map();
    list.querySelectorAll(':scope > li').forEach((li) => {
      const card = li.querySelector('article.episode');
      if (card) items.set(card.dataset.episodeId, li);
    });
    const first = list.start || 1;
    const ids = ranking.episodes.filter((e) => e.rank !== null && e.rank >= first && e.rank < first + items.size).map((e) => String(e.id));
    if (ids.length !== items.size || !ids.every((id) => items.has(id))) return false;
    ranking.episodes.forEach((episode) => {
      const li = items.get(String(episode.id));
      if (li) updateNumbers(li.querySelector('article.episode'), episode);
    });
    reorder(
      list,
      ids.map((id) => items.get(id)),
    );
    return true;
  }

  function updateEpisodePage(page, form, episode) {
    if (!updateNumbers(page, episode)) return false;
    const seasonRank = page.querySelector('.season-rank');
    if (seasonRank) seasonRank.textContent = episode.seasonRank ? say('client.rankOf', episode.seasonRank) : say('client.notYetRated');
    const showRank = page.querySelector('.show-rank');
    if (showRank) showRank.textContent = episode.showRank ? say('client.rankOf', episode.showRank) : say('client.notYetRated');
    const rows = page.querySelectorAll('table.histogram tbody tr');
    const ratings = ratingsOf(form);
    if (rows.length !== ratings.length) return episode.votesHere === 0;
    page.querySelector('.histogram-shown').textContent = formatVotes(episode.votesHere);
    const total = page.querySelector('.histogram-total');
    if (total) total.textContent = formatNumber(episode.votes);
    const largest = Math.max(1, ...episode.histogram);
    rows.forEach((row) => {
      const count = episode.histogram[ratings.indexOf(Number(row.dataset.rating))];
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
    const target = !isGone(focused) ? focused : form.contains(focused) ? form.querySelector('button[name="rating"]') : null;
    if (target && target !== document.activeElement) target.focus({ preventScroll: true });
  }

  /** Applies a vote's answer to the page, or reloads it when its structure changed. */
  function applyResult(form, result) {
    const focused = document.activeElement;
    // The voted entry stays where it is on screen, however the ranking around it moves.
    const entry = form.closest('ol.ranking > li') || form;
    const top = entry.getBoundingClientRect().top;
    showOwnRating(form, result.yourRating);
    const ownRow = form.closest('tr.my-rating-row');
    if (ownRow) return updateOwnRating(ownRow, form, result, focused);
    // Recorded but held for review: the numbers did not move, so only the voter is told.
    if (result.held) {
      setStatus(form, say('client.savedHeld', { rating: result.yourRating, message: result.message }));
      return;
    }
    const episodePage = form.closest('article.episode-page');
    const list = document.querySelector('ol.ranking');
    const updated = episodePage ? updateEpisodePage(episodePage, form, result.episode) : list ? updateRanking(list, result.ranking) : false;
    // A first vote (or a last one withdrawn) moves an episode in or out of the ranking: redraw.
    if (!updated) {
      window.location.reload();
      return;
    }
    keepInPlace(entry, top);
    restoreFocus(form, focused);
  }

  // ---- Your ratings (/account/ratings) ---------------------------------------------------------
  // Each row carries the vote form behind a "Change" disclosure. A vote's answer is written into its
  // row: the rating (a dash once withdrawn, the row kept so that a slip can be undone), the fans'
  // average, the status line. The date rated is the server's to say: it shows on the next load.

  function updateOwnRating(row, form, result, focused) {
    const mine = row.querySelector('.my-rating');
    mine.textContent = result.yourRating === null ? '—' : String(result.yourRating);
    if (result.held) {
      mine.append(element('span', { class: 'held-marker' }, ' ' + say('client.heldMarker')));
      setStatus(form, say('client.savedHeld', { rating: result.yourRating, message: result.message }));
    } else {
      row.querySelector('.my-rating-crowd').textContent = result.episode.average ?? '—';
    }
    row.classList.toggle('held', result.held);
    row.classList.toggle('withdrawn', result.yourRating === null);
    restoreFocus(form, focused);
  }

  /** Which ranking the page shows, so that a vote's answer carries it in the same order. */
  function pageRanking() {
    const section = document.querySelector('section.ranking-section');
    const list = document.querySelector('ol.ranking');
    return {
      scope: section?.dataset.scope || 'season',
      sort: section?.dataset.sort || 'score',
      // The ranks this page lists, so the answer carries those and not a whole long ranking.
      window: list && list.children.length > 0 ? { first: list.start || 1, count: list.children.length } : null,
    };
  }

  async function sendVote(form, fields) {
    const ranking = pageRanking();
    const body = new URLSearchParams(fields);
    body.set('sort', ranking.sort);
    body.set('scope', ranking.scope);
    if (ranking.window) {
      body.set('first', String(ranking.window.first));
      body.set('count', String(ranking.window.count));
    }
    form.setAttribute('aria-busy', 'true');
    setStatus(form, say('client.saving'));
    try {
      // Not form.action: the buttons named "action" shadow that property.
      const response = await fetch(form.getAttribute('action'), {
        method: 'POST',
        body,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      const result = await response.json().catch(() => null);
      // An anonymous voter past the network's share or the vote limits: the same vote, with the
      // challenge solved. Asked again (an expired challenge, say), the voter presses again.
      if (response.status === 403 && result?.type === '/problems/proof-of-work-required' && result.challenge && !fields.proofOfWork && canSolve()) {
        setStatus(form, say('client.calculating', { detail: result.detail }));
        const payload = await solveChallenge(result.challenge, () => undefined);
        if (payload) return sendVote(form, { ...fields, proofOfWork: payload });
      }
      if (!response.ok || !result) {
        setStatus(form, result?.detail || say('client.voteNotSaved'));
        return;
      }
      applyResult(form, result);
    } catch (_error) {
      setStatus(form, say('client.voteNotSent'));
    } finally {
      form.removeAttribute('aria-busy');
    }
  }

  function enhanceVoteForm(form) {
    let queue = Promise.resolve();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const button = event.submitter;
      if (!button) return;
      const fields = button.name === 'rating' ? { rating: button.value } : { action: 'withdraw' };
      queue = queue.then(() => sendVote(form, fields));
    });
  }

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const name of Object.keys(attributes)) node.setAttribute(name, attributes[name]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * The form the server draws in an open card, cloned from the empty one the ranking carries in a
   * <template> (VoteFormTemplate in components/vote-form.tsx), filled in for this card.
   */
  function buildVoteForm(template, opener, id) {
    const rating = opener.dataset.rating === undefined ? null : Number(opener.dataset.rating);
    const section = document.querySelector('section.ranking-section');
    const form = template.content.querySelector('form.vote-form').cloneNode(true);
    form.setAttribute('action', opener.dataset.action);
    form.id = id;
    form.querySelector('input[name="return"]').setAttribute('value', section?.dataset.return || location.pathname);
    form.querySelector('legend .visually-hidden').textContent = ' ' + say('client.legendOf', { title: opener.dataset.title });
    pressRating(form, rating);
    setStatus(form, rating === null ? '' : say('client.youRated', { rating }));
    return form;
  }

  /** Turns a card's "Rate" link into a button that shows and hides the card's rating buttons. */
  function enhanceOpener(template, link) {
    const opener = element('button', { type: 'button', class: 'vote-open', 'aria-expanded': 'false' });
    for (const key of Object.keys(link.dataset)) opener.dataset[key] = link.dataset[key];
    labelOpener(opener, link.dataset.rating === undefined ? null : Number(link.dataset.rating));
    link.replaceWith(opener);
    const id = 'vote-' + (opener.closest('[id]') || { id: String(Math.random()).slice(2) }).id;
    opener.setAttribute('aria-controls', id);
    opener.addEventListener('click', () => {
      const open = opener.nextElementSibling && opener.nextElementSibling.id === id ? opener.nextElementSibling : null;
      if (open) {
        open.remove();
        opener.setAttribute('aria-expanded', 'false');
        return;
      }
      const form = buildVoteForm(template, opener, id);
      opener.after(form);
      enhanceVoteForm(form);
      opener.setAttribute('aria-expanded', 'true');
    });
  }

  function enhanceVoting(root) {
    if (typeof window.fetch !== 'function' || typeof URLSearchParams !== 'function') return;
    root.querySelectorAll('form.vote-form').forEach(enhanceVoteForm);
    // Without the form to clone (a page cached before it carried one), the links keep working.
    const template = document.getElementById('vote-form-template');
    if (!template) return;
    root.querySelectorAll('a.vote-open').forEach((link) => {
      enhanceOpener(template, link);
    });
  }

  /**
   * Suggestions under the header's search box as one types: the first few results of the JSON
   * API's search, offered as an ARIA combobox (the WAI-ARIA Authoring Practices' "list
   * autocomplete" pattern). ArrowDown and ArrowUp move the active suggestion, named to assistive
   * technology by aria-activedescendant while focus stays in the box; Enter opens the active
   * suggestion's page, or without one submits the form to the results page as before; Escape
   * closes the list; a click opens a suggestion. How many suggestions came is said in a status
   * line. Without JavaScript none of this exists and the form goes to the results page.
   *
   * The same code makes an operator's show field a picker (data-show-slug names its hidden slug
   * field, src/web/ui/components/show-picker.tsx): suggestions are shows (an episode found stands
   * for its show), and choosing one writes its title into the box and its slug into the hidden
   * field instead of opening a page; typing again empties the hidden field.
   */
  function enhanceSearch(root) {
    if (typeof window.fetch !== 'function' || typeof AbortController !== 'function') return;
    root.querySelectorAll('input[data-suggest]').forEach((input) => {
      const list = element('ul', { class: 'search-suggestions', id: input.id + '-suggestions', role: 'listbox', 'aria-label': say('client.suggestions') });
      const status = element('p', { class: 'visually-hidden', role: 'status' }, '');
      const slugField = input.dataset.showSlug ? document.getElementById(input.dataset.showSlug) : null;
      input.setAttribute('role', 'combobox');
      input.setAttribute('aria-autocomplete', 'list');
      input.setAttribute('aria-controls', list.id);
      input.setAttribute('aria-expanded', 'false');
      (slugField ? input.parentElement : input.form).append(list, status);
      let timer = 0;
      let pending = null;
      let active = -1;
      const options = () => Array.from(list.children);
      const activate = (index) => {
        active = index;
        options().forEach((option, i) => {
          option.setAttribute('aria-selected', String(i === index));
        });
        const chosen = options()[index];
        if (chosen) {
          input.setAttribute('aria-activedescendant', chosen.id);
          chosen.scrollIntoView({ block: 'nearest' });
        } else input.removeAttribute('aria-activedescendant');
      };
      const close = () => {
        if (pending) pending.abort();
        clearTimeout(timer);
        list.replaceChildren();
        input.setAttribute('aria-expanded', 'false');
        activate(-1);
      };
      // A picker offers each show once: a show found, or the show of an episode found.
      const shows = (items) => {
        const seen = new Map();
        for (const item of items) {
          if (!seen.has(item.show.slug)) seen.set(item.show.slug, { kind: 'show', title: item.show.title, slug: item.show.slug, path: '' });
        }
        return Array.from(seen.values());
      };
      // `text` is what the list answers (data-for), so a reader can tell a late prefix's answer apart.
      const show = (found, text) => {
        const items = slugField ? shows(found) : found;
        list.dataset.for = text;
        list.replaceChildren(
          ...items.map((item, i) => {
            const label =
              item.kind === 'show'
                ? item.title
                : say('client.suggestionEpisode', { title: item.title, show: item.show.title, season: String(item.season), episode: String(item.episode) });
            const option = element('li', { id: list.id + '-' + i, role: 'option', 'aria-selected': 'false', 'data-path': item.path }, label);
            if (slugField) option.dataset.slug = item.slug;
            return option;
          }),
        );
        active = -1;
        input.removeAttribute('aria-activedescendant');
        input.setAttribute('aria-expanded', String(items.length > 0));
        status.textContent = items.length === 0 ? say('client.noSuggestions') : say('client.suggestionCount', { count: items.length }, 'count');
      };
      const suggest = () => {
        const text = input.value.trim();
        if (pending) pending.abort();
        if (text.length < 2) return close();
        pending = new AbortController();
        const url = input.dataset.suggest + '?perPage=6&q=' + encodeURIComponent(text);
        fetch(url, { signal: pending.signal, headers: { accept: 'application/json' } })
          .then((response) => (response.ok ? response.json() : { items: [] }))
          .then((answer) => show(answer.items, text))
          .catch(() => undefined);
      };
      const open = (option) => {
        if (!option) return;
        if (!slugField) return window.location.assign(option.dataset.path);
        input.value = option.textContent;
        slugField.value = option.dataset.slug;
        close();
      };
      input.addEventListener('input', () => {
        if (slugField) slugField.value = '';
        clearTimeout(timer);
        timer = setTimeout(suggest, 150);
      });
      input.addEventListener('keydown', (event) => {
        const count = options().length;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          if (count === 0) return;
          event.preventDefault();
          const step = event.key === 'ArrowDown' ? 1 : -1;
          activate(active === -1 ? (step === 1 ? 0 : count - 1) : (active + step + count) % count);
        } else if (event.key === 'Enter' && active >= 0) {
          event.preventDefault();
          open(options()[active]);
        } else if (event.key === 'Escape' && count > 0) {
          event.preventDefault();
          close();
        }
      });
      // A press on a suggestion keeps the focus in the box, so that leaving the box can close the list.
      list.addEventListener('mousedown', (event) => event.preventDefault());
      list.addEventListener('click', (event) => open(event.target.closest('[role=option]')));
      input.addEventListener('blur', close);
    });
  }

  // ---- Trend chart ---------------------------------------------------------------------------
  // A point's link's <title> is the browser's own tooltip on hover; this shows the same text beside
  // a point that has keyboard focus too, where no browser shows one.
  function enhanceTrendCharts(root) {
    root.querySelectorAll('svg.trend-chart').forEach((chart) => {
      const tip = element('div', { class: 'chart-tip', 'aria-hidden': 'true', hidden: '' }, '');
      document.body.append(tip);
      const show = (event) => {
        const link = event.target.closest?.('a.tc-link');
        const title = link?.querySelector(':scope > title');
        if (!title) return;
        const box = link.getBoundingClientRect();
        tip.textContent = title.textContent;
        tip.hidden = false;
        tip.style.left = `${box.left + window.scrollX + box.width / 2 + 8}px`;
        tip.style.top = `${box.top + window.scrollY - 32}px`;
      };
      const hide = () => {
        tip.hidden = true;
      };
      chart.addEventListener('focusin', show);
      chart.addEventListener('focusout', hide);
    });
  }

  function init() {
    enhanceCopyLinks(document);
    enhanceVoting(document);
    enhanceProofOfWork(document);
    enhanceSearch(document);
    enhanceTrendCharts(document);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
