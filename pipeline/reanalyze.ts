// `ruta articles reanalyze`: the analysis of stored articles done again with
// today's extractors and gazetteer, as the crawl would do it for a new page
// (the same priors: the language and country of the article's first source).
import { analyze } from '../extractors/analyze.js';
import { storedAnalysis } from './process-page.js';
import type { Db } from '../storage/db.js';
import { applyReanalysis, articlesToReanalyze, countArticlesToReanalyze } from '../storage/reanalysis-repo.js';

export interface ReanalyzeOptions {
  sourceId?: string;
  since?: Date;
  /** Tell what would change, save nothing. */
  dryRun?: boolean;
  /** Save without journalling the changes for the alert rules: links found anew raise no alert. */
  quiet?: boolean;
}

export interface LinkChange {
  articleId: number;
  balkan: string;
  latam: string;
}

export interface ReanalyzeReport {
  total: number;
  read: number;
  changed: number;
  added: LinkChange[];
  removed: LinkChange[];
}

export async function reanalyzeStored(db: Db, opts: ReanalyzeOptions = {}, onProgress?: (r: ReanalyzeReport) => void): Promise<ReanalyzeReport> {
  const report: ReanalyzeReport = { total: await countArticlesToReanalyze(db, opts), read: 0, changed: 0, added: [], removed: [] };
  for await (const a of articlesToReanalyze(db, opts)) {
    const analysis = analyze({ text: a.text, title: a.title, langPrior: a.sourceLanguage, country: a.sourceCountry, published: a.published });
    const result = await applyReanalysis(db, a.id, storedAnalysis(analysis), { dryRun: opts.dryRun, journal: !opts.quiet });
    report.read++;
    if (result.changed) report.changed++;
    for (const l of result.added) report.added.push({ articleId: a.id, ...l });
    for (const l of result.removed) report.removed.push({ articleId: a.id, ...l });
    onProgress?.(report);
  }
  return report;
}
