/**
 * The kit as a tarball (`npm pack`), as a course distributes it: the tarball holds the built
 * command and every data file the command finds through core/kit-root.ts, and a workspace made by
 * `pymemlab init` that depends on it (`file:` path) installs it without the network and checks an
 * exercise with it. The install is offline: the kit's dependencies come from the npm cache (which
 * the kit's own `npm ci` filled), named with their integrity by a lockfile made from the kit's.
 */
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'pymemlab.js');

/** A package-lock.json entry: only the fields this test reads or sets. */
interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [field: string]: unknown;
}

interface Manifest {
  readonly version: string;
  readonly license: string;
  readonly bin: Record<string, string>;
  readonly engines: Record<string, string>;
  readonly dependencies: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Run a command; its output is kept for the assertion messages. */
function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

/** `npm pack` of the kit into `dir` (without rebuilding dist/: `npm test` built it); the tarball's path. */
function pack(dir: string): string {
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [{ filename }] = JSON.parse(packed.stdout) as { filename: string }[];
  return path.join(dir, filename);
}

/**
 * The workspace's lockfile: the tarball, and the kit's own production dependencies exactly as the
 * kit's lockfile pins them (versions, resolved URLs, integrity), so that `npm ci --offline` takes
 * every one from the npm cache instead of asking the registry for package metadata.
 */
function workspaceLock(tarball: string): unknown {
  const manifest = readJson<Manifest>(path.join(ROOT, 'package.json'));
  const kitLock = readJson<{ packages: Record<string, LockEntry> }>(path.join(ROOT, 'package-lock.json'));
  const resolved = `file:${tarball}`;
  const packages: Record<string, LockEntry> = {
    '': { name: 'pymemlab-workspace', devDependencies: { pymemlab: resolved } },
    'node_modules/pymemlab': {
      version: manifest.version,
      resolved,
      dev: true,
      license: manifest.license,
      bin: manifest.bin,
      engines: manifest.engines,
      dependencies: manifest.dependencies,
    },
  };
  for (const [where, entry] of Object.entries(kitLock.packages)) {
    if (where === '' || entry.dev === true) continue;
    const { devOptional: _devOptional, ...rest } = entry;
    packages[where] = { ...rest, dev: true };
  }
  return { name: 'pymemlab-workspace', lockfileVersion: 3, requires: true, packages };
}

/** A workspace made by `pymemlab init` whose package.json depends on `tarball`, installed offline. */
function installedWorkspace(dir: string, tarball: string): { workspace: string; install: SpawnSyncReturns<string> } {
  const workspace = path.join(dir, 'my-work');
  const init = run('node', [BIN, 'init', workspace], dir);
  if (init.status !== 0) throw new Error(`pymemlab init failed:\n${init.stderr}`);
  const manifestFile = path.join(workspace, 'package.json');
  const manifest = readJson<{ devDependencies: Record<string, string> }>(manifestFile);
  manifest.devDependencies.pymemlab = `file:${tarball}`;
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(path.join(workspace, 'package-lock.json'), JSON.stringify(workspaceLock(tarball), null, 2) + '\n');
  return { workspace, install: run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], workspace) };
}

/** No JavaScript stack trace in a command's output. */
const NO_STACK = /at .*\(.*:\d+:\d+\)/;

describe('the kit packed with npm pack', () => {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'pymemlab-pack-')));
  // Readable by the unprivileged user the grader's child runs as when the tests run as root.
  chmodSync(dir, 0o755);
  let tarball = '';
  let workspace = '';
  let install: SpawnSyncReturns<string>;

  beforeAll(() => {
    if (!existsSync(path.join(ROOT, 'dist', 'pymemlab.mjs')))
      throw new Error('dist/pymemlab.mjs is missing: run "npm run build" (npm test does) before this test');
    tarball = pack(dir);
    ({ workspace, install } = installedWorkspace(dir, tarball));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the built command and the data files, and none of the tests', () => {
    const listing = run('tar', ['-tzf', tarball], dir);
    const files = listing.stdout.split('\n').map((f) => f.replace(/^package\//, ''));
    for (const needed of [
      'bin/pymemlab.js',
      'dist/pymemlab.mjs',
      'exercises/01-reference-counting/exercise.json',
      'exercises/01-reference-counting/starter/refcounting.ts',
      'exercises/01-reference-counting/api.ts',
      'graders/kit-observer.ts',
      'graders/sandbox/child.ts',
      'templates/report.html.hbs',
      'schemas/results.schema.json',
      'viz/page/main.ts',
      'examples/programs/02_cycle.py',
    ])
      expect([needed, files.includes(needed)]).toEqual([needed, true]);
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('node_modules/'))).toEqual([]);
  });

  it('installs offline into a workspace made by pymemlab init, whose check reports the starter failing', () => {
    // ENOTCACHED here means the npm cache lacks a dependency: `npm ci` in the kit fills it.
    expect({ status: install.status, stderr: install.stderr }).toMatchObject({ status: 0 });
    // The command the workspace runs is the tarball's, not this checkout's.
    expect(realpathSync(path.join(workspace, 'node_modules', '.bin', 'pymemlab'))).toBe(
      path.join(workspace, 'node_modules', 'pymemlab', 'bin', 'pymemlab.js'),
    );

    const check = run('npx', ['--offline', 'pymemlab', 'check', '01-reference-counting'], workspace);
    expect(check.stderr).not.toMatch(NO_STACK);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('FAIL  refcounting:');
    expect(check.stdout).toContain('replay: pymemlab check 01-reference-counting --only refcounting --seed');
    expect(check.stdout).toMatch(/01-reference-counting: 0\/\d+ checks pass/);
  });

  it('grades with the installed kit: the sandboxed child starts from under node_modules', () => {
    // A submission with exercise 1 only (the others count as missing, which keeps this quick).
    const submission = path.join(dir, 'class', 'one');
    cpSync(
      path.join(ROOT, 'examples', 'submissions', 'correct', '01-reference-counting'),
      path.join(submission, '01-reference-counting'),
      {
        recursive: true,
      },
    );
    const out = path.join(dir, 'reports');
    const grade = run(
      'npx',
      ['--offline', 'pymemlab', 'grade', submission, '--out', out, '--runs', '1', '--format', 'json'],
      workspace,
    );
    expect(grade.stderr).not.toMatch(NO_STACK);
    const results = readJson<{ exercises: { id: string; score: number; max_score: number; status: string }[] }>(
      path.join(out, 'one', 'results.json'),
    );
    const first = results.exercises.find((e) => e.id === '01-reference-counting')!;
    expect(first).toMatchObject({ score: first.max_score, status: 'passed' });
  });
});
