import { Query } from '@nestjs/cqrs';
import type { DiagramLang } from '../../render';
import type { RenderedDiagram } from '../../rendered-diagram';

export type DiagramFormat = 'svg' | 'mermaid';

export class GetDefinitionDiagramQuery extends Query<RenderedDiagram> {
  constructor(
    readonly key: string,
    readonly version: number,
    readonly format: DiagramFormat,
    readonly lang: DiagramLang,
    readonly includeDrafts: boolean,
    /** Overlay project counts: of this version, or of every version of the key. */
    readonly heat?: 'version' | 'all',
  ) {
    super();
  }
}
