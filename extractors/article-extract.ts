// Article extraction with cheerio: per-source selectors, then JSON-LD
// NewsArticle, then Open Graph and meta tags, then a main-content algorithm
// that scores blocks by paragraph text and link density.
import { loadHtml } from '../crawlers/html-dom.js';
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { clean, cleanAuthor, firstPlausibleDate, unescaped, withoutSiteName } from './article-meta.js';
import { zoneOfUrl } from './time-zones.js';
import { concat, EMPTY, segOf, textStats, trimmedLength } from './text-stats.js';
import { teaserParagraph } from './teasers.js';

export interface Selectors {
  title?: string;
  body?: string;
  author?: string;
  published?: string;
  remove?: string;
}

export interface ExtractedArticle {
  title: string;
  lead: string | null;
  author: string | null;
  published: Date | null;
  modified: Date | null;
  text: string;
  canonicalUrl: string | null;
  image: string | null;
  section: string | null;
  tags: string[];
  /** The language the page declares (html lang, Content-Language, og:locale or JSON-LD inLanguage), as written, lower-cased. */
  declaredLanguage: string | null;
  /** Where the body text came from. */
  bodySource: 'selectors' | 'json-ld' | 'content' | 'meta' | 'none';
  hasScripts: boolean;
}

const NOISE =
  'script, style, noscript, template, iframe, svg, canvas, button, select, input, textarea, nav, footer, aside, figcaption, ' +
  '[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]';
const NOISE_CLASS = /(^|[\s_-])(cookie|consent|gdpr|banner|advert|ads?|adslot|sponsor|promo|newsletter|subscribe|share|social|related|recommend|comment|comments|disqus|sidebar|widget|breadcrumb|pagination|pager|footer|header|menu|nav|popup|modal|outbrain|taboola|tags?|caption|credits?|gallery|slideshow)([\s_-]|$)/i;


function absolutize(href: string | undefined | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

type Json = Record<string, unknown>;

function jsonLdArticles($: CheerioAPI): Json[] {
  const out: Json[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Json;
    const type = o['@type'];
    const types = (Array.isArray(type) ? type : [type]).map(String);
    if (types.some((t) => /(News|Blog|Report|Scholarly)?Article|BlogPosting|ReportageNewsArticle/.test(t))) out.push(o);
    if (o['@graph']) visit(o['@graph']);
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      visit(JSON.parse($(el).text()));
    } catch {
      /* broken JSON-LD is common; other sources still apply */
    }
  });
  return out;
}

function ldText(v: unknown): string | null {
  if (typeof v === 'string') return clean(v) || null;
  if (Array.isArray(v)) return v.map(ldText).filter(Boolean).join(', ') || null;
  if (v && typeof v === 'object' && 'name' in v) return ldText((v as Json).name);
  return null;
}

type MetaIndex = Map<string, string>;

/** All <meta> tags by property, name and itemprop (lowercased), first one wins: one pass over the document. */
function metaIndex($: CheerioAPI): MetaIndex {
  const index: MetaIndex = new Map();
  $('meta[content]').each((_, el) => {
    const content = clean($(el).attr('content'));
    if (!content) return;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = $(el).attr(attr)?.toLowerCase();
      if (key && !index.has(key)) index.set(key, content);
    }
  });
  return index;
}

function meta(index: MetaIndex, ...names: string[]): string | null {
  for (const n of names) {
    const v = index.get(n.toLowerCase());
    if (v) return v;
  }
  return null;
}

/** Text of a block with paragraph breaks: block-level children become separate paragraphs. */
function blockText($: CheerioAPI, root: Cheerio<AnyNode>): string {
  const paras: string[] = [];
  let buf = '';
  const BLOCK = /^(p|div|section|article|h[1-6]|li|ul|ol|blockquote|pre|table|tr|figure|figcaption|dd|dt|main)$/;
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      buf += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type !== 'tag') return;
    const el = node as Element;
    const name = el.tagName.toLowerCase();
    if (name === 'br') {
      buf += '\n';
      return;
    }
    const block = BLOCK.test(name);
    if (block) flush();
    for (const c of el.children) walk(c);
    if (block) flush();
    else if (name === 'td' || name === 'th') buf += ' '; // table cells are words apart
  };
  const flush = () => {
    for (const line of buf.split('\n')) {
      const t = clean(line);
      if (t) paras.push(t);
    }
    buf = '';
  };
  root.each((_, n) => walk(n));
  flush();
  return paras.join('\n\n');
}

