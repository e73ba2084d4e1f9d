import { execFileSync } from 'child_process';
import { cpSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import Ajv from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import { createRenderer } from '../../graders/render';
import { toJUnit } from '../../graders/junit';
import { toGradescope } from '../../graders/gradescope';
import { toGradesCsv } from '../../graders/gradebook';
import { summarise } from '../../graders/summary';
import { heapToMermaid, mermaidLabel } from '../../graders/mermaid';
import { heapFocus, operationsHeap } from '../../graders/heap-focus';
import { escapeMarkdown, markdownFence } from '../../graders/escape';
import { EVIL, hostileResults } from './fixtures/hostile-results';
import { tempDir } from './fixtures/grade-fixture';

const renderer = createRenderer();
const results = hostileResults();

describe('report.html', () => {
  const html = renderer.reportHtml(results);

  it('escapes every untrusted string: no script, no raw markup from the submission', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(EVIL);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is self-contained: no network resource of any kind', () => {
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
  });

  it('draws the heap of the failure as an SVG, and marks the failing step', () => {
    expect(html).toMatch(/<svg[\s\S]*<\/svg>/);
    expect(html).toMatch(/<li class="failing">/);
  });

  it("withholds a hidden check's counterexample and replay", () => {
    expect(html).toContain('refcounts-match-reference');
    for (const secret of ['HIDDEN-COUNTEREXAMPLE', 'HIDDEN-STEP', 'HIDDEN-REPLAY']) expect(html).not.toContain(secret);
  });
});

describe('report.md', () => {
  const md = renderer.reportMd(results);

  it('escapes Markdown and HTML in inline text, and fences code the content cannot close', () => {
    const outsideFences = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
    expect(md).toContain('```python\ng0 = list()\n' + EVIL + '\n```'); // inert inside the fence
    expect(outsideFences).not.toContain('<script>');
    expect(outsideFences).not.toContain('**bold**');
    expect(escapeMarkdown('a|b *c* <i>')).toBe('a\\|b \\*c\\* &lt;i&gt;');
    const fenced = markdownFence('x ``` y ```` z');
    expect(fenced.startsWith('`````\n')).toBe(true);
    expect(fenced.endsWith('\n`````')).toBe(true);
  });

  it('shows the heap as a Mermaid diagram whose labels cannot break out of their quotes', () => {
    expect(md).toContain('```mermaid\nflowchart LR');
    const diagram = heapToMermaid(results.exercises[0]!.checks[0]!.failure!.heap!);
    for (const line of diagram.split('\n').filter((l) => l.includes('"'))) expect(line.split('"').length).toBe(3);
    expect(mermaidLabel('a"b<c>')).toBe('a#34;b#60;c#62;');
    expect(diagram).toContain('class o3 leaked');
  });

  it("withholds a hidden check's counterexample", () => {
    for (const secret of ['HIDDEN-COUNTEREXAMPLE', 'HIDDEN-STEP', 'HIDDEN-REPLAY']) expect(md).not.toContain(secret);
  });
});

describe('results.json', () => {
  const schema = JSON.parse(readFileSync(path.join(__dirname, '../../schemas/results.schema.json'), 'utf8'));
  const validate = new Ajv().compile(schema);

  it('is valid against the published schema', () => {
    expect(validate(results)).toBe(true);
  });

  it('the schema refuses what it should (a wrong status, a missing field, an unknown field)', () => {
    const bad = (mutate: (r: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(results)) as Record<string, unknown>;
      mutate(copy);
      return validate(copy);
    };
    expect(bad((r) => ((r.exercises as { checks: { status: string }[] }[])[0]!.checks[0]!.status = 'ok'))).toBe(false);
    expect(bad((r) => delete r.max_score)).toBe(false);
    expect(bad((r) => (r.extra = 1))).toBe(false);
  });
});

