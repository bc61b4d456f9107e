import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support.js';

/** One shell command line of a fenced block (continuations joined, heredoc bodies left out). */
export interface RunbookCommand {
  section: string;
  block: number;
  line: string;
  /** The block's earlier lines changed `.env` (an edit, an append, a copy). */
  afterEnvChange: boolean;
}

/** A simple command: its words, quotes removed, redirections dropped. */
export type Words = string[];

const SHELL_FENCES = new Set(['bash', 'sh', 'shell', 'console', 'cron']);

/** Every command line of the runbook's shell (and cron) blocks, with the section it appears in. */
export function extractCommands(markdown: string): RunbookCommand[] {
  const commands: RunbookCommand[] = [];
  let section = '';
  let fence: string | null = null;
  let block = 0;
  let pending = '';
  let heredocEnd: string | null = null;
  let envChanged = false;
  for (const raw of markdown.split('\n')) {
    if (fence === null) {
      if (raw.startsWith('#')) section = raw.replace(/^#+\s*/, '');
      const open = /^```(\S*)/.exec(raw);
      if (open) {
        fence = open[1] ?? '';
        block++;
        envChanged = false;
      }
      continue;
    }
    if (raw.startsWith('```')) {
      fence = null;
      continue;
    }
    if (!SHELL_FENCES.has(fence)) continue;
    if (heredocEnd !== null) {
      if (raw.trim() === heredocEnd) heredocEnd = null;
      continue;
    }
    let line = fence === 'cron' ? cronCommand(raw) : raw;
    if (line === null) continue;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1) + ' ';
      continue;
    }
    line = (pending + line).trim();
    pending = '';
    if (!line || line.startsWith('#')) {
      if (/\bedit \.env\b|\.env:/i.test(line)) envChanged = true;
      continue;
    }
    const heredoc = /<<-?\s*'?"?(\w+)'?"?/.exec(line);
    if (heredoc) heredocEnd = heredoc[1]!;
    commands.push({ section, block, line, afterEnvChange: envChanged });
    if (/(>>?|tee( -a)?)\s*\.env\b|sed -i[^|]*\s\.env\b|\bcp \S+ \.env\b|rotate-session-secret/.test(line)) envChanged = true;
  }
  return commands;
}

/** The command of a cron line (`m h dom mon dow user command`); null for comments. */
function cronCommand(line: string): string | null {
  if (!line.trim() || line.trim().startsWith('#')) return null;
  return line.trim().split(/\s+/).slice(6).join(' ');
}

/**
 * Splits a command line into simple commands at `|`, `||`, `&&` and `;`, honouring quotes and `$(…)`,
 * dropping comments and redirections (`> file`, `2>&1`, `<<'EOF'`).
 */
export function simpleCommands(line: string): Words[] {
  const result: Words[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) result.push(dropRedirections(words));
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      const end = close < 0 ? line.length : close;
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '$' && line[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < line.length; j++) {
        if (line[j] === '(') depth++;
        else if (line[j] === ')' && --depth === 0) break;
      }
      word += line.slice(i, j + 1);
      inWord = true;
      i = j;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === '|' || c === ';' || (c === '&' && line[i + 1] === '&')) {
      if (c === '&' || line[i + 1] === '|') i++;
      endCommand();
    } else if (/\s/.test(c)) {
      endWord();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return result;
}

function dropRedirections(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^\d?>&\d$/.test(w)) continue;
    if (/^(\d?>>?|<<-?|<)$/.test(w)) {
      i++;
      continue;
    }
    if (/^(\d?>>?|<<-?|<)\S/.test(w)) continue;
    out.push(w);
  }
  return out;
}

export interface ComposeFacts {
  services: Set<string>;
  containers: Set<string>;
}

