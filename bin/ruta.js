#!/usr/bin/env node
// The `ruta` command: runs cli/main.ts through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
