// `npm start`: install what is missing, then serve the site with Vite's dev server.
import { spawnSync } from 'node:child_process';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
const result = spawnSync('npx', ['vite', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
