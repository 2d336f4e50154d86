import { Injectable, PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Path ids are UUIDs; anything else is a 422 naming the parameter, before any lookup. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'id') {}

  transform(value: string): string {
    if (!UUID.test(value)) {
      throw ProblemException.validation(
        [{ path: `/${this.name}`, message: 'must be a UUID' }],
        `${this.name} is not a valid id.`,
      );
    }
    return value.toLowerCase();
  }
}
