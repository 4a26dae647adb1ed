/** `npx tsx scripts/access-matrix.ts`: prints the role × operation table for README.md. */
import { accessMatrixMarkdown } from '../src/domain/access/matrix-table';

process.stdout.write(`${accessMatrixMarkdown()}\n`);