export function composeFacts(file = path.join(ROOT, 'docker-compose.yml')): ComposeFacts {
  const compose = parse(fs.readFileSync(file, 'utf8')) as { services: Record<string, { container_name?: string }> };
  const services = new Set(Object.keys(compose.services));
  const containers = new Set(Object.values(compose.services).flatMap((s) => (s.container_name ? [s.container_name] : [])));
  return { services, containers };
}

const COMPOSE_SUBCOMMANDS = new Set(['up', 'down', 'stop', 'start', 'restart', 'logs', 'ps', 'exec', 'run', 'build', 'pull', 'config', 'version', 'images', 'top']);
/** Options of the compose subcommands the runbook uses that take a value. */
const COMPOSE_VALUE_OPTIONS = new Set(['--tail', '-n', '--since', '--until', '--scale', '--timeout', '-t', '-e', '--env', '-w', '--workdir', '-u', '--user', '-p', '--project-name', '-f', '--file', '--profile']);
const DOCKER_CONTAINER_COMMANDS = new Set(['exec', 'stats', 'stop', 'start', 'restart', 'logs', 'inspect']);
const DOCKER_OTHER_COMMANDS = new Set(['image', 'system', 'build', 'info', 'version', 'ps', 'volume']);

/** What a docker or docker compose command names, checked against the compose file. */
export function lintDocker(command: RunbookCommand, words: Words, facts: ComposeFacts): string[] {
  const where = `${command.section}: \`${command.line}\``;
  const problems: string[] = [];
  const tool = words[0];
  if (tool === 'docker-compose') return [`${where}: \`docker-compose\` is Compose v1's spelling; Compose v2 (\`docker compose\`) is required`];
  if (tool !== 'docker') return [];
  if (words[1] === 'compose') {
    const sub = words[2];
    if (!sub || !COMPOSE_SUBCOMMANDS.has(sub)) return [`${where}: unknown compose subcommand "${sub}"`];
    if (sub === 'restart' && command.afterEnvChange) {
      problems.push(`${where}: \`restart\` after changing .env keeps the old environment; use \`docker compose up -d <service>\``);
    }
    const args = words.slice(3);
    const services: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (COMPOSE_VALUE_OPTIONS.has(a)) {
        if (a === '--scale') {
          const service = args[i + 1]?.split('=')[0];
          if (service && !facts.services.has(service)) problems.push(`${where}: --scale names unknown service "${service}"`);
        }
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      services.push(a);
      if (sub === 'exec' || sub === 'run') break; // the rest is the command run inside
    }
    for (const s of services) if (!facts.services.has(s)) problems.push(`${where}: unknown compose service "${s}" (services: ${[...facts.services].join(', ')})`);
    return problems;
  }
  const sub = words[1] ?? '';
  if (DOCKER_OTHER_COMMANDS.has(sub)) return [];
  if (!DOCKER_CONTAINER_COMMANDS.has(sub)) return [`${where}: unknown docker command "${sub}"`];
  const names: string[] = [];
  for (const a of words.slice(2)) {
    if (a.startsWith('-')) continue;
    names.push(a);
    if (sub === 'exec') break;
  }
  // Replicas of the scale-out shape (§17) are lavandaria-app-1, -2, …
  for (const n of names) if (!facts.containers.has(n) && !/^lavandaria-app-\d+$/.test(n)) problems.push(`${where}: unknown container "${n}" (containers: ${[...facts.containers].join(', ')})`);
  return problems;
}

/** `docker exec [opts] <container> cmd…` / `docker compose exec|run [opts] <service> cmd…`: the inner command. */
export function innerCommand(words: Words): Words | null {
  let i: number;
  if (words[0] === 'docker' && words[1] === 'exec') i = 2;
  else if (words[0] === 'docker' && words[1] === 'compose' && (words[2] === 'exec' || words[2] === 'run')) i = 3;
  else return null;
  for (; i < words.length && words[i]!.startsWith('-'); i++) if (COMPOSE_VALUE_OPTIONS.has(words[i]!)) i++;
  return words.slice(i + 1);
}
