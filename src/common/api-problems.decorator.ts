import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { titleFor } from './problem';

export class FieldProblemDto {
  @ApiProperty({ example: '/payload/percentComplete', description: 'JSON Pointer to the field at fault' })
  path!: string;

  @ApiProperty({ example: 'must be <= 100' })
  message!: string;
}

/** RFC 9457 problem details, the body of every error answer. */
export class ProblemDocumentDto {
  @ApiProperty({ example: 'https://waypost.dev/problems/validation' })
  type!: string;

  @ApiProperty({ example: 'Unprocessable Content' })
  title!: string;

  @ApiProperty({ example: 422 })
  status!: number;

  @ApiProperty({ example: 'The request has invalid fields.' })
  detail!: string;

  @ApiPropertyOptional({ example: '/api/projects/0b6e…/events' })
  instance?: string;

  @ApiPropertyOptional({ description: 'Also sent as the X-Request-Id header' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldProblemDto] })
  errors?: FieldProblemDto[];
}

/** Documents the error answers of a route as application/problem+json. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDocumentDto, FieldProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: titleFor(status),
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDocumentDto) } } },
      }),
    ),
  );
}
