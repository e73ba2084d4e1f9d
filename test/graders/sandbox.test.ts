import { Sandbox } from '../../graders/sandbox/pool';
import { type SandboxError } from '../../graders/sandbox/errors';
import { parseObservation } from '../../graders/sandbox/validate';
import { BUNDLE_GLOBAL } from '../../graders/sandbox/protocol';
import { FAST_LIMITS } from './fixtures/grade-fixture';

/** A bundle whose observer runs `body` (JavaScript) with `ops` in scope. */
function bundle(body: string): string {
  return `var ${BUNDLE_GLOBAL} = { student: {}, observe: function (student, check, ops) { ${body} } };`;
}

/** The error a sandbox request ends with. */
async function failure(sandbox: Sandbox, ops: unknown = null): Promise<SandboxError> {
  try {
    await sandbox.observe('c', ops);
  } catch (error) {
    return error as SandboxError;
  }
  throw new Error('the request did not fail');
}

const node = 'process.mainModule.require';

describe('the sandboxed child', () => {
  let sandbox: Sandbox | null = null;
  afterEach(() => sandbox?.close());

  it('answers observe requests with plain data', async () => {
    sandbox = new Sandbox(bundle('return { doubled: ops.map(function (x) { return 2 * x; }) };'), FAST_LIMITS);
    await expect(sandbox.observe('c', [1, 2, 3])).resolves.toEqual({ doubled: [2, 4, 6] });
  });

  it('reports what the submission threw, and keeps answering', async () => {
    sandbox = new Sandbox(bundle('if (ops) throw new TypeError("boom"); return 1;'), FAST_LIMITS);
    const error = await failure(sandbox, true);
    expect([error.kind, error.message]).toEqual(['threw', 'TypeError: boom']);
    await expect(sandbox.observe('c', false)).resolves.toBe(1);
  });

  it('kills a submission that loops past the time limit, and starts a fresh one for the next request', async () => {
    sandbox = new Sandbox(bundle('if (ops) for (;;) {} return "alive";'), { ...FAST_LIMITS, timeoutMs: 500 });
    const started = Date.now();
    expect((await failure(sandbox, true)).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(10 * 500 + 1000); // CPU time, wall clock at most 10 times it (pool.ts)
    await expect(sandbox.observe('c', false)).resolves.toBe('alive');
  });

  it('a submission that exhausts its heap dies alone', async () => {
    sandbox = new Sandbox(bundle('var a = []; for (;;) a.push(new Array(1e6).fill(1));'), FAST_LIMITS);
    const error = await failure(sandbox);
    expect(error.kind).toBe('memory');
    expect(error.message).toMatch(/ran out of its 64 MB heap|used more than \d+ MiB of memory/);
  });

  it.each([
    ['read a file outside its folder', `${node}("fs").readFileSync("/etc/hostname")`],
    ['write a file', `${node}("fs").writeFileSync("/tmp/pymemlab-sandbox-escape", "x")`],
    ['start a process', `${node}("child_process").execSync("true")`],
    ['start a worker', `new (${node}("worker_threads").Worker)("1", { eval: true })`],
  ])('may not %s (no process global; the permission model behind it)', async (_what, code) => {
    sandbox = new Sandbox(bundle(`${code}; return "escaped";`), FAST_LIMITS);
    const error = await failure(sandbox);
    expect(error.kind).toBe('threw');
    expect(error.message).toMatch(/process is not defined|ERR_ACCESS_DENIED|Access to this API has been restricted/);
  });

  it('gives the submission no process, fetch or WebAssembly, and frozen intrinsics', async () => {
    sandbox = new Sandbox(
      bundle('return [typeof process, typeof fetch, typeof WebAssembly, Object.isFrozen(Array.prototype)];'),
      FAST_LIMITS,
    );
    await expect(sandbox.observe('c', null)).resolves.toEqual(['undefined', 'undefined', 'undefined', true]);
  });

  it('stops a submission that prints past the limit, keeping what fits', async () => {
    sandbox = new Sandbox(bundle('for (var i = 0; i < 2000; i++) console.log("x".repeat(100)); for (;;) {}'), {
      ...FAST_LIMITS,
      maxOutputBytes: 1000,
    });
    expect((await failure(sandbox)).kind).toBe('output-limit');
    expect(sandbox.printed.length).toBe(1000);
  });

  it('keeps the real JSON whatever the submission does to it (frozen intrinsics)', async () => {
    sandbox = new Sandbox(
      bundle('"use strict"; JSON.stringify = function () { return { forged: true }; }; return 1;'),
      FAST_LIMITS,
    );
    const error = await failure(sandbox);
    expect([error.kind, error.message]).toEqual([
      'threw',
      expect.stringMatching(/Cannot assign to read only property/),
    ]);
  });

  it('refuses an observation over the size limit', async () => {
    sandbox = new Sandbox(bundle('return "x".repeat(5000);'), { ...FAST_LIMITS, maxObservationChars: 1000 });
    const error = await failure(sandbox);
    expect([error.kind, error.message]).toEqual([
      'invalid',
      'observation of 5002 characters exceeds the limit of 1000',
    ]);
  });
});

describe('parsing observations', () => {
  it('gives plain data for JSON text', () => {
    expect(parseObservation('{"a":[1,"x",null,true]}', 100)).toEqual({ a: [1, 'x', null, true] });
  });

  it.each([
    [42, 'the reply is a number, not JSON text'],
    ['{"a":', 'the reply is not valid JSON'],
    ['"' + 'x'.repeat(200) + '"', 'exceeds the limit of 100'],
  ])('refuses %p', (json, message) => {
    expect(() => parseObservation(json, 100)).toThrow(message);
  });
});
