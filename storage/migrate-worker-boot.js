// Worker-thread entry: load TypeScript through tsx, then the migration worker.
import { register } from 'tsx/esm/api';

register();
await import('./migrate-worker.ts');
