/**
 * The role × operation matrix as a Markdown table, for README.md. A test checks the README carries
 * exactly this table, so the documentation cannot drift from the code.
 */
import { OPERATIONS, type Operation } from './operations';
import { ROLE_NAMES } from './roles';

export function accessMatrixMarkdown(): string {
  const header = ['operation', ...ROLE_NAMES, 'API key'];
  const rows = (Object.keys(OPERATIONS) as Operation[]).map((op) => {
    const def = OPERATIONS[op];
    const roles: readonly string[] = def.roles;
    return [
      `\`${op}\``,
      ...ROLE_NAMES.map((role) => (roles.includes(role) ? '✓' : '')),
      def.apiKeys ? 'scope' : '',
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
