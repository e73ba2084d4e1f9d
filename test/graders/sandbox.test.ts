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
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(sandbox.observe('c', false)).resolves.toBe('alive');
  });

  it('a submission that exhausts its heap dies alone', async () => {
    sandbox = new Sandbox(bundle('var a = []; for (;;) a.push(new Array(1e6).fill(1));'), FAST_LIMITS);
    const error = await failure(sandbox);
    expect(error.kind).toBe('died');
    expect(error.message).toMatch(/out of memory|SIGABRT|SIGKILL/);
  });

  it.each([
    ['read a file outside its folder', `${node}("fs").readFileSync("/etc/hostname")`],
    ['write a file', `${node}("fs").writeFileSync("/tmp/pymemlab-sandbox-escape", "x")`],
    ['start a process', `${node}("child_process").execSync("true")`],
    ['start a worker', `new (${node}("worker_threads").Worker)("1", { eval: true })`],
  ])('may not %s (permission model)', async (_what, code) => {
    sandbox = new Sandbox(bundle(`${code}; return "escaped";`), FAST_LIMITS);
    const error = await failure(sandbox);
    expect(error.kind).toBe('threw');
    expect(error.message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
  });

  it('runs with an empty environment', async () => {
    sandbox = new Sandbox(bundle('return Object.keys(process.env).length;'), FAST_LIMITS);
    await expect(sandbox.observe('c', null)).resolves.toBe(0);
  });

  (process.getuid?.() === 0 ? it : it.skip)(
    'runs as nobody when the grader is root, so it cannot signal the grader',
    async () => {
      sandbox = new Sandbox(
        bundle(
          'try { process.kill(process.ppid, 0); return "can signal"; } catch (e) { return [process.getuid(), e.code]; }',
        ),
        FAST_LIMITS,
      );
      await expect(sandbox.observe('c', null)).resolves.toEqual([65534, 'EPERM']);
    },
  );

  it('caps what the submission prints', async () => {
    sandbox = new Sandbox(bundle('for (var i = 0; i < 2000; i++) console.log("x".repeat(100)); return 1;'), {
      ...FAST_LIMITS,
      maxOutputBytes: 1000,
    });
    await sandbox.observe('c', null);
    await new Promise((r) => setTimeout(r, 200));
    expect(sandbox.printed.length).toBe(1000);
  });

  it('refuses a reply that is not JSON text, whatever the submission did to its JSON', async () => {
    sandbox = new Sandbox(bundle('JSON.stringify = function () { return { forged: true }; }; return 1;'), FAST_LIMITS);
    const error = await failure(sandbox);
    expect([error.kind, error.message]).toEqual(['invalid', 'the reply is a object, not JSON text']);
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
