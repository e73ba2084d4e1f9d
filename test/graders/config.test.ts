import { writeFileSync } from 'fs';
import path from 'path';
import { applyConfig, loadConfig, ConfigError } from '../../graders/config';
import { refcountExercise } from './fixtures/refcount-exercise/exercise';
import { tempDir } from './fixtures/grade-fixture';

function configFile(text: string, name = 'pymemlab.config.json'): string {
  const file = path.join(tempDir('config'), name);
  writeFileSync(file, text);
  return file;
}

describe('the instructor configuration', () => {
  it('is found in the current folder and overrides points and visibility', () => {
    const file = configFile(
      JSON.stringify({
        seed: 3,
        exercises: { refcount: { checks: { 'no-extra-work': { points: 5, visibility: 'hidden' } } } },
      }),
    );
    const config = loadConfig(undefined, path.dirname(file));
    expect(config?.seed).toBe(3);
    const [exercise] = applyConfig([refcountExercise], config);
    expect(exercise!.checks.map((c) => [c.name, c.points, c.visibility])).toEqual([
      ['heap-invariants', 3, 'visible'],
      ['refcounts-match-reference', 2, 'hidden'],
      ['no-extra-work', 5, 'hidden'],
    ]);
    expect(typeof exercise!.checks[2]!.run).toBe('function');
  });

  it('may be a .js module', () => {
    const file = configFile('module.exports = { runs: 2 * 10 };', 'pymemlab.config.js');
    expect(loadConfig(file)).toEqual({ runs: 20 });
  });

  it.each([
    ['{"runs": 0}', 'runs: must be >= 1'],
    ['{"rusn": 5}', 'rusn: unknown field'],
    [
      '{"exercises": {"refcount": {"checks": {"x": {"visibility": "secret"}}}}}',
      'exercises.refcount.checks.x.visibility: must be one of visible, hidden',
    ],
    [
      '{"exercises": {"refcount": {"checks": {"x": {"points": "3"}}}}}',
      'exercises.refcount.checks.x.points: must be number',
    ],
  ])('refuses %s naming the field', (text, message) => {
    const file = configFile(text);
    expect(() => loadConfig(file)).toThrow(new ConfigError(`${file}: ${message}`));
  });

  it('refuses a JSON syntax error with its line', () => {
    const file = configFile('{\n  "runs": 5,\n  oops\n}');
    expect(() => loadConfig(file)).toThrow(new RegExp(`^${file}:3: not valid JSON`));
  });

  it('refuses overrides of unknown exercises and checks', () => {
    expect(() => applyConfig([refcountExercise], { exercises: { nope: {} } }, 'c.json')).toThrow(
      'c.json: exercises.nope: no such exercise',
    );
    expect(() =>
      applyConfig([refcountExercise], { exercises: { refcount: { checks: { nope: {} } } } }, 'c.json'),
    ).toThrow('c.json: exercises.refcount.checks.nope: no such check in refcount');
  });
});
