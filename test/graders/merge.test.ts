import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { globSync } from 'glob';
import { mergeShards, MergeError } from '../../graders/merge';
import { parseShard, selectShard } from '../../graders/discover';
import { createRenderer } from '../../graders/render';
import { gradeFixture, tempDir } from './fixtures/grade-fixture';

const CLASS = ['correct', 'leaky', 'wasteful', 'imports-fs'];

/** Every file under `dir`, relative, with its text. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    globSync('**/*', { cwd: dir, nodir: true })
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
}

describe('shards', () => {
  it('split a class so that every submission is in exactly one shard', () => {
    const items = Array.from({ length: 11 }, (_, i) => i);
    const shards = [1, 2, 3].map((i) => selectShard(items, parseShard(`${i}/3`)));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(items);
    expect(shards.map((s) => s.length)).toEqual([4, 4, 3]);
  });

  it.each(['0/2', '3/2', '1/0', 'a/b', '1'])('refuses --shard %s', (text) => {
    expect(() => parseShard(text)).toThrow('--shard expects I/N');
  });

  it('merged, give exactly the files of an unsharded run', async () => {
    const whole = await gradeFixture(CLASS, { runs: 8 });
    const shardOuts = [];
    for (const index of [1, 2]) {
      const names = selectShard(CLASS.slice().sort(), { index, count: 2 });
      shardOuts.push((await gradeFixture(names, { runs: 8 })).out);
    }
    const merged = tempDir('merged');
    mergeShards(shardOuts, merged, createRenderer());
    expect(tree(merged)).toEqual(tree(whole.out));
  });

  it('merge refuses a submission graded in two shards, and an invalid results.json, naming the file', async () => {
    const a = (await gradeFixture(['imports-fs'], { runs: 1 })).out;
    const b = (await gradeFixture(['imports-fs'], { runs: 1 })).out;
    expect(() => mergeShards([a, b], tempDir('m'), createRenderer())).toThrow(/"imports-fs" is in both/);
    const file = path.join(b, 'imports-fs', 'results.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version": 1', '"version": 2'));
    expect(() => mergeShards([b], tempDir('m'), createRenderer())).toThrow(MergeError);
    expect(() => mergeShards([b], tempDir('m'), createRenderer())).toThrow(
      `${file}: /version must be equal to constant`,
    );
  });
});
