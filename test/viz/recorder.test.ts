import { readFileSync } from 'fs';
import path from 'path';
import { runProgram } from '../../python/interp/run';
import type { Recording, StageName, StepRecord } from '../../viz/recording';
import { PROGRAMS, record, recordedRefcounts, traceMismatches, traceSteps } from './support';

const CYCLE = PROGRAMS.find((f) => path.basename(f) === '02_cycle.py')!;
const cycle = record(CYCLE);

const ids = (r: Recording, step: StepRecord, type: string) =>
  step.objects
    .map((i) => r.objects[i])
    .filter((o) => o.type === type)
    .map((o) => o.id);
const atLine = (r: Recording, line: number) => r.steps.find((s) => s.kind === 'line' && s.line === line)!;

describe('the step recorder', () => {
  test.each(PROGRAMS.map((f) => path.basename(f)))('%s: recording changes nothing the program prints', (name) => {
    const file = PROGRAMS.find((f) => path.basename(f) === name)!;
    const source = readFileSync(file, 'utf8');
    const recording = record(file, undefined, source);
    const plain = runProgram(source, file);
    expect(recording.stdout).toBe(plain.stdout);
    expect(recording.exitCode).toBe(plain.exitCode);
    expect(recording.steps.at(-1)!.kind).toBe('end');
  });

  test.each(PROGRAMS.map((f) => path.basename(f)))(
    '%s: records the refcounts --trace reports, statement by statement',
    (name) => {
      const file = PROGRAMS.find((f) => path.basename(f) === name)!;
      const recording = record(file);
      const trace = traceSteps(file);
      expect(trace.length).toBeGreaterThan(5);
      expect(traceMismatches(recording, trace, (i) => recordedRefcounts(recording, i))).toEqual([]);
    },
  );

  test('the trace comparison catches a wrong refcount and a missing object', () => {
    const trace = traceSteps(CYCLE);
    // One wrong refcount per step, on an object the trace lists (it leaves out interned names).
    const traced = new Set(trace.flatMap((s) => [...s.refcounts.keys()]));
    const wrong = (i: number) => {
      const counts = recordedRefcounts(cycle, i);
      const first = [...counts.keys()].find((id) => traced.has(id));
      if (first !== undefined) counts.set(first, counts.get(first)! + 1);
      return counts;
    };
    expect(traceMismatches(cycle, trace, wrong).length).toBeGreaterThan(0);
    expect(traceMismatches(cycle, trace, () => new Map()).length).toBeGreaterThan(0);
  });

  test('marks the two Nodes as a stranded cycle after `del a, b`, and not before', () => {
    const nodesBefore = ids(cycle, atLine(cycle, 23), 'Node');
    expect(nodesBefore).toHaveLength(2);
    expect(atLine(cycle, 23).leaked).toEqual([]);
    expect(atLine(cycle, 24).leaked).toEqual(nodesBefore);
    expect(atLine(cycle, 24).own).toEqual(expect.arrayContaining(nodesBefore));
    // A call's argument tuple, held only by the interpreter in C, is no cycle.
    for (const step of cycle.steps.filter((s) => s.line === 13)) expect(step.leaked).toEqual([]);
  });

  test('shows a collection stage by stage, with gc_refs, the unreachable set and what it freed', () => {
    const collectionAt = cycle.steps.findIndex((s) => s.line === 26 && s.stage?.name === 'start');
    const stages = cycle.steps.slice(collectionAt).filter((s) => s.line === 26 && s.stage !== null);
    const names = stages.map((s) => s.stage!.name);
    const order: StageName[] = [
      'start',
      'update_refs',
      'subtract_refs',
      'move_unreachable',
      'finalize_garbage',
      'delete_garbage',
      'done',
    ];
    expect(order.every((n) => names.includes(n))).toBe(true);
    const nodes = atLine(cycle, 24).leaked;
    const stage = (n: StageName) => stages.find((s) => s.stage!.name === n)!.stage!;
    for (const id of nodes) {
      expect(stage('update_refs').gcRefs[id]).toBe(1); // refcount 1: each held only by the other
      expect(stage('subtract_refs').gcRefs[id]).toBe(0);
    }
    expect(stage('move_unreachable').unreachable).toEqual(expect.arrayContaining(nodes));
    expect(stage('finalize_garbage').affected).toEqual(expect.arrayContaining(nodes)); // __del__ ran
    expect(stage('done').collected).toBe(2);
    const freed = stages.flatMap((s) => s.changes).filter((c) => c.kind === 'freed');
    expect(freed).toEqual(expect.arrayContaining(nodes.map((id) => expect.objectContaining({ id, why: 'collector' }))));
    expect(stage('done').generation).toBe(2);
  });

  test("the program's own view leaves out class internals but keeps what its names reach", () => {
    const step = atLine(cycle, 22);
    const own = new Set(step.own);
    const all = step.objects.map((i) => cycle.objects[i]);
    expect(all.some((o) => o.type === 'getset_descriptor' && !own.has(o.id))).toBe(true);
    for (const o of all.filter((o) => o.type === 'Node')) expect(own.has(o.id)).toBe(true);
    expect(all.find((o) => o.type === 'Node')!.value).toMatch(/^name='a', partner=#\d+$/);
  });

  test('frees by refcount are told apart from frees by the collector', () => {
    const why = cycle.steps.flatMap((s) => s.changes).flatMap((c) => (c.kind === 'freed' ? [c.why] : []));
    expect(new Set(why)).toEqual(new Set(['refcount', 'collector']));
  });

  test('stops at the cap and says where', () => {
    const capped = record(CYCLE, 10);
    expect(capped.steps).toHaveLength(10);
    expect(capped.truncated).not.toBeNull();
    expect(capped.stdout).toBe(cycle.stdout); // the program still ran to the end
    expect(cycle.truncated).toBeNull();
  });

  test('records pymalloc: blocks in arenas and pools, memory kept after objects die', () => {
    const step = atLine(cycle, 22);
    const node = step.objects.map((i) => cycle.objects[i]).find((o) => o.type === 'Node')!;
    expect(node.block).not.toBeNull();
    expect(node.block!.pool % 16384).toBe(0);
    expect(node.block!.address - node.block!.pool).toBeGreaterThanOrEqual(48);
    const allocator = cycle.allocators[step.allocator];
    expect(allocator.arenas[0].pools).toMatch(/^x?[#+.]+-*$/);
    expect(allocator.arenas[0].pools.length).toBe(64);
  });
});
