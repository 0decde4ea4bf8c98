import { html, nothing, type TemplateResult } from 'lit';
import type { Dataset, Lang } from '../../data/types.js';
import { safeWebUrl } from '../../shared/safe-url.js';

/** The chart's source line: the name it shows, the page it links, and the data file when that is another address. */
export interface ChartSource {
  label: string;
  href?: string;
  dataUrl?: string;
}

/**
 * The source line's name and link: `source-label`, else the title the data carries (a CKAN package, a calendar's
 * name), else the file's name when it comes from this site, and only then the host of its URL.
 */
export function chartSource(
  dataset: Dataset,
  attributes: { src?: string; sourceUrl?: string; sourceLabel?: string },
): ChartSource {
  const dataUrl = safeWebUrl(dataset.meta.url || attributes.src);
  const href = safeWebUrl(attributes.sourceUrl) ?? dataUrl;
  const own = attributes.sourceLabel?.trim() || dataset.meta.title?.trim();
  if (own) return { label: own, href, dataUrl };
  try {
    const url = new URL(href ?? dataset.meta.url, document.baseURI);
    const file = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    const label = url.origin === location.origin && file ? file : url.host;
    return { label: label || dataset.meta.url, href, dataUrl };
  } catch {
    return { label: dataset.meta.url, href, dataUrl };
  }
}

/** "Quelle: name" with its link, and "(Daten)" linking the data file when the link goes elsewhere. */
export function renderChartSource({ label, href, dataUrl }: ChartSource, prefix: string, lang: Lang): TemplateResult {
  const dataLink =
    dataUrl && href !== dataUrl ? html` (<a href=${dataUrl}>${lang === 'de' ? 'Daten' : 'data'}</a>)` : nothing;
  return html`<p class="source" part="source">
    ${prefix} ${href ? html`<a href=${href}>${label}</a>` : label}${dataLink}
  </p>`;
}
