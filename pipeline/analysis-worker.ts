// A worker thread that turns fetched bytes into an article ready to store:
// decode, extract, identify the language, analyse. The crawler's main thread
// keeps to fetching and storing.
import { parentPort } from 'node:worker_threads';
import { buildArticle, extractPage, needsBrowser } from './process-page.js';
import type { AnalysisTask, AnalysisResult } from './analysis-pool.js';

parentPort!.on('message', (task: AnalysisTask) => {
  let result: AnalysisResult;
  try {
    const page = extractPage(task.finalUrl, Buffer.from(task.body), task.contentType, task.selectors);
    const base = { id: task.id, needsBrowser: needsBrowser(page), textLength: page.extracted.text.length, charsetWarning: page.charsetWarning };
    try {
      result = { ...base, article: buildArticle(page, task.ctx) };
    } catch (e) {
      result = { ...base, error: (e as Error).message, errorName: (e as Error).name };
    }
  } catch (e) {
    result = { id: task.id, needsBrowser: false, textLength: 0, error: (e as Error).message, errorName: (e as Error).name };
  }
  parentPort!.postMessage(result);
});
