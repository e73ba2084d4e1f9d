/// <reference lib="dom" />
/**
 * The step-through page's script (bundled by esbuild into the page): reads the embedded
 * recording, draws one step at a time (source, output, frames and heap, changes, collector stage,
 * pymalloc), and moves between steps with buttons, a slider, keys and the URL fragment.
 */
import { renderHeapSvg } from '../heap-picture';
import type { StepRecord } from '../recording';
import { decodeRecording, type EmbeddedRecording } from '../recording-codec';
import { allocatorHtml, changesHtml, countsHtml, stageHtml } from './panels';
import { stepObjects, stepPicture, visibleIds, type View } from './step-picture';

const recording = decodeRecording(JSON.parse(document.getElementById('recording')!.textContent!) as EmbeddedRecording);
const steps = recording.steps;
let current = 0;
let view: View = 'own';
let pending = false;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The source, one element per line, built once (lines come from the program: text only). */
function buildSource(): HTMLElement[] {
  const pre = $('source');
  return recording.source.split(/\r?\n/).map((text, i) => {
    const line = document.createElement('div');
    line.className = 'line';
    line.dataset.line = String(i + 1);
    const number = document.createElement('span');
    number.className = 'lineno';
    number.textContent = String(i + 1);
    const code = document.createElement('span');
    code.textContent = text;
    line.append(number, code);
    line.addEventListener('click', () => jumpToLine(i + 1));
    pre.append(line);
    return line;
  });
}

const sourceLines = buildSource();

