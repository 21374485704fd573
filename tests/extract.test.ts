import { describe, expect, it } from 'vitest';
import { extractArticle } from '../extractors/article-extract.js';
import { parseDate } from '../extractors/dates.js';
import { outlets } from './fixtures/newsroom/outlets.js';
import { articleHtml } from './fixtures/newsroom/render.js';

const BASE = 'http://127.0.0.1:1';
const CLUTTER = ['cookies', 'Advertisement', 'Subscribe to our newsletter', 'reader_77', 'Holiday apartments', 'All rights reserved', 'Related'];

describe('article extraction on fixture pages', () => {
  for (const o of outlets().filter((x) => !x.jsBody)) {
    const a = o.articles[0]!;
    it(`${o.id}: title, author, date and clean body (${o.jsonLd ? 'JSON-LD' : 'meta only'})`, () => {
      const ex = extractArticle(articleHtml(o, a, BASE), `${BASE}/${o.id}/x.html`);
      expect(ex.title).toBe(a.title);
      expect(ex.author).toBe(a.author);
      expect(ex.published?.getTime()).toBe(new Date(a.published).getTime());
      expect(ex.text.split('\n\n')).toEqual(a.paragraphs);
      for (const junk of CLUTTER) expect(ex.text).not.toContain(junk);
      expect(ex.canonicalUrl).toMatch(new RegExp(`/${o.id}/`));
    });
  }

  it('sees only the teaser of a JavaScript-injected body, and notes the scripts', () => {
    const o = outlets().find((x) => x.jsBody)!;
    const ex = extractArticle(articleHtml(o, o.articles[0]!, BASE), `${BASE}/x.html`);
    expect(ex.hasScripts).toBe(true);
    expect(ex.bodySource).toBe('meta');
    expect(ex.text.length).toBeLessThanOrEqual(200);
  });

  it('per-source selectors win', () => {
    const html = '<html><body><div class="story"><p>Selected paragraph one.</p><p>Selected two.</p></div><div class="other"><p>' + 'Long other text. '.repeat(40) + '</p></div></body></html>';
    expect(extractArticle(html, BASE, { body: '.story' }).text).toBe('Selected paragraph one.\n\nSelected two.');
  });

  it('stores no invisible formatting: soft hyphens and zero-width spaces would split names and places', () => {
    const html =
      '<html><head><title>Uhap&shy;šen Marko Ili&#8203;ć</title></head><body><article><h1>Uhap&shy;šen Marko Ili&#8203;ć</h1>' +
      '<p>Policija je u Gva&shy;ja&shy;kilu uhapsila srpskog državljanina Marka Ili&#8203;ća zbog šverca kokaina.</p>' +
      '<p>Prema navodima istražitelja, droga je trebalo da stigne u luku Bar.&#xFEFF;</p></article></body></html>';
    const ex = extractArticle(html, BASE);
    expect(ex.title).toBe('Uhapšen Marko Ilić');
    expect(ex.text).toBe('Policija je u Gvajakilu uhapsila srpskog državljanina Marka Ilića zbog šverca kokaina.\n\nPrema navodima istražitelja, droga je trebalo da stigne u luku Bar.');
  });

  it('finds text set directly in blocks with <br> instead of paragraphs', () => {
    const body = 'Agentes antinarcóticos hallaron 300 kilos de cocaína en Guayaquil, según la Policía.<br><br>El cargamento iba a Amberes, en Bélgica, oculto entre cajas de banano.';
    const html = `<html><body><div class="menu"><a href="/">Inicio</a> <a href="/x">Política</a></div><div class="nota">${body}</div></body></html>`;
    expect(extractArticle(html, BASE).text).toBe('Agentes antinarcóticos hallaron 300 kilos de cocaína en Guayaquil, según la Policía.\n\nEl cargamento iba a Amberes, en Bélgica, oculto entre cajas de banano.');
  });

  it('tidies what pages declare: titles escaped twice, placeholder dates, bylines, the site name after the title', () => {
    const page = (head: string) => `<html><head>${head}</head><body><article><p>Agentes antinarcóticos hallaron 300 kilos de cocaína en Guayaquil, según la Policía Nacional del Ecuador.</p></article></body></html>`;
    const ex = extractArticle(
      page(`<meta property="og:title" content="&amp;#8216;Operación Caribe&amp;#8217;: 300 kilos en Guayaquil | El Litoral">
        <meta property="og:site_name" content="El Litoral">
        <meta name="date" content="0001-01-01T00:00:00Z"><meta name="dc.date" content="2024-03-14T10:00:00Z">
        <meta name="author" content="By JUAN PÉREZ, AP Correspondent">`),
      'https://ellitoral.example/nota',
    );
    expect(ex.title).toBe('‘Operación Caribe’: 300 kilos en Guayaquil');
    expect(ex.published?.toISOString()).toBe('2024-03-14T10:00:00.000Z');
    expect(ex.author).toBe('Juan Pérez, AP Correspondent');
    // A profile URL names no one; a dateline run into the byline goes; a dash inside the title stays.
    expect(extractArticle(page('<meta name="author" content="https://www.facebook.com/someone">'), BASE).author).toBeNull();
    expect(extractArticle(page('<meta name="author" content="JERUSALEM POST STAFF NOVEMBER 20, 2019 10:43">'), BASE).author).toBe('Jerusalem Post Staff');
    expect(extractArticle(page('<title>Montenegro\'s cocaine war - Kavač against Škaljari</title>'), BASE).title).toBe("Montenegro's cocaine war - Kavač against Škaljari");
    // A date days ahead is no publication date either.
    expect(extractArticle(page('<meta name="date" content="2999-01-01T00:00:00Z">'), BASE).published).toBeNull();
  });

  it('survives broken and hostile markup', () => {
    for (const html of ['', '<', '<html><body><p>unclosed <b>bold <i>italic', '\u0000\u0001binary\uFFFD', '<script>alert(1)</script><p onclick="x()">Texto con <img src=x onerror=alert(1)> imagen y suficiente longitud para contar como párrafo.</p>']) {
      const ex = extractArticle(html, BASE);
      expect(ex.text).not.toContain('alert(1)');
    }
  });
});

