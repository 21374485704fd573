// Nicknames: "Nikola Vujošević, alias "Kum"", "el detenido, conocido como "el
// Ingeniero"", "Aleksandar Vujić, zvani Profa", "i njohur si "Dajti"",
// "познат како „Шкорпија“". A nickname names the person mentioned last before
// it, and every later use of it is that person too.
import { quotedAt, type Token } from './text-normalize.js';

export interface Nickname {
  text: string;
  start: number;
  end: number;
}

/** One-word cues, folded. */
const CUE = /^(alias|aka|zvani|zvan|zvana|zvanog|zvanom|zvanim|nadimak|nadimka|nadimkom|nadimku|nadimcima|apodado|apodada|apodo|vulgo|nicknamed|nofka|nofken|nofkes|prekar|prekarot|prekorot|nadimakot)$/;
/** Verbs of calling, folded (Cyrillic read as Latin) ("a quien sus socios llamaban "Šarac"", "koga zovu „Brko“"): a cue only before a quoted name, as operations and companies are "called" too. */
const QUOTED_CUE = /^(llamaban|llaman|apodaban|apodan|zovu|zvali|nazivaju|nazivali|prozvali|quajne|quanin|quane|vikaat|vikale|narekuvaat)$/;
/** Words that open a two-word nickname, folded: "Mali Raša", "Veliki Kum", "Crni Đole", "El Gordo". */
const PREFIX = /^(mali|malog|veliki|velikog|crni|crnog|beli|bijeli|debeli|ludi|stari|mladi|mladji|el|la|big|little|fat|crazy|малиот|големиот|црниот|vogli|madhi|zi)$/;
/** Two-word cues, folded. */
const CUE2 = new Set(['conocido como', 'conocida como', 'known as', 'njohur si', 'quajtur si', 'poznat kao', 'poznata kao', 'poznatiji kao', 'poznat pod', 'poznat kako', 'poznata kako', 'poznatiot kako', 'po imenu', 'me emrin']);

export function findNicknames(text: string, tokens: Token[]): Nickname[] {
  const out: Nickname[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let after = -1;
    const quotedOnly = QUOTED_CUE.test(tokens[i]!.norm);
    if (CUE.test(tokens[i]!.norm) || quotedOnly) after = i + 1;
    else if (/^a\.k\.a$/i.test(text.slice(tokens[i]!.start, tokens[i + 2]?.end))) after = i + 3; // "a.k.a.": three one-letter tokens
    else if (tokens[i + 1] && CUE2.has(`${tokens[i]!.norm} ${tokens[i + 1]!.norm}`)) after = i + 2;
    if (after < 0 || after >= tokens.length) continue;
    // "po nadimku", "pod nadimkom": the cue may be followed by a colon or comma.
    const from = tokens[after - 1]!.end;
    let gap = text.slice(from, tokens[after]!.start);
    // The closing dot of "a.k.a." is the cue's.
    if (after === i + 3 && gap.startsWith('.')) gap = ` ${gap.slice(1)}`;
    const q = /^[\s:,]{0,3}(\S)?$/u.exec(gap);
    if (!q) continue;
    const inQuotes = q[1] ? quotedAt(text, from + gap.length - 1, 40) : undefined;
    if (inQuotes) {
      // A nickname is a word or two, one of them capitalised: "el Ingeniero", "Kum", "Šef".
      if (inQuotes.text.split(/\s+/).length > 3 || !/\p{Lu}/u.test(inQuotes.text)) continue;
      out.push(inQuotes);
    } else if (!q[1] && !quotedOnly && /^\p{Lu}\p{Ll}+$/u.test(tokens[after]!.text)) {
      const t = tokens[after]!;
      // "zvani Mali Raša", "alias El Gordo": a word like "little" or "black" goes with the name after it.
      const next = tokens[after + 1];
      const end = PREFIX.test(t.norm) && next && /^\p{Lu}\p{Ll}+$/u.test(next.text) && text.slice(t.end, next.start) === ' ' ? next.end : t.end;
      out.push({ text: text.slice(t.start, end), start: t.start, end });
    }
  }
  return out;
}
