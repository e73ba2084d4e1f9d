import { readFileSync } from 'fs';
import path from 'path';
import { exercises, parseExerciseMeta, ExerciseMetaError } from '../../exercises';
import { readHints } from '../../exercises/workspace';
import { typecheckStudent } from '../../exercises/typecheck';
import { SUBMISSIONS } from './helpers';

const FIRST = path.join(__dirname, '..', '..', 'exercises', '01-reference-counting', 'exercise.json');
const good = () => JSON.parse(readFileSync(FIRST, 'utf8')) as Record<string, unknown>;
const parse = (data: unknown) => () => parseExerciseMeta(JSON.stringify(data), 'ex/exercise.json');

test('the exercises load in order, each with README, hints, starter and checks named as in its metadata', () => {
  const all = exercises();
  expect(all.map((e) => e.meta.order)).toEqual([...all.map((e) => e.meta.order)].sort((a, b) => a - b));
  for (const e of all) {
    expect(readFileSync(path.join(e.dir, 'README.md'), 'utf8')).toContain('## Done means');
    expect(readHints(e).length).toBeGreaterThanOrEqual(2);
    expect(e.checks.map((c) => c.name)).toEqual(e.meta.checks.map((c) => c.name));
    expect(e.meta.checks.some((c) => c.visibility === 'visible')).toBe(true);
  }
});

test('a schema violation names the file and the field', () => {
  expect(parse({ ...good(), order: 'one' })).toThrow('ex/exercise.json: order: must be integer');
  const checks = good().checks as Record<string, unknown>[];
  expect(parse({ ...good(), checks: [{ ...checks[0], visibility: 'secret' }] })).toThrow(
    'ex/exercise.json: checks.0.visibility: must be equal to one of the allowed values (visible, hidden)',
  );
  expect(parse({ ...good(), colour: 'red' })).toThrow(
    'ex/exercise.json: (top level): must NOT have additional properties "colour"',
  );
  expect(parse({ ...good(), checks: [checks[0], checks[0]] })).toThrow('checks.1.name: duplicate check');
  expect(() => parseExerciseMeta('{ "id": ', 'ex/exercise.json')).toThrow(ExerciseMetaError);
});

test('an efficiency check may be gated only by correctness checks of its exercise', () => {
  const checks = good().checks as Record<string, unknown>[];
  const gated = { ...checks[1], name: 'arenas', kind: 'efficiency', gatedBy: ['nope'] };
  expect(parse({ ...good(), checks: [checks[0], gated] })).toThrow(
    'checks.1.gatedBy: "nope" is not a correctness check',
  );
  expect(parse({ ...good(), checks: [checks[0], { ...gated, gatedBy: [checks[0].name] }] })()).toBeDefined();
});

test('every starter and every correct sample type checks against its API module', () => {
  const files = exercises().flatMap((e) =>
    e.meta.studentFiles.flatMap((f) => [
      path.join(e.dir, 'starter', f.file),
      path.join(SUBMISSIONS, 'correct', e.meta.id, f.file),
    ]),
  );
  expect(typecheckStudent(files, exercises()[0].meta)).toEqual([]);
});

test('the API modules hold no code a bundle could carry (types only)', () => {
  for (const e of exercises()) {
    const text = readFileSync(path.join(e.dir, 'api.ts'), 'utf8');
    expect(text).not.toMatch(/^\s*import\s/m);
    expect(text).not.toMatch(/^export (const|function|class|let|var)\b/m);
  }
});
