/**
 * Optimistic concurrency: a mutable resource's ETag is its version number, and updates must
 * present it in If-Match, so two editors never silently overwrite each other (RFC 9110 §13.1.1).
 */
import { HttpProblem } from './problems';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The versions an If-Match header accepts. Missing → 428. Weak tags never match under the strong
 * comparison If-Match requires, and `*` would defeat the purpose here, so both are refused.
 */
export function requiredVersions(ifMatch: string | undefined): number[] {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new HttpProblem(
      'PRECONDITION_REQUIRED',
      'Send If-Match with the ETag of the representation you edited',
    );
  }
  const versions: number[] = [];
  for (const tag of ifMatch.split(',').map((t) => t.trim())) {
    const match = /^"(\d{1,9})"$/.exec(tag);
    if (match) versions.push(Number(match[1]));
  }
  if (versions.length === 0) {
    throw new HttpProblem(
      'PRECONDITION_FAILED',
      'If-Match must carry a strong ETag returned by this service',
    );
  }
  return versions;
}

export function staleVersion(current: number): HttpProblem {
  return new HttpProblem(
    'PRECONDITION_FAILED',
    `The resource is at version ${etagOf(current)}; read it again`,
    {
      extensions: { currentEtag: etagOf(current) },
    },
  );
}
