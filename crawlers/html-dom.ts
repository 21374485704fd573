// Parsing untrusted HTML (and sitemap XML) into a cheerio document whose nesting is bounded.
// htmlparser2 keeps its open elements in an array it shifts and unshifts, and
// DOM walks (selectors, text) cost time in proportion to depth at every node,
// so time grows with the square of the nesting: 200,000 nested <div>s (1.2 MB)
// took minutes. Browsers cap the tree for the same reason: Chromium opens an
// element that would sit below 512 levels as a sibling of the deepest one. One
// linear pass over the markup does the same here, below MAX_DEPTH: it closes the
// deepest open element before such a start tag (and drops that element's own end
// tag when it comes). Every tag and word stays; only the nesting is flatter.
import * as cheerio from 'cheerio';
import { parseDocument } from 'htmlparser2';

/** Real pages nest a few dozen levels; this leaves them untouched. */
export const MAX_DEPTH = 256;

const PARSE = { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false };

/** Parses HTML (htmlparser2, HTML mode) with its nesting capped, and loads it into cheerio. */
export function loadHtml(html: string): cheerio.CheerioAPI {
  return cheerio.load(parseDocument(capNesting(html).html, PARSE), { xml: PARSE });
}

/** Parses XML (sitemaps) with its nesting capped, and loads it into cheerio. */
export function loadXml(xml: string): cheerio.CheerioAPI {
  return cheerio.load(capNesting(xml, MAX_DEPTH, true).html, { xml: true });
}

// The parser's own tables (htmlparser2 Parser.js): void elements, raw-text elements, and the
// start tags that close an open element first (<p> closes <p>, <div> closes <p>, <td> closes <td>).
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const FOREIGN = new Set(['svg', 'math']);
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIES_CLOSE = new Map<string, Set<string>>(
  Object.entries({
    tr: ['tr', 'th', 'td'], th: ['th'], td: ['thead', 'th', 'td'], body: ['head', 'link', 'script'], li: ['li'], option: ['option'],
    optgroup: ['optgroup', 'option'], dd: ['dd', 'dt'], dt: ['dd', 'dt'], rt: ['rt', 'rp'], rp: ['rt', 'rp'], tbody: ['thead', 'tbody'], tfoot: ['thead', 'tbody'],
    ...Object.fromEntries(['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM])),
    ...Object.fromEntries(
      ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t) => [t, P]),
    ),
  }).map(([k, v]) => [k, new Set(v)]),
);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<(\/?)([a-zA-Z_][^\s/>]*)[^>]*>/g;

/**
 * The markup with its nesting capped at `max` levels, as described above. `moved` counts the
 * elements opened as siblings instead of children. Returns the input string itself when nothing
 * is that deep. The pass follows the parser's open elements on a stack that never grows past `max`.
 */
export function capNesting(html: string, max = MAX_DEPTH, xml = false): { html: string; moved: number } {
  // Fewer tags than the limit cannot nest that deep.
  let lt = 0;
  for (let i = html.indexOf('<'); i >= 0 && lt <= max; i = html.indexOf('<', i + 1)) lt++;
  if (lt <= max) return { html, moved: 0 };
  const out: string[] = [];
  const stack: string[] = [];
  /** End tags still to come for elements closed early, by name. */
  const closedEarly = new Map<string, number>();
  let foreign = 0;
  let moved = 0;
  let last = 0;
  const pop = () => {
    if (FOREIGN.has(stack.pop()!)) foreign--;
  };
  const tokens = new RegExp(TOKEN);
  for (let m = tokens.exec(html); m; m = tokens.exec(html)) {
    if (!m[2]) continue; // a comment or CDATA
    // XML: no void, raw-text or implied elements, and <x/> is always empty.
    if (xml && m[0].endsWith('/>')) continue;
    const name = xml ? m[2] : m[2].toLowerCase();
    if (m[1] !== '/') {
      if (!xml && RAW.has(name)) {
        tokens.lastIndex = rawEnd(html, name, tokens.lastIndex);
        continue;
      }
      // As in the parser, a start tag closes what it implies first, even a void one (<hr> closes <p>).
      const closes = xml ? undefined : IMPLIES_CLOSE.get(name);
      while (closes && stack.length && closes.has(stack[stack.length - 1]!)) pop();
      if (!xml && (VOID.has(name) || (foreign > 0 && m[0].endsWith('/>')))) continue;
      if (stack.length >= max) {
        const deepest = stack[stack.length - 1]!;
        out.push(html.slice(last, m.index), `</${deepest}>`);
        last = m.index;
        closedEarly.set(deepest, (closedEarly.get(deepest) ?? 0) + 1);
        pop();
        moved++;
      }
      stack.push(name);
      if (FOREIGN.has(name)) foreign++;
    } else if (stack[stack.length - 1] === name) {
      pop();
    } else if ((closedEarly.get(name) ?? 0) > 0) {
      closedEarly.set(name, closedEarly.get(name)! - 1);
      out.push(html.slice(last, m.index));
      last = m.index + m[0].length;
    } else {
      // An end tag for an element further down closes everything above it, as the parser does.
      const at = stack.lastIndexOf(name);
      while (at >= 0 && stack.length > at) pop();
    }
  }
  if (!moved) return { html, moved: 0 };
  out.push(html.slice(last));
  return { html: out.join(''), moved };
}

/** Where the text of a raw-text element whose start tag ends at `from` ends (after its end tag, or at the end of the page). */
function rawEnd(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}\\s*>`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index + m[0].length : html.length;
}
