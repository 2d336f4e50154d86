import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem';

/** Definition keys: lower-case words joined by dashes, as in `industrial-project`. */
@Injectable()
export class DefinitionKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(value)) {
      throw ProblemException.validation([
        { path: '/key', message: 'must be lower-case letters, digits and dashes, at most 64' },
      ]);
    }
    return value;
  }
}

/** Version numbers in paths: a positive integer. */
@Injectable()
export class VersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const version = Number(value);
    if (!/^[1-9][0-9]{0,8}$/.test(value) || !Number.isSafeInteger(version)) {
      throw ProblemException.validation([{ path: '/version', message: 'must be a positive integer' }]);
    }
    return version;
  }
}
