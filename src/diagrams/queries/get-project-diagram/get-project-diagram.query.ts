import { Query } from '@nestjs/cqrs';
import type { AuthPrincipal } from '../../../auth/principal';
import type { DiagramLang } from '../../render';
import type { RenderedDiagram } from '../../rendered-diagram';

/** A project's diagram: current state lit, transitions taken drawn heavier, entry times as tooltips. */
export class GetProjectDiagramQuery extends Query<RenderedDiagram> {
  constructor(
    readonly principal: AuthPrincipal,
    readonly projectId: string,
    readonly lang: DiagramLang,
  ) {
    super();
  }
}
