#!/usr/bin/env node
// The `ruta` command: runs cli/main.ts through tsx.
import { register } from 'tsx/esm/api';

// `ruta articles export | head`: a closed pipe ends the command quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

register();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
