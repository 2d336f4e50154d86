import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ProblemException } from './problem';

/** Flattens class-validator's tree into JSON Pointer paths, one entry per broken constraint. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = `${prefix}/${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      message: humanize(message),
    }));
    return [...own, ...fieldProblems(error.children ?? [], path)];
  });
}

function humanize(message: string): string {
  return message.replace(/^property (\S+) should not exist$/, 'unknown field $1 is not allowed');
}

/** Unknown fields are refused, not silently dropped: a typo must not become a no-op. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => ProblemException.validation(fieldProblems(errors)),
  });
}