describe('multilingual dates', () => {
  const cases: [string, string][] = [
    ['12. februar 2024.', '2024-02-12T00:00'],
    ['12 de febrero de 2024', '2024-02-12T00:00'],
    ['12 shkurt 2024', '2024-02-12T00:00'],
    ['12 фебруари 2024', '2024-02-12T00:00'],
    ['12. фебруар 2024.', '2024-02-12T00:00'],
    ['12.02.2024. u 14:35', '2024-02-12T14:35'],
    ['12. veljače 2024.', '2024-02-12T00:00'],
    ['February 12, 2024', '2024-02-12T00:00'],
    ['2024-02-12T14:35:00+01:00', '2024-02-12T13:35'],
    // Zones after the time, by offset or by name; 12-hour clocks.
    ['12 de febrero de 2024 - 14:35 COT', '2024-02-12T19:35'],
    ['12.02.2024 14:35 (GMT+1)', '2024-02-12T13:35'],
    ['12 Feb 2024 14:35 -0300', '2024-02-12T17:35'],
    ['February 12, 2024 at 2:35 PM EST', '2024-02-12T19:35'],
    ['12 de febrero de 2024, 2:35 p. m.', '2024-02-12T14:35'],
    ['12 February 2024 12:10 AM', '2024-02-12T00:10'],
    // A range of times is no zone.
    ['12.02.2024 14:35-16:00', '2024-02-12T14:35'],
  ];
  for (const [input, iso] of cases) {
    it(input, () => expect(parseDate(input)?.toISOString().slice(0, 16)).toBe(iso));
  }
  it('returns undefined for non-dates', () => {
    expect(parseDate('yesterday evening')).toBeUndefined();
    expect(parseDate('99.99.9999')).toBeUndefined();
    expect(parseDate('31.02.2024. u 14:35', 'Europe/Belgrade')).toBeUndefined();
  });

  it('reads a time written without a zone on the clock given, daylight saving included, never on this machine’s', () => {
    const machine = process.env.TZ;
    // Node reads TZ afresh: were the machine's clock used, Tokyo's would show.
    process.env.TZ = 'Asia/Tokyo';
    try {
      const at = (s: string, zone?: string) => parseDate(s, zone)?.toISOString().slice(0, 16);
      for (const s of ['2024-02-12T14:35:00', 'Mon, 12 Feb 2024 14:35:00', '2024/02/12 14:35', '12.02.2024. u 14:35', '12 de febrero de 2024, 2:35 p. m.']) {
        expect(at(s), s).toBe('2024-02-12T14:35');
        expect(at(s, 'Europe/Belgrade'), s).toBe('2024-02-12T13:35');
        expect(at(s, 'America/Guayaquil'), s).toBe('2024-02-12T19:35');
      }
      // Summer time in Belgrade; Guayaquil keeps one clock all year.
      expect(at('12.07.2024. u 14:35', 'Europe/Belgrade')).toBe('2024-07-12T12:35');
      expect(at('12.07.2024. u 14:35', 'America/Guayaquil')).toBe('2024-07-12T19:35');
      // 02:30 on the night the clocks go forward does not exist: it reads as the time after the gap.
      expect(at('31.03.2024. u 02:30', 'Europe/Belgrade')).toBe('2024-03-31T01:30');
      // A zone the text writes wins over the clock given.
      expect(at('2024-02-12T14:35:00+01:00', 'America/Guayaquil')).toBe('2024-02-12T13:35');
      expect(at('12 de febrero de 2024 - 14:35 COT', 'Europe/Belgrade')).toBe('2024-02-12T19:35');
      expect(at('Mon, 12 Feb 2024 14:35:00 GMT', 'Europe/Belgrade')).toBe('2024-02-12T14:35');
      expect(at('2024-02-12T14:35:00 CET', 'America/Guayaquil')).toBe('2024-02-12T13:35');
      expect(at('2024-02-12 14:35 COT', 'Europe/Belgrade')).toBe('2024-02-12T19:35');
      // A date without a time is that day, wherever it is printed: midnight UTC.
      for (const s of ['12. februar 2024.', '2024-02-12', '2024/02/12']) expect(at(s, 'America/Guayaquil'), s).toBe('2024-02-12T00:00');
    } finally {
      if (machine === undefined) delete process.env.TZ;
      else process.env.TZ = machine;
    }
  });

  it('dates a page on its domain’s clock unless told the source’s', () => {
    const page = '<html><head><meta property="article:published_time" content="2024-02-12T14:35:00"></head><body><article><h1>T</h1><p>Text.</p></article></body></html>';
    expect(extractArticle(page, 'https://www.novosti.rs/c/a/1').published?.toISOString()).toBe('2024-02-12T13:35:00.000Z');
    expect(extractArticle(page, 'https://www.eluniverso.com.ec/a/1').published?.toISOString()).toBe('2024-02-12T19:35:00.000Z');
    expect(extractArticle(page, 'https://www.example.com/a/1').published?.toISOString()).toBe('2024-02-12T14:35:00.000Z');
    expect(extractArticle(page, 'https://www.example.com/a/1', {}, 'America/Lima').published?.toISOString()).toBe('2024-02-12T19:35:00.000Z');
  });
});