/**
 * Runs `fn` on every element matching any of the comma-separated selectors. cheerio de-duplicates
 * a comma list's matches in quadratic time, which a page with tens of thousands of elements feels;
 * one selector at a time does not.
 */
function eachOf($: CheerioAPI, selectors: string, fn: (el: Element) => void): void {
  for (const sel of selectors.split(',').map((x) => x.trim()).filter(Boolean)) $(sel).each((_, el) => fn(el as Element));
}

/**
 * Text of the descendants of `root` with tag `tag`, by a plain walk of the subtree. (cheerio's
 * .find() on an element with tens of thousands of children de-duplicates them in quadratic time.)
 */
function descendantText(root: AnyNode, tag: string): string {
  let out = '';
  const walk = (n: AnyNode, inside: boolean) => {
    if (n.type === 'text') {
      if (inside) out += (n as unknown as { data: string }).data;
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const el = n as Element;
    const hit = inside || (n.type === 'tag' && el.tagName.toLowerCase() === tag);
    for (const c of el.children ?? []) walk(c, hit);
  };
  for (const c of (root as Element).children ?? []) walk(c, false);
  return out;
}

/** Elements matching `selector` inside `root` (see descendantText for why not .find()). */
function within($: CheerioAPI, root: AnyNode, selector: string): Element[] {
  const inside = (e: AnyNode) => {
    for (let p = e.parent; p; p = p.parent) if (p === root) return true;
    return false;
  };
  const out: Element[] = [];
  eachOf($, selector, (el) => {
    if (inside(el)) out.push(el);
  });
  return out;
}

function removeNoise($: CheerioAPI, extra?: string) {
  eachOf($, NOISE, (el) => void $(el).remove());
  if (extra) eachOf($, extra, (el) => void $(el).remove());
  const total = clean($('p').text()).length || 1;
  // Forms (whole ASP.NET pages sit in one), <header> and elements whose class or id says
  // "share", "header", "sidebar"… go, unless they hold much of the page's paragraph text.
  const seen = new Set<Element>();
  eachOf($, 'form, header, [class], [id]', (el) => {
    if (seen.has(el)) return;
    seen.add(el);
    const e = $(el);
    const tag = (el as Element).tagName?.toLowerCase();
    if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') return;
    const label = `${e.attr('class') ?? ''} ${e.attr('id') ?? ''}`;
    if (tag !== 'form' && tag !== 'header' && !NOISE_CLASS.test(label)) return;
    const paragraphText = clean(descendantText(el, 'p')).length;
    if (paragraphText / total > 0.4) return;
    if (paragraphText > 400 && clean(descendantText(el, 'a')).length / paragraphText < 0.5) return;
    e.remove();
  });
}

/** Finds the element whose paragraphs hold the most non-link text. */
function mainContent($: CheerioAPI): Cheerio<AnyNode> | null {
  const stats = textStats($.root()[0]!);
  const scores = new Map<Element, number>();
  eachOf($, 'p, pre, blockquote, li', (el) => {
    const s = stats.get(el)!;
    const textLength = trimmedLength(s.text);
    if (textLength < 25) return;
    if (trimmedLength(s.links) / textLength > 0.5) return;
    // List items count half: teaser lists ("More from…") are lists, article text mostly is not.
    const score = (textLength + s.punct * 10) * (el.tagName === 'li' ? 0.5 : 1);
    const parent = el.parent as Element | null;
    if (!parent) return;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parent as Element | null;
    if (grand && grand.type === 'tag') scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  });
  // Text set directly in blocks (split by <br>, or divs used as paragraphs) counts like paragraphs:
  // the block scores itself and, half, its parent.
  const SPACE = segOf(' ');
  eachOf($, 'div, section, td, font, span', (el) => {
    // The pieces joined by spaces; a space before the first one is trimmed away anyway.
    let own = EMPTY;
    let punct = 0;
    for (const c of el.children) {
      if (!(c.type === 'text' || (c.type === 'tag' && /^(a|b|i|em|strong|span|br)$/i.test((c as Element).tagName)))) continue;
      const s = stats.get(c)!;
      own = concat(concat(own, SPACE), s.text);
      punct += s.punct;
    }
    const len = trimmedLength(own);
    if (len < 80) return;
    const score = len + punct * 10;
    scores.set(el as Element, (scores.get(el as Element) ?? 0) + score);
    const parent = el.parent as Element | null;
    if (parent && parent.type === 'tag') scores.set(parent, (scores.get(parent) ?? 0) + score);
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    const st = stats.get(el)!;
    const text = trimmedLength(st.text) || 1;
    const links = trimmedLength(st.links);
    const adjusted = s * (1 - Math.min(0.9, links / text));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  if (!best) return null;
  // An article split into sections (by figures, by ads) sits in several blocks of the same kind:
  // blocks with the same tag and class as the best one and real paragraph text of their own join it.
  const cls = best.attribs?.class;
  if (cls) {
    const parts = $(best.tagName)
      .filter((_, el) => (el as Element).attribs?.class === cls)
      .toArray()
      .filter((el) => el === best || (clean(descendantText(el as Element, 'p')).length >= 200 && !$(el).parents().toArray().includes(best!) && !$(best!).parents().toArray().includes(el as Element)));
    if (parts.length > 1) return $(parts);
  }
  return $(best);
}

/**
 * `zone` (IANA) is the clock of dates the page writes without a zone: the source's, else by default the
 * country its domain names (.rs, .ec), else UTC.
 */
export function extractArticle(html: string, url: string, selectors: Selectors = {}, zone = zoneOfUrl(url) ?? 'UTC'): ExtractedArticle {
  // htmlparser2 in HTML mode: about three times faster than parse5, and as forgiving of broken markup; depth capped.
  const $ = loadHtml(html);
  const hasScripts = $('script:not([type="application/ld+json"])').length > 0;
  const ld = jsonLdArticles($)[0];
  const metas = metaIndex($);

  const canonicalUrl = absolutize($('link[rel="canonical"]').attr('href') ?? meta(metas, 'og:url'), url);
  const image = absolutize(meta(metas, 'og:image', 'twitter:image') ?? (ld ? ldText((ld.image as Json)?.url ?? ld.image) : null), url);

  const selText = (sel?: string) => (sel ? clean($(sel).first().text()) || null : null);

  const title = withoutSiteName(
    unescaped(
      selText(selectors.title) ??
        (ld ? ldText(ld.headline) : null) ??
        meta(metas, 'og:title', 'twitter:title') ??
        (clean($('h1').first().text()) || clean($('title').text()) || ''),
    ),
    meta(metas, 'og:site_name', 'application-name'),
    url,
  );

  const author = cleanAuthor(
    selText(selectors.author) ??
      (ld ? ldText(ld.author) : null) ??
      meta(metas, 'author', 'article:author', 'byl', 'dc.creator') ??
      (clean($('[rel="author"], .byline, .author').first().text()) || null),
  );

  // The first date that is a real one: a "0001-01-01" placeholder gives way to the next source.
  const published = firstPlausibleDate([
    selText(selectors.published),
    ld ? ldText(ld.datePublished) : null,
    ...['article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date'].map((n) => meta(metas, n)),
    $('time[datetime]').first().attr('datetime'),
    clean($('time, .date, .published').first().text()),
  ], zone);
  const modified = firstPlausibleDate([ld ? ldText(ld.dateModified) : null, meta(metas, 'article:modified_time'), meta(metas, 'dateModified')], zone);

  const lead = unescaped((ld ? ldText(ld.description) : null) ?? meta(metas, 'og:description', 'description'));
  const section = (ld ? ldText(ld.articleSection) : null) ?? meta(metas, 'article:section');
  const tags = $('meta[property="article:tag"]').map((_, el) => clean($(el).attr('content'))).get().filter(Boolean);
  const declaredLanguage =
    [$('html').attr('lang'), $('meta[http-equiv="content-language" i]').attr('content'), meta(metas, 'og:locale'), ld ? ldText(ld.inLanguage) : null]
      .map((x) => clean(x).toLowerCase())
      .find((x) => /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/.test(x)) ?? null;

  let text = '';
  let bodySource: ExtractedArticle['bodySource'] = 'none';
  if (selectors.body) {
    const root = $(selectors.body);
    if (selectors.remove) root.each((_, r) => within($, r, selectors.remove!).forEach((e) => $(e).remove()));
    text = blockText($, root);
    if (text) bodySource = 'selectors';
  }
  if (!text) {
    removeNoise($, selectors.remove);
    const root = mainContent($);
    if (root) {
      root.each((_, r) => within($, r, 'h1').forEach((e) => $(e).remove()));
      // Lists that are mostly links (related stories, "more from") inside the body go too.
      root.each((_, r) =>
        within($, r, 'ul, ol').forEach((e) => {
          const text = clean($(e).text()).length;
          if ($(e).children('li').length >= 3 && text && clean(descendantText(e as Element, 'a')).length / text > 0.6) $(e).remove();
        }),
      );
      text = blockText($, root);
      bodySource = 'content';
    }
  }
  // JSON-LD articleBody wins unless it is a teaser (many sites truncate it): then the page's own text does.
  if (bodySource !== 'selectors' && ld && typeof ld.articleBody === 'string' && clean(ld.articleBody).length > 80) {
    // Some sites put HTML in articleBody: read it as markup then, never show tags as text.
    const ldHtml = /<\/?[a-z][^>]*>/i.test(ld.articleBody) ? loadHtml(ld.articleBody) : null;
    const ldText = ldHtml
      ? blockText(ldHtml, ldHtml('body').length ? ldHtml('body') : ldHtml.root().contents())
      : ld.articleBody
          .split(/\n\s*\n|\r\n\s*\r\n/)
          .map(clean)
          .filter(Boolean)
          .join('\n\n');
    if (ldText.length >= text.length * 0.8) {
      text = ldText;
      bodySource = 'json-ld';
    }
  }
  if (!text && lead) {
    text = lead;
    bodySource = 'meta';
  }
  if (bodySource === 'content') text = withoutTrailingTeasers(text);
  // A teaser of another article between paragraphs ("Pročitajte još: …", "Lea también: …") is no part of this one.
  // Nor is a byline or a bare dateline among the first paragraphs ("Autor: Marko Marković | 20.11.2026. 10:15", "Piše: …",
  // "Nga: …", "By Jane Doe", "20.11.2026. 10:15"): the author and date are fields of their own.
  text = text
    .split('\n\n')
    .filter((p, k) => !teaserParagraph(p) && !(k < 3 && bylineParagraph(p)) && !creditParagraph(p) && !callToAction(p) && !furnitureParagraph(p))
    .join('\n\n');
  // Invisible formatting (soft hyphens from &shy;, zero-width spaces, word joiners, a stray BOM) would split
  // "Gua&shy;yaquil" and "Ili&#8203;ć" for every later stage: the stored text has none.
  const visible = (s: string) => s.replace(INVISIBLE, '');
  return {
    title: visible(title), lead: lead && visible(lead), author: author && visible(author), published, modified, text: visible(text),
    canonicalUrl, image, section, tags, declaredLanguage, bodySource, hasScripts,
  };
}

/** A byline's opening word: "Autor:", "Piše:", "By", "Por", "Nga:", "Автор:", "Пише:". */
const BYLINE = /^(?:(?:autor|autori|autorka|pi[sš]e|napisao|napisala|author|nga|автор|автори|пише|пишува)\s*:|(?:by|por|от)\s+\p{Lu})/iu;
/** A date and time alone: "20.11.2026. 10:15", "20/11/2026 - 10:15", "2026-11-20 10:15". */
const DATELINE = /^[\d.\/\-\s:|,]+(?:h|sati|hrs)?\.?$/u;

/** A credit's opening word: "Foto:", "Izvor:", "Burimi:", "Fuente:", "Source:", "Фото:", "Извор:". */
const CREDIT = /^(?:foto(?:grafija|grafije)?|photo(?:s|graph)?|fotos?|image|imagen|video|izvor|izvori|burimi|burime|fuente|fuentes|fonte|source|sources|cr[eé]dito|фото|фотографија|извор|извори)\s*:/iu;

/** Whether a paragraph is a photo or source credit and nothing more ("Foto: Policia e Shtetit", "Izvor: N1", "(ANSA)"). */
function creditParagraph(paragraph: string): boolean {
  const p = paragraph.trim();
  if (p.length > 80 || p.includes('\n')) return false;
  if (/^[(/[]\s*\p{Lu}[\p{L}.\s/-]{1,25}[)\]/]$/u.test(p)) return p.split(/\s+/).length <= 3;
  return CREDIT.test(p) && !/[.!?]\s+\p{Lu}/u.test(p) && !/[.!?]$/u.test(p);
}

/** The site's calls to follow, subscribe or write in, by their opening verb ("Síguenos", "Suscríbete", "Follow us", "Pratite nas", "Na ndiqni", "Следете не")… */
const CTA_OPENING =
  /^(?:\p{P}\s*)?(?:s[ií]gue(?:nos)?|suscr[ií]be(?:te)?|[uú]nete|desc[aá]rga|act[ií]va|escr[ií]be(?:nos)?|¿tienes|siga|assine|inscreva|baixe|follow|subscribe|sign up|join|download|get (?:the|our)|pratite|zapratite|pretplatite|preuzmite|prijavite se|pišite nam|pisite nam|javite nam|imate li|na ndiqni|ndiqni|abonohu|shkarkoni|na shkruani|следете|претплатете|преземете|пратете|пишете ни|пратите|претплатите|пишите нам)(?![\p{L}])/iu;
/** …and the channel they point to: a social network, a newsletter, an app, an address. */
const CTA_CHANNEL =
  /whats\s?app|telegram|google news|newsletter|bolet[ií]n|facebook|instagram|twitter|youtube|tiktok|viber|aplikacij|\bapp\b|notificaciones|notifica[cç][oõ]es|@|https?:|www\.|newslett|bilten/iu;

/** Whether a paragraph is a call to follow, subscribe or write in, and nothing more. */
function callToAction(paragraph: string): boolean {
  const p = paragraph.trim();
  return p.length <= 220 && !p.includes('\n') && CTA_OPENING.test(p) && CTA_CHANNEL.test(p);
}

/** A page's furniture left inside a body: an advertisement's label, a share line, a comment counter. */
const AD_LABEL = /^(?:oglas|reklama|reklame|reklamë|publicidad|publicidade|advertisement|advertising|anuncio|sponsored|sponzorirano|sponzorisano|promo|реклама|оглас)$/iu;
const SHARE_LINE = /^(?:podijeli|podeli|podelite|podijelite|share|share this|compartir|comparte|compartilhe|shp[eë]rndaje|shp[eë]rndani|сподели|подели)\s*:?\s*(?:(?:facebook|twitter|x|whatsapp|viber|telegram|linkedin|e-?mail|messenger|pinterest|reddit|print|copy link)[\s,|·•]*)*$/iu;
const COMMENTS = /^(?:komentari|komentara|comments?|comentarios?|coment[aá]rios|komente|коментари)\s*\(?\d*\)?$/iu;

/** Whether a paragraph is a page's furniture and nothing more ("Oglas", "Podijeli: Facebook Twitter", "Komentari (12)"). */
function furnitureParagraph(paragraph: string): boolean {
  const p = paragraph.trim();
  return p.length <= 80 && (AD_LABEL.test(p) || SHARE_LINE.test(p) || COMMENTS.test(p));
}

/** Whether a paragraph is a byline or a dateline and nothing more: short, one line, no sentence in it. */
function bylineParagraph(paragraph: string): boolean {
  const p = paragraph.trim();
  if (p.length > 120 || p.includes('\n') || /[.!?]\s+\p{Lu}\p{Ll}/u.test(p)) return false;
  return (BYLINE.test(p) && !/[.!?]$/u.test(p.replace(/\d{1,4}\.$/u, ''))) || (DATELINE.test(p) && /\d{4}/.test(p));
}

/** Soft hyphen, zero-width space, word joiner, zero-width no-break space (BOM). Joiners that shape scripts and emoji stay. */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/** Headings of the "more stories" block that ends many article pages, in Ruta's languages. */
const TEASER_HEADING =
  /^(you may also like|you might also like|related( stories| articles| news| content)?|read more|more from|more on this|more stories|also read|recommended( for you)?|most read|pro[cč]itajte (jo[sš]|i)|pro[cč]itaj (jo[sš]|i)|povezan[ae] (vijesti|vesti|tekstovi|[cč]lanci)|preporu[cč]ujemo|najnovije|najčitanije|lea tambi[eé]n|te puede interesar|noticias relacionadas|m[aá]s noticias|lo m[aá]s le[ií]do|lexo (edhe|m[eë] shum[eë])|lajme t[eë] ngjashme|te ngjashme|прочитај(те)? (још|и)|повезане вести|прочитајте (повеќе|и)|поврзани (вести|статии))\s*[.:…]*$/iu;

/**
 * The text without a trailing "You may also like…" block: the heading and the
 * list of headlines after it, when nothing after the heading reads like prose
 * (every line is short and none ends with a full stop; a headline may ask).
 */
function withoutTrailingTeasers(text: string): string {
  const lines = text.split('\n');
  for (let i = Math.floor(lines.length / 3); i < lines.length; i++) {
    if (!TEASER_HEADING.test(lines[i]!.trim())) continue;
    const after = lines.slice(i + 1).filter((l) => l.trim());
    if (after.every((l) => l.trim().length <= 140 && !/[.!]$/u.test(l.trim()))) return lines.slice(0, i).join('\n').trimEnd();
  }
  return text;
}
