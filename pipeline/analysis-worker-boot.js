// Worker-thread entry: load TypeScript through tsx, then the analysis worker.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
