// A pool of worker threads for the CPU-heavy part of the pipeline (extraction
// and analysis), so that it runs on every core while the main thread fetches
// and stores. RUTA_ANALYSIS_WORKERS=0 runs it in the main thread instead.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Selectors } from '../extractors/article-extract.js';
import type { ArticleInput } from '../storage/articles-repo.js';
import { buildArticle, extractPage, needsBrowser, pageWarning, ExtractionError, type ArticleContext } from './process-page.js';

export interface AnalysisTask {
  id: number;
  finalUrl: string;
  body: Uint8Array;
  contentType: string | null;
  selectors?: Selectors;
  /** The source's clock (IANA zone), for dates without one. */
  zone?: string;
  ctx: ArticleContext;
}

export interface AnalysisResult {
  id: number;
  article?: ArticleInput;
  needsBrowser: boolean;
  textLength: number;
  /** A wrong charset declaration, or a text longer than analysis reads. */
  warning?: string;
  error?: string;
  errorName?: string;
}

export class AnalysisError extends Error {}

/** Decode, extract and analyse one page: what a worker does, and what runs inline with no workers. */
export function analyzeTask(task: AnalysisTask): AnalysisResult {
  try {
    const page = extractPage(task.finalUrl, Buffer.from(task.body), task.contentType, task.selectors, task.zone);
    const base = { id: task.id, needsBrowser: needsBrowser(page), textLength: page.extracted.text.length, warning: pageWarning(page) };
    try {
      return { ...base, article: buildArticle(page, task.ctx) };
    } catch (e) {
      return { ...base, error: (e as Error).message, errorName: (e as Error).name };
    }
  } catch (e) {
    return { id: task.id, needsBrowser: false, textLength: 0, error: (e as Error).message, errorName: (e as Error).name };
  }
}

export function defaultWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.RUTA_ANALYSIS_WORKERS);
  if (env.RUTA_ANALYSIS_WORKERS !== undefined && env.RUTA_ANALYSIS_WORKERS !== '' && Number.isFinite(n) && n >= 0) return Math.floor(n);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // The main thread fetches and stores; one core less for analysis, and at least one worker.
  return Math.max(1, Math.min(3, cores - 1));
}

/**
 * Each worker's old-generation heap, in MB (RUTA_WORKER_HEAP_MB). 128 extracts a 5 MB page of
 * text; a page that needs more fails with an error that says so, and the worker is replaced.
 */
export function workerHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.RUTA_WORKER_HEAP_MB);
  return env.RUTA_WORKER_HEAP_MB && Number.isFinite(n) && n >= 32 ? Math.floor(n) : 128;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

export class AnalysisPool {
  private slots: Slot[] = [];
  private queue: { task: AnalysisTask; resolve: (r: AnalysisResult) => void; reject: (e: Error) => void }[] = [];
  private pending = new Map<number, { resolve: (r: AnalysisResult) => void; reject: (e: Error) => void; slot: Slot }>();
  private nextId = 1;
  private closed = false;

  constructor(
    private size = defaultWorkerCount(),
    private heapMb = workerHeapMb(),
  ) {}

  private spawn(): Slot {
    const worker = new Worker(new URL('./analysis-worker-boot.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 8 },
    });
    const slot: Slot = { worker, busy: false };
    worker.on('message', (r: AnalysisResult) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      slot.busy = false;
      p?.resolve(r);
      this.pump();
    });
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new AnalysisError(`analysis worker stopped (exit ${code})`));
    });
    worker.unref();
    return slot;
  }

  /** A worker died: its task fails, and it is replaced. */
  private fail(slot: Slot, e: Error) {
    const why =
      (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `the page needs more than the ${this.heapMb} MB an analysis worker has (it holds far more markup than an article page; RUTA_WORKER_HEAP_MB raises the limit)`
        : e.message;
    for (const [id, p] of this.pending) {
      if (p.slot === slot) {
        this.pending.delete(id);
        p.reject(new AnalysisError(`analysis failed: ${why}`));
      }
    }
    this.slots = this.slots.filter((s) => s !== slot);
    void slot.worker.terminate();
    this.pump();
  }

  private pump() {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.busy = true;
      this.pending.set(job.task.id, { resolve: job.resolve, reject: job.reject, slot });
      slot.worker.ref();
      // Hand the page's bytes over instead of copying them.
      const body = job.task.body;
      const transferable = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer;
      slot.worker.postMessage(job.task, transferable ? [body.buffer as ArrayBuffer] : []);
    }
    for (const s of this.slots) if (!s.busy) s.worker.unref();
  }

  run(task: Omit<AnalysisTask, 'id'>): Promise<AnalysisResult> {
    const full = { ...task, id: this.nextId++ };
    if (this.size === 0 || this.closed) return Promise.resolve(analyzeTask(full));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: full, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}

/** Rebuilds the error a worker reported, keeping extraction errors recognisable. */
export function resultError(r: AnalysisResult): Error {
  return r.errorName === 'ExtractionError' ? new ExtractionError(r.error) : new AnalysisError(r.error ?? 'analysis failed');
}
