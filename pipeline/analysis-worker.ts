// A worker thread that turns fetched bytes into an article ready to store:
// decode, extract, identify the language, analyse. The crawler's main thread
// keeps to fetching and storing.
import { parentPort } from 'node:worker_threads';
import { analyzeTask, type AnalysisTask } from './analysis-pool.js';

parentPort!.on('message', (task: AnalysisTask) => parentPort!.postMessage(analyzeTask(task)));
