/**
 * The step-through page: one self-contained HTML file (inline CSS and script, no network), the
 * recording embedded as JSON with every `<` escaped so no program text can end the script element.
 * The script is viz/page/main.ts, bundled by esbuild when the first page is written.
 */
import { existsSync } from 'fs';
import path from 'path';
import { buildSync } from 'esbuild';
import { escapeXml } from '../core/pymalloc/picture';
import type { Recording } from './recording';
import { encodeRecording } from './recording-codec';
import { kitPath } from '../core/kit-root';

let bundle: string | null = null;

/**
 * The page script's entry: beside this file when run from source; from a bundle of the CLI in
 * dist/ (a build step), the source tree next to it. The sources must ship with the package.
 */
function pageEntry(): string {
  const candidates = [kitPath('viz', 'page', 'main.ts')];
  const found = candidates.find((file) => existsSync(file));
  if (found === undefined)
    throw new Error(`the step-through page's script is missing (looked for ${candidates.join(', ')})`);
  return found;
}

/** The page script, bundled once per process (about 100 ms). */
function pageScript(): string {
  if (bundle === null) {
    const result = buildSync({
      entryPoints: [pageEntry()],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
    });
    // esbuild escapes `</script` inside strings; this makes sure of it for the inlined script.
    bundle = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  }
  return bundle;
}

/** The recording (its steps as differences, recording-codec.ts) as JSON safe inside `<script type="application/json">`. */
export function embeddedJson(recording: Recording): string {
  return JSON.stringify(encodeRecording(recording)).replace(/</g, '\\u003c');
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;color:#263238;background:#fafafa}
header{position:sticky;top:0;z-index:2;background:#263238;color:#fff;padding:8px 14px;display:flex;flex-wrap:wrap;gap:10px;align-items:center}
header h1{font-size:16px;margin:0 12px 0 0;font-weight:600}
header button{font:inherit;padding:3px 9px;border:1px solid #90a4ae;border-radius:4px;background:#37474f;color:#fff;cursor:pointer}
header button:hover{background:#455a64}
header input[type=range]{flex:1;min-width:160px}
header input[type=number]{width:4.5em}
#position{font-variant-numeric:tabular-nums;min-width:9em}
#where{color:#b0bec5}
.banner{background:#fff3e0;border-bottom:2px solid #ef6c00;padding:6px 14px}
.bounded{background:#fff3e0;border:1px solid #ef6c00;padding:6px 10px;border-radius:4px;margin:0 0 8px}
#leaked{background:#ffebee;border:1px solid #c62828;color:#b71c1c;padding:6px 10px;border-radius:4px;margin:0 0 8px}
main{display:grid;grid-template-columns:minmax(300px,30%) minmax(0,1fr);gap:12px;padding:12px}
section{background:#fff;border:1px solid #cfd8dc;border-radius:6px;padding:8px 10px;margin-bottom:12px;overflow:auto}
section h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#546e7a;margin:0 0 6px}
pre,code,.mono,table{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:12.5px}
#source{margin:0;max-height:45vh;overflow:auto}
.line{white-space:pre;cursor:pointer;padding:0 4px}
.line:hover{background:#eceff1}
.line.current{background:#fff59d;outline:1px solid #fbc02d}
.lineno{display:inline-block;width:3em;color:#90a4ae;text-align:right;margin-right:1em;user-select:none}
#output{margin:0;white-space:pre-wrap;max-height:25vh;overflow:auto;background:#263238;color:#e0f2f1;padding:6px;border-radius:4px;min-height:2em}
#heap{overflow:auto;max-height:70vh}
#heap svg{max-width:100%;height:auto}
.blocks-box{max-height:30vh;overflow:auto}
.muted{color:#78909c}
ul{margin:0;padding-left:18px}
.c-born{color:#2e7d32;font-weight:600}.c-freed{color:#757575;font-weight:600}.c-del{color:#6a1b9a;font-weight:600}
table{border-collapse:collapse;margin:4px 0}
td,th{border:1px solid #cfd8dc;padding:1px 6px;text-align:left}
td.num{text-align:right}
.side{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:12px;align-items:start}
.arena{display:flex;align-items:center;gap:1px;margin:2px 0}
.arena-name{width:5.5em;font-size:12px;white-space:nowrap}
i.pool{display:inline-block;width:9px;height:12px;border:1px solid #b0bec5}
i.pool.full{background:#c62828}i.pool.used{background:#f9a825}i.pool.empty{background:#a5d6a7}i.pool.uncarved{background:#eceff1}i.pool.lost{background:#9e9e9e}
.legend{font-size:12px;color:#546e7a}
#stage-box{border-color:#6a1b9a}
kbd{border:1px solid #90a4ae;border-radius:3px;padding:0 3px;font-size:11px}
.help{font-size:12px;color:#546e7a}
`;

/** The whole page for one recording. */
export function stepThroughPage(recording: Recording): string {
  const title = `${path.basename(recording.file)} — memory, step by step`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${escapeXml(path.basename(recording.file))}</h1>
  <button id="first" title="first step (Home)">«</button>
  <button id="prev" title="previous step (←)">◀</button>
  <button id="next" title="next step (→)">▶</button>
  <button id="last" title="last step (End)">»</button>
  <button id="next-gc" title="next collection (c; C goes back)">next collection</button>
  <button id="next-free" title="next step that frees an object (f; F goes back)">next free</button>
  <form id="goto"><label>line <input id="goto-line" type="number" min="1"></label> <button type="submit">go</button></form>
  <label><input id="view-all" type="checkbox"> everything CPython allocates (v)</label>
  <input id="slider" type="range" min="0" value="0" aria-label="step">
  <span id="position"></span>
  <span id="where"></span>
</header>
<div id="truncated" class="banner" hidden></div>
<main>
  <div>
    <section><h2>Source</h2><pre id="source"></pre></section>
    <section><h2>Output so far</h2><pre id="output"></pre></section>
    <section><h2>What changed at this step</h2><div id="changes"></div></section>
    <p class="help">Keys: <kbd>←</kbd> <kbd>→</kbd> step, <kbd>Home</kbd> <kbd>End</kbd>, <kbd>c</kbd> next collection, <kbd>f</kbd> next free, <kbd>v</kbd> switch view. Click a source line to jump to it. The address bar links to this step.</p>
  </div>
  <div>
    <section><h2>Frames and heap</h2><p id="leaked" hidden></p><p id="bounded" class="bounded" hidden></p><p id="view-note" class="muted"></p><div id="heap"></div><div id="counts"></div></section>
    <div class="side">
      <section id="stage-box" hidden><h2>Cycle collector</h2><div id="stage"></div></section>
      <section><h2>pymalloc: arenas and pools</h2><div id="allocator"></div></section>
    </div>
  </div>
</main>
<script type="application/json" id="recording">${embeddedJson(recording)}</script>
<script>${pageScript()}</script>
</body>
</html>
`;
}
