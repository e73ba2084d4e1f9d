import path from 'path';
import { writeFileSync, mkdtempSync } from 'fs';
import os from 'os';
import { MAX_DRAWN, stepPicture } from '../../viz/page/step-picture';
import { PROGRAMS, record } from './support';

const cycle = record(PROGRAMS.find((f) => path.basename(f) === '02_cycle.py')!);

test('a freed object is drawn once more, as a ghost saying why it went', () => {
  const index = cycle.steps.findIndex((s) => s.changes.some((c) => c.kind === 'freed' && c.why === 'collector'));
  const freed = cycle.steps[index].changes.find((c) => c.kind === 'freed' && c.why === 'collector')!;
  const { snapshot, options } = stepPicture(cycle, index, 'all');
  const id = (freed as { id: number }).id;
  expect(options.highlights![id]).toBe('freed');
  expect(options.values![id]).toBe('freed by the collector');
  expect(snapshot.objects.find((o) => o.id === id)!.refcnt).toBe(0);
});

test('objects being collected carry their gc_refs; stranded cycles are marked', () => {
  const index = cycle.steps.findIndex((s) => s.stage?.name === 'subtract_refs' && s.line === 26);
  const { options } = stepPicture(cycle, index, 'own');
  const nodes = cycle.steps[index].leaked;
  expect(nodes).toHaveLength(2);
  for (const id of nodes) {
    expect(options.values![id]).toMatch(/gc_refs 0$/);
    expect(options.highlights![id]).toBe('leaked');
  }
});

test(`at most ${MAX_DRAWN} objects are drawn, and the step's new objects are among them`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pymemlab-picture-'));
  const program = path.join(dir, 'many.py');
  writeFileSync(program, 'items = []\nfor i in range(200):\n    items.append([i])\n');
  const many = record(program, 400);
  const index = many.steps.map((s) => s.line).lastIndexOf(3); // items.append([i])
  const { options } = stepPicture(many, index, 'own');
  expect(many.steps[index].own.length).toBeGreaterThan(MAX_DRAWN);
  expect(options.include!.length).toBe(MAX_DRAWN);
  const born = many.steps[index].changes.flatMap((c) => (c.kind === 'born' ? [c.id] : []));
  expect(born.length).toBeGreaterThan(0);
  for (const id of born) expect(options.include).toContain(id);
});
