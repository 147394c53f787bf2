/**
 * Share links that work without JavaScript (plain URLs to each service); the client script turns
 * "Copy link" into a clipboard copy.
 */
import { t } from '../../../i18n/translate.js';
import { h } from '../jsx.js';

export function ShareLinks(props: { url: string; title: string }) {
  const url = encodeURIComponent(props.url);
  const title = encodeURIComponent(props.title);
  return (
    <nav class="share" aria-label={t('ranking.shareLabel')}>
      <span class="share-label">{t('ranking.share')}</span>
      <ul>
        <li>
          <a href={props.url} class="copy-link" data-copy-url={props.url}>
            {t('ranking.copyLink')}
          </a>
        </li>
        <li>
          <a href={`https://x.com/intent/post?text=${title}&url=${url}`} rel="noopener noreferrer external">
            X
          </a>
        </li>
        <li>
          <a href={`https://www.facebook.com/sharer/sharer.php?u=${url}`} rel="noopener noreferrer external">
            Facebook
          </a>
        </li>
        <li>
          <a href={`https://www.reddit.com/submit?url=${url}&title=${title}`} rel="noopener noreferrer external">
            Reddit
          </a>
        </li>
        <li>
          <a href={`mailto:?subject=${title}&body=${url}`}>{t('ranking.email')}</a>
        </li>
      </ul>
      <span class="copy-status" role="status" aria-live="polite"></span>
    </nav>
  );
}