describe('main-content edge cases', () => {
  const para = (s: string) => `<p>${s} ${'The shipment was loaded in the port, according to the prosecutors, and sailed north. '.repeat(3)}</p>`;

  it('joins an article split into same-class sections, and leaves captions and teaser lists out', () => {
    const html = `<html><body><main>
      <div class="post-body">${para('First part.')}${para('Second paragraph.')}</div>
      <figure><img src="a.jpg"><figcaption>Police at the port. Photo: Reuters</figcaption></figure>
      <div class="image-caption">A container at the dock, seen from the crane above the harbour.</div>
      <div class="post-body">${para('Third part after the figure.')}</div>
      <ul class="more">${Array.from({ length: 8 }, (_, i) => `<li><a href="/s/${i}">Teaser headline number ${i}, with a summary of another story that is long enough.</a></li>`).join('')}</ul>
    </main></body></html>`;
    const ex = extractArticle(html, 'https://news.example/a');
    expect(ex.text).toContain('First part.');
    expect(ex.text).toContain('Third part after the figure.');
    expect(ex.text).not.toContain('Photo: Reuters');
    expect(ex.text).not.toContain('seen from the crane');
    expect(ex.text).not.toContain('Teaser headline');
  });

  it('drops a trailing "read more" heading and the headlines under it, and keeps prose after such a heading', () => {
    const heads = ['Ko je vodio lanac?', 'Uhapšen drugi osumnjičeni', 'Sve o akciji „Pacifik“'].map((h) => `<h3>${h}</h3>`).join('');
    const teasers = extractArticle(`<html><body><article>${para('Prvi dio.')}${para('Drugi dio.')}<h2>Pročitajte još</h2>${heads}</article></body></html>`, 'https://news.example/d');
    expect(teasers.text).toContain('Drugi dio.');
    expect(teasers.text).not.toMatch(/Pročitajte još|Uhapšen drugi/);
    const prose = extractArticle(`<html><body><article>${para('Prvi dio.')}${para('Drugi dio.')}<h2>Related</h2>${para('The court will rule in March.')}</article></body></html>`, 'https://news.example/e');
    expect(prose.text).toContain('The court will rule in March.');
  });
  it('drops a byline or a bare dateline among the first paragraphs, and keeps prose that opens with "By" or "Por"', () => {
    const body = (first: string) =>
      extractArticle(
        `<html><body><article><div>${first}</div>${para('Ekvadorska policija uhapsila je u Gvajakilu srpskog državljanina osumnjičenog za šverc kokaina.')}${para('Istraga je u toku, saopštila je policija.')}</article></body></html>`,
        'https://news.example/b',
      ).text.split('\n\n')[0];
    expect(body('Autor: Marko Marković | 20.11.2026. 10:15')).toMatch(/^Ekvadorska policija/);
    expect(body('Nga: Arben Hoxha')).toMatch(/^Ekvadorska policija/);
    expect(body('By Jane Doe, Reuters')).toMatch(/^Ekvadorska policija/);
    expect(body('20.11.2026. 10:15')).toMatch(/^Ekvadorska policija/);
    expect(body('Por Guayaquil pasa la mayor parte de la cocaína que llega a Europa.')).toBe('Por Guayaquil pasa la mayor parte de la cocaína que llega a Europa.');
    expect(body('By the end of 2023, the port had new scanners.')).toBe('By the end of 2023, the port had new scanners.');
  });

  it('drops photo and source credits and a wire agency in brackets, and keeps prose that opens with such a word', () => {
    const html = `<html><body><article><p>Foto: Policia e Shtetit</p>${para('Policia e Shtetit sekuestroi 300 kilogramë kokainë në portin e Durrësit.')}<p>Izvor: N1</p>${para('Hetimet vazhdojnë.')}<p>(ANSA)</p><p>Fuente: la Fiscalía confirmó la detención. El caso sigue abierto.</p></article></body></html>`;
    const text = extractArticle(html, 'https://news.example/c').text;
    expect(text).not.toMatch(/Foto: Policia|Izvor: N1|\(ANSA\)/);
    expect(text).toMatch(/^Policia e Shtetit sekuestroi/);
    expect(text).toMatch(/Fuente: la Fiscalía confirmó la detención\. El caso sigue abierto\.$/);
  });

  it('drops the site\'s calls to follow, subscribe or write in, and keeps prose that opens with the same verb', () => {
    const html = `<html><body><article>${para('La Policía Nacional detuvo a un ciudadano serbio en el puerto de Guayaquil.')}<p>Síguenos en nuestro canal de WhatsApp y en Google News.</p><p>¿Tienes una denuncia? Escríbenos a denuncias@diario.ec</p><p>Pratite nas na Facebooku i Instagramu.</p><p>Sigue abierta la investigación sobre el cargamento que cruzó el Canal de Panamá.</p></article></body></html>`;
    const text = extractArticle(html, 'https://news.example/e').text;
    expect(text).not.toMatch(/Síguenos|Escríbenos|Pratite nas/);
    expect(text).toMatch(/Sigue abierta la investigación sobre el cargamento que cruzó el Canal de Panamá\.$/);
  });

  it('drops advertisement labels, share lines and comment counters left in the body, and keeps prose with those words', () => {
    const html = `<html><body><article>${para('Djelatnici Carinske uprave zaplijenili su u luci Ploče 400 kilograma kokaina.')}<p>Oglas</p><p>Advertisement</p><p>Podijeli: Facebook Twitter WhatsApp</p><p>Komentari (12)</p><p>Reklama za voće skrivala je pošiljku, a policija je podijelila fotografije.</p></article></body></html>`;
    const text = extractArticle(html, 'https://news.example/f').text;
    expect(text).not.toMatch(/^Oglas$|^Advertisement$|Podijeli:|Komentari \(12\)/mu);
    expect(text).toMatch(/Reklama za voće skrivala je pošiljku, a policija je podijelila fotografije\.$/);
  });

  it('drops a teaser of another article between paragraphs, and keeps a paragraph that only opens with such words', () => {
    const html = `<html><body><article>${para('Policija u Baru uhapsila je Marka Ilića zbog preprodaje marihuane.')}<p><strong>Pročitajte još:</strong> <a href="/v/2">Kavački klan švercovao kokain iz Ekvadora preko luke Bar</a></p>${para('Ilić je priveden tužiocu.')}<p>Read more: the court said the case would resume in March. Prosecutors agreed.</p></article></body></html>`;
    const ex = extractArticle(html, 'https://news.example/t');
    expect(ex.text).toContain('Ilić je priveden tužiocu.');
    expect(ex.text).not.toMatch(/Pročitajte još|Kavački klan/);
    expect(ex.text).toContain('Read more: the court said the case would resume in March. Prosecutors agreed.');
  });
  it('reads HTML inside a JSON-LD articleBody as markup, and keeps table cells apart', () => {
    const body = `<p class="bodytext">${'Prosecutors said the cocaine came from Guayaquil. '.repeat(4)}</p><p>${'The investigation continues in three countries. '.repeat(3)}</p>`;
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'H', articleBody: body });
    const ex = extractArticle(`<html><head><script type="application/ld+json">${ld}</script></head><body><p>Short teaser only.</p></body></html>`, 'https://news.example/b');
    expect(ex.bodySource).toBe('json-ld');
    expect(ex.text).not.toMatch(/<p|class=/);
    expect(ex.text.split('\n\n')).toHaveLength(2);
    const table = extractArticle(`<html><body><article>${para('Intro.')}<table><tr><td>HD</td><td>225.86</td><td>-5.44%</td></tr></table></article></body></html>`, 'https://news.example/c');
    expect(table.text).toContain('HD 225.86 -5.44%');
  });
});
