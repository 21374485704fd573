// A consistent copy of the database while Ruta runs: SQLite's online backup
// (through better-sqlite3) copies the pages under a read transaction, so
// writes going on meanwhile are either wholly in the copy or wholly out of it;
// copying the file itself could tear a page or leave the WAL behind. The copy
// is checked before it is reported done.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export class BackupError extends Error {}

export interface BackupResult {
  path: string;
  bytes: number;
  articles: number;
}

export async function backupDatabase(source: string, dest: string, onProgress: (done: number, total: number) => void = () => {}): Promise<BackupResult> {
  const from = resolve(source);
  const to = resolve(dest);
  if (!existsSync(from)) throw new BackupError(`there is no database at ${from}; set RUTA_DB to the one to back up`);
  if (to === from) throw new BackupError('the backup must go to another file than the database itself');
  if (existsSync(to)) throw new BackupError(`${to} already exists; choose a new file name (a backup never overwrites)`);
  mkdirSync(dirname(to), { recursive: true });
  // Written beside the target and renamed when checked: a half-written file never carries the backup's name.
  const partial = `${to}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages - remainingPages, totalPages);
        return 1000; // pages per step: writers get the database between steps
      },
    });
  } catch (e) {
    rmSync(partial, { force: true });
    throw new BackupError(`could not back up ${from} to ${to}: ${(e as Error).message}`);
  } finally {
    db.close();
  }
  const copy = new Database(partial, { readonly: true });
  let articles: number;
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`the copy of ${from} failed its check (${String(check)}); it was not kept`);
    articles = (copy.prepare('SELECT count(*) AS n FROM "Article"').get() as { n: number }).n;
  } catch (e) {
    copy.close();
    rmSync(partial, { force: true });
    throw e instanceof BackupError ? e : new BackupError(`the copy of ${from} could not be read back: ${(e as Error).message}`);
  }
  copy.close();
  renameSync(partial, to);
  return { path: to, bytes: statSync(to).size, articles };
}
