// Teasers of other articles inside a body: "Pročitajte još: Kavački klan švercovao kokain iz Ekvadora",
// "Lea también: …", "READ MORE: …". Portals set them between paragraphs; what they name is another
// article's, so analysis reads past them, as past a line of tags ("Tagovi: Ekvador, kokain, Kavački
// klan"), which states nothing.

/**
 * A teaser's opening words, then a colon, an arrow or a dash, or the end of the line (the headline then
 * stands on the next): en, es, pt, sr/hr/bs/cnr in both scripts, sq, mk.
 */
const TEASER = new RegExp(
  String.raw`^[ \t•*>»–—-]*(?:` +
    [
      'read (?:more|also|next)', 'also read', 'related(?: (?:stories|articles|news|coverage))?', 'see also', 'more on this(?: story)?', 'recommended',
      'lea (?:también|tambien|más|mas)', 'lee (?:también|tambien|más|mas)', '(?:te|le) puede interesar', '(?:noticias |notas )?relacionad[ao]s?', 'más noticias', 'mas noticias',
      'leia (?:também|tambem|mais)', 'veja (?:também|tambem|mais)', 'saiba mais', 'mais notícias', 'mais noticias',
      'pro[čc]itajte(?: (?:jo[šs]|i|vi[šs]e|tako[đd]e|tako[đd]er))?', 'pro[čc]itaj(?: (?:jo[šs]|i|vi[šs]e))?', 'vezan[aeo]?(?: (?:vijesti|vesti|tekstovi|[čc]lanci|teme))?',
      'povezan[aeo]?(?: (?:vijesti|vesti|tekstovi|[čc]lanci|teme))?', 'op[šs]irnije', 'preporu[čc]ujemo', 'pogledajte(?: (?:jo[šs]|i))?', 'vidi(?: (?:jo[šs]|i))?', 'izdvajamo',
      'lexo(?: (?:edhe|më shumë|me shume|gjithashtu))?', 'lexoni(?: (?:edhe|më shumë|me shume))?', 'të ngjashme', 'te ngjashme',
      'прочитајте(?: (?:још|и|више))?', 'прочитај(?: (?:још|и|повеќе|више))?', 'поврзан[аио]?(?: (?:вести|текстови))?', 'повезан[аео]?(?: (?:вести|текстови))?',
      'погледајте(?: (?:још|и))?', 'погледнете(?: (?:и|уште))?', 'издвајамо',
      // Tags.
      'tags?', 'tagovi', 'oznake', 'klju[čc]ne (?:rije[čc]i|re[čc]i)', 'etiquetas', 'temas', 'palabras clave', 'tópicos', 'assuntos',
      'etiketa', 'etiketat', 'fjalë kyçe', 'тагови', 'ознаки', 'клучни зборови', 'кључне речи',
    ].join('|') +
    String.raw`)[ \t]*(?:[:>»→–—-]|$)`,
  'iu',
);

/**
 * Whether a paragraph is a teaser of another article and nothing more: its opening words, then a headline
 * ("Pročitajte još: Kavački klan švercovao kokain iz Ekvadora"), short and with no sentence after it.
 */
export function teaserParagraph(paragraph: string): boolean {
  const m = TEASER.exec(paragraph);
  if (!m || paragraph.includes('\n')) return false;
  const rest = paragraph.slice(m[0].length).trim();
  return rest.length <= 200 && !/[.!?]\s+\p{Lu}/u.test(rest);
}

/** The text with every teaser line (and the headline after a teaser word standing alone) blanked, each character at its offset. */
export function maskTeasers(text: string): string {
  if (!/\n/.test(text)) return text;
  let out: string[] | undefined;
  let at = 0;
  let blankNext = false;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    const m = TEASER.exec(line);
    if (m || (blankNext && line.trim())) {
      out ??= text.split(''); // UTF-16 code units, as offsets count
      for (let k = at; k < end; k++) out[k] = ' ';
      // A teaser word alone on its line ("PROČITAJTE JOŠ") heads the headline on the next line.
      blankNext = !!m && !line.slice(m[0].length).trim();
    } else if (line.trim()) blankNext = false;
    if (nl < 0) break;
    at = nl + 1;
  }
  return out ? out.join('') : text;
}
