/** README.md shows the role × operation matrix the code enforces, cell for cell. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessMatrixMarkdown } from '../../../src/domain/access/matrix-table';

/** Table rows as trimmed cells, whatever column padding a formatter added. */
function rows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^-+$/.test(cell)));
}

it('README.md carries the access matrix of src/domain/access/operations.ts', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const expected = rows(accessMatrixMarkdown());
  const start = readme.split('\n').findIndex((line) => line.startsWith('| operation '));
  expect(start).toBeGreaterThan(0);
  const actual = rows(
    readme
      .split('\n')
      .slice(start, start + expected.length + 1)
      .join('\n'),
  );
  expect(actual).toEqual(expected);
});