function describeStep(step: StepRecord): string {
  if (step.kind === 'end') return 'after the program ended (interpreter shutdown)';
  const where = step.line === null ? 'at interpreter shutdown' : `line ${step.line}`;
  if (step.kind === 'gc') return `${where}: inside a collection (${step.stage!.name})`;
  return `after ${where}`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** What the recorder's bounds left out of this step, in numbers. */
function boundedNote(step: StepRecord, recorded: number): string {
  const omitted = step.omitted!;
  const bounds = recording.bounds;
  const parts: string[] = [];
  if (omitted.objects > 0)
    parts.push(
      `This step records ${count(recorded)} of the program's ${count(recorded + omitted.objects)} objects ` +
        `(at most ${count(bounds.objects)}: what its names reach first, then the oldest); ${count(omitted.objects)} are left out.`,
    );
  if (omitted.changes > 0)
    parts.push(
      `${count(omitted.changes)} changes at this step are counted, not listed (at most ${count(bounds.changes)} are).`,
    );
  if (omitted.cyclesUnchecked)
    parts.push(
      `Unreachable cycles are looked for only while the program has at most ${count(bounds.objects)} objects.`,
    );
  parts.push(`A box shows at most ${count(bounds.referents)} of an object's references.`);
  return parts.join(' ');
}

/** Laid-out pictures of recent steps: stepping back and forth does not lay a step out again. */
const pictures = new Map<string, { svg: string; drawn: number }>();
const PICTURE_CACHE = 300;

function heapPicture(index: number, of: View): { svg: string; drawn: number } {
  const key = `${index}:${of}`;
  let picture = pictures.get(key);
  if (picture === undefined) {
    const { snapshot, options } = stepPicture(recording, index, of);
    picture = { svg: renderHeapSvg(snapshot, options), drawn: options.include?.length ?? 0 };
    if (pictures.size >= PICTURE_CACHE) pictures.delete(pictures.keys().next().value!);
    pictures.set(key, picture);
  }
  return picture;
}

/** Draw step `current`; everything on the page that depends on the step is set here. */
function render(): void {
  pending = false;
  const step = steps[current];
  const objects = stepObjects(recording, step);
  const visible = visibleIds(recording, step, view);
  $('position').textContent = `step ${current + 1} of ${steps.length}`;
  $('where').textContent = describeStep(step);
  ($('slider') as HTMLInputElement).value = String(current);
  for (const line of sourceLines) line.classList.toggle('current', Number(line.dataset.line) === step.line);
  if (step.line !== null) sourceLines[step.line - 1]?.scrollIntoView({ block: 'nearest' });
  // At the end, and at the last step of a recording cut at the cap, the program's whole output.
  const complete = step.kind === 'end' || (recording.truncated !== null && current === steps.length - 1);
  const output = complete ? recording.stdout + recording.stderr : recording.stdout.slice(0, step.stdout);
  $('output').textContent = output;
  const picture = heapPicture(current, view);
  $('heap').innerHTML = picture.svg;
  const hiddenCount = objects.size - [...objects.keys()].filter((id) => visible.has(id)).length;
  const trimmed =
    picture.drawn < visible.size ? ` Drawn: the ${picture.drawn} that changed or are nearest the frames.` : '';
  $('view-note').textContent =
    (view === 'own'
      ? `The program's own objects (${visible.size}); ${hiddenCount} more that CPython allocated are hidden.`
      : `Everything the program caused CPython to allocate (${objects.size} objects).`) + trimmed;
  $('bounded').hidden = step.omitted === null;
  $('bounded').textContent = step.omitted === null ? '' : boundedNote(step, objects.size);
  $('leaked').hidden = step.leaked.length === 0;
  const named = step.leaked.slice(0, 12).map((id) => `#${id}`);
  if (step.leaked.length > named.length) named.push(`and ${step.leaked.length - named.length} more`);
  $('leaked').textContent =
    `Unreachable, yet alive: ${named.join(', ')}. They are on a reference cycle (or hang from one), so every refcount stays above 0 and reference counting cannot free them; only the cycle collector can.`;
  $('changes').innerHTML = changesHtml(step, objects, visible);
  $('stage-box').hidden = step.stage === null;
  $('stage').innerHTML = step.stage === null ? '' : stageHtml(step.stage, objects);
  $('counts').innerHTML = countsHtml(step);
  $('allocator').innerHTML = allocatorHtml(recording.allocators[step.allocator], objects, visible);
  try {
    history.replaceState(null, '', `#step=${current + 1}${view === 'all' ? '&view=all' : ''}`);
  } catch {
    // A sandboxed frame (some LMSs) may refuse; the page works without the link.
  }
  document.body.dataset.step = String(current + 1);
  document.body.dataset.view = view;
}

/** Go to step `index` (clamped) and draw it at the next frame, so a dragged slider stays smooth. */
function go(index: number): void {
  current = Math.max(0, Math.min(steps.length - 1, index));
  if (!pending) {
    pending = true;
    requestAnimationFrame(render);
  }
}

/** The next step after the current one (backwards with direction -1) that satisfies `test`. */
function seek(test: (step: StepRecord) => boolean, direction = 1): void {
  for (let i = current + direction; i >= 0 && i < steps.length; i += direction) if (test(steps[i])) return go(i);
}

const isCollectionStart = (s: StepRecord) => s.stage?.name === 'start';
const freesSomething = (s: StepRecord) => s.changes.some((c) => c.kind === 'freed');

function jumpToLine(line: number): void {
  const after = steps.findIndex((s, i) => i > current && s.line === line);
  const index = after >= 0 ? after : steps.findIndex((s) => s.line === line);
  if (index >= 0) go(index);
}

function setView(next: View): void {
  view = next;
  ($('view-all') as HTMLInputElement).checked = view === 'all';
  go(current);
}

function readFragment(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  const step = Number(params.get('step'));
  view = params.get('view') === 'all' ? 'all' : 'own';
  ($('view-all') as HTMLInputElement).checked = view === 'all';
  current = Number.isInteger(step) && step >= 1 ? Math.min(step, steps.length) - 1 : 0;
}

function wire(): void {
  const slider = $('slider') as HTMLInputElement;
  slider.max = String(steps.length - 1);
  slider.addEventListener('input', () => go(Number(slider.value)));
  const buttons: Record<string, () => void> = {
    first: () => go(0),
    prev: () => go(current - 1),
    next: () => go(current + 1),
    last: () => go(steps.length - 1),
    'next-gc': () => seek(isCollectionStart),
    'next-free': () => seek(freesSomething),
  };
  for (const [id, action] of Object.entries(buttons)) $(id).addEventListener('click', action);
  $('view-all').addEventListener('change', (e) => setView((e.target as HTMLInputElement).checked ? 'all' : 'own'));
  $('goto').addEventListener('submit', (e) => {
    e.preventDefault();
    jumpToLine(Number(($('goto-line') as HTMLInputElement).value));
  });
  const keys: Record<string, () => void> = {
    ArrowRight: buttons.next,
    ArrowLeft: buttons.prev,
    Home: buttons.first,
    End: buttons.last,
    c: buttons['next-gc'],
    C: () => seek(isCollectionStart, -1),
    f: buttons['next-free'],
    F: () => seek(freesSomething, -1),
    v: () => setView(view === 'own' ? 'all' : 'own'),
  };
  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'number') return;
    const action = keys[e.key];
    if (action !== undefined && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
    }
  });
  window.addEventListener('hashchange', () => {
    readFragment();
    go(current);
  });
}

if (recording.truncated !== null) {
  const banner = $('truncated');
  banner.hidden = false;
  const where = recording.truncated.line === null ? 'at shutdown' : `at line ${recording.truncated.line}`;
  banner.textContent = `Recording stopped after ${recording.cap} steps, ${where}. The program itself ran to the end: the last step shows its whole output. Record more with --max-recorded-steps N.`;
}
if (steps.length === 0) {
  // A syntax error: the program never ran. Its message is the whole story.
  $('where').textContent = 'the program did not run: nothing to step through';
  $('output').textContent = recording.stdout + recording.stderr;
  document.body.dataset.step = '0';
} else {
  wire();
  readFragment();
  render();
}
