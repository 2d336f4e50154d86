import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDiagrams, generateOptions } from '../../../src/diagrams/cli/diagram-generator';

describe('npm run diagrams [-- --check] [-- --out <dir>]', () => {
  let out: string;
  const lines = { out: [] as string[], err: [] as string[] };
  const run = (...argv: string[]) =>
    generateDiagrams(
      generateOptions([...argv, '--out', out]),
      (line) => lines.out.push(line),
      (line) => lines.err.push(line),
    );

  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'diagrams-'));
    lines.out = [];
    lines.err = [];
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes into diagrams/ of the checkout unless told otherwise', () => {
    expect(generateOptions(['--check'])).toMatchObject({
      check: true,
      outDir: join(__dirname, '..', '..', '..', 'diagrams'),
    });
  });

  it('check: exits 1 naming the stale file and each missing one, and writes nothing', async () => {
    writeFileSync(join(out, 'industrial-project.zh.svg'), '<svg>an older drawing</svg>');
    expect(await run('--check')).toBe(1);
    expect(lines.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^stale: .*industrial-project\.zh\.svg$/),
        expect.stringMatching(/^missing: .*industrial-project\.en\.svg$/),
        expect.stringMatching(/^missing: .*industrial-project\.mmd$/),
      ]),
    );
    expect(readdirSync(out)).toEqual(['industrial-project.zh.svg']);
  });

  it('check: exits 0 and says nothing once the folder is freshly generated', async () => {
    expect(await run()).toBe(0);
    expect(lines.out).toEqual([expect.stringMatching(/^wrote \d+ files to /)]);
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining(['industrial-project.en.svg', 'industrial-project.mmd', 'industrial-project.zh.svg']),
    );
    expect(await run('--check')).toBe(0);
    expect(lines.err).toEqual([]);
  });
});