describe('junit.xml', () => {
  const xsd = path.join(__dirname, 'fixtures/junit-ant.xsd');
  const validate = (xml: string) => {
    const file = path.join(tempDir('junit'), 'junit.xml');
    writeFileSync(file, xml);
    try {
      execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
      return 'valid';
    } catch (error) {
      return String((error as { stderr: Buffer }).stderr);
    }
  };

  it('validates against the JUnit (Ant) schema, with the hostile strings escaped', () => {
    const xml = toJUnit(results);
    expect(validate(xml)).toBe('valid');
    expect(xml).toContain('<failure message="&lt;script&gt;');
    expect(xml).not.toContain('<script>');
  });

  it('the schema check can fail: a testcase without a classname is refused', () => {
    expect(validate(toJUnit(results).replace(/ classname="[^"]*"/, ''))).toContain("'classname' is required");
  });
});

describe('gradescope.json', () => {
  it("has a test per check with Gradescope's fields, hidden checks hidden", () => {
    const gs = toGradescope(results);
    expect(gs.score).toBe(3);
    expect(gs.tests.map((t) => [t.name, t.score, t.max_score, t.status, t.visibility])).toEqual([
      ['refcount: heap-invariants', 0, 3, 'failed', 'visible'],
      ['refcount: refcounts-match-reference', 0, 2, 'failed', 'hidden'],
      ['refcount: no-extra-work', 0, 1, 'passed', 'visible'],
    ]);
    expect(gs.tests[0]!.output).toContain('replay: npx pymemlab check');
  });
});

describe('grades.csv', () => {
  it('has one row per submission and one column per exercise, and no cell a spreadsheet would evaluate', () => {
    const csv = toGradesCsv(summarise([results, hostileResults('bob')]));
    const rows = parseCsv(csv) as string[][];
    expect(rows[0]).toEqual(['submission', 'refcount', 'total', 'max_score']);
    expect(rows.slice(1).map((r) => [r[0]!.slice(0, 12), r.slice(1)])).toEqual([
      ["'=HYPERLINK(", ['3', '3', '6']],
      ['bob', ['3', '3', '6']],
    ]);
  });
});

describe('index.html', () => {
  it('lists every submission with a link to its report, escaped', () => {
    const html = renderer.indexHtml(summarise([results, hostileResults('bob')]));
    expect(html).toContain('href="bob/report.html"');
    expect(html).not.toContain(EVIL);
    expect(html.match(/<script>/g)).toHaveLength(1); // ours, the sorter
  });
});

describe('templates', () => {
  it('an instructor can restyle reports with their own copies (--templates)', () => {
    const dir = tempDir('templates');
    cpSync(path.join(__dirname, '../../templates'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'partials/style.hbs'), '<style>body { background: papayawhip; }</style>');
    expect(createRenderer(dir).reportHtml(results)).toContain('papayawhip');
  });

  it('a template naming a missing field fails with its file name', () => {
    const dir = tempDir('templates');
    cpSync(path.join(__dirname, '../../templates'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'report.md.hbs'), '{{nosuchfield}}');
    expect(() => createRenderer(dir).reportMd(results)).toThrow(/report\.md\.hbs: "nosuchfield" not defined/);
  });
});

describe('which objects a heap picture draws', () => {
  const heap = hostileResults().exercises[0]!.checks[0]!.failure!.heap!;

  it('a small heap whole, with the objects no root reaches marked', () => {
    expect(heapFocus(heap)).toEqual({ include: [1, 2, 3], leaked: [3] });
  });

  it("a check's operations only: the objects they made, their holders, and whatever leaked", () => {
    const cut = operationsHeap(heap, 2);
    expect(cut.objects.map((o) => o.id)).toEqual([1, 2, 3]);
    expect(cut.objects[0]!.referents).toEqual([2]);
    expect(cut.roots.map((r) => [r.kind, r.target])).toEqual([['runtime', 1]]);
    expect(heapFocus(cut).leaked).toEqual([3]);
    const strict = operationsHeap({ ...heap, objects: heap.objects.slice(0, 2) }, 3);
    expect(strict.objects).toEqual([]);
  });
});
