import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Node's arguments that run the real server (`src/main.ts`) with TypeScript loaded in-process.
 * Not through tsx's command line: that wrapper relays SIGTERM to a second process and, when that
 * process does not confirm the signal within 30 ms (a busy machine), kills it and exits 143, so a
 * clean shutdown looked like a crash.
 */
export const SERVER_ARGS: readonly string[] = ['--import', pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, path.join(ROOT, 'src/main.ts')];
