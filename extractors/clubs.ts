// Sports clubs named by their first word beside a player's role or their
// fans: in "former Santos midfielder" or "navijači Hajduka" the name is the
// club's, no port or city. The clubs are config/gazetteer/clubs.yaml (kind: club).
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';
import { fold, type Token } from './text-normalize.js';

/** A player's role or a club's fans, folded, in Ruta's languages. */
const SPORTS_ROLE =
  /^(midfielder|striker|forward|defender|goalkeeper|winger|coach|manager|player|players|fans|supporters|delantero|mediocampista|volante|defensa|defensor|arquero|portero|tecnico|entrenador|hinchas|aficionados|jugador|jugadores|vezni|veznjak|napadac|golman|vratar|trener|navijaci|navijace|igrac|igraca|igraci|meia|atacante|zagueiro|goleiro|torcedores|lojtar|lojtari|lojtaret|trajner|trajneri|tifozet|tifozat)$/;

const clubIndex = new WeakMap<Gazetteer, Map<string, GazetteerEntry>>();
/** The sports club whose name's first word a token is ("Santos", "Hajduka" in a Slavic case form), if only one club has it. */
function clubNamedBy(gazetteer: Gazetteer, norm: string): GazetteerEntry | undefined {
  let index = clubIndex.get(gazetteer);
  if (!index) {
    index = new Map();
    const seen = new Map<string, GazetteerEntry | null>();
    for (const e of gazetteer.entries) {
      if (!e.club) continue;
      for (const a of [e.canonical, ...e.aliases]) {
        // The name's first word after a club prefix: Barcelona of "FC Barcelona" and of "Barcelona SC".
        const first = fold(a).split(/\s+/).find((w) => !/^(fk|fc|kf|hnk|gnk|nk|sl|cf|sc|club|sport)$/.test(w)) ?? '';
        if (first.length < 4) continue;
        const had = seen.get(first);
        seen.set(first, had === undefined || had === e ? e : null);
      }
    }
    for (const [k, e] of seen) if (e) index.set(k, e);
    clubIndex.set(gazetteer, index);
  }
  return index.get(norm) ?? index.get(norm.replace(/(a|u|om|e|i)$/, ''));
}

/** Each capitalised token beside a player's role that names exactly one club by its first word. */
export function clubsByRole(tokens: Token[], gazetteer: Gazetteer): { token: Token; club: GazetteerEntry }[] {
  const out: { token: Token; club: GazetteerEntry }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!/^\p{Lu}/u.test(t.text) || !(SPORTS_ROLE.test(tokens[i + 1]?.norm ?? '') || SPORTS_ROLE.test(tokens[i - 1]?.norm ?? ''))) continue;
    const club = clubNamedBy(gazetteer, t.norm);
    if (club) out.push({ token: t, club });
  }
  return out;
}
