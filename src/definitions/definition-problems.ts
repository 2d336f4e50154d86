import type { FieldProblem } from '../common/problem';
import { ProblemException } from '../common/problem';
import { validateDefinition } from '../lifecycle/validate';

/** Refuses a definition that does not validate, with every problem and its path. */
export function assertValidDefinition(body: unknown, key?: string): void {
  const problems: FieldProblem[] = [...validateDefinition(body).problems];
  const bodyKey =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as { key?: unknown }).key
      : undefined;
  if (key !== undefined && bodyKey !== undefined && bodyKey !== key) {
    problems.push({ path: '/key', message: `must equal the key in the URL ("${key}")` });
  }
  if (problems.length > 0) {
    throw new ProblemException(
      422,
      'invalid-definition',
      `The definition has ${problems.length} problem(s).`,
      {
        errors: problems,
      },
    );
  }
}
