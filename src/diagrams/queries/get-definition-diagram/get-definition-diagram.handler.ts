import { createHash } from 'node:crypto';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { GetDefinitionVersionQuery } from '../../../definitions/queries/get-definition-version/get-definition-version.query';
import type { LifecycleDefinition } from '../../../lifecycle/definition.types';
import { drawOr422 } from '../../diagram-too-large.problem';
import { definitionToMermaid, SvgRenderer, type DiagramCounts } from '../../render';
import { RenderedCache } from '../../rendered-cache';
import { IMMUTABLE, NO_CACHE, type RenderedDiagram } from '../../rendered-diagram';
import { GetStateCountsQuery } from '../get-state-counts/get-state-counts.query';
import { GetDefinitionDiagramQuery } from './get-definition-diagram.query';

const SVG = 'image/svg+xml; charset=utf-8';
const MERMAID = 'text/vnd.mermaid; charset=utf-8';

@QueryHandler(GetDefinitionDiagramQuery)
export class GetDefinitionDiagramHandler implements IQueryHandler<GetDefinitionDiagramQuery> {
  private readonly published = new RenderedCache<RenderedDiagram>();

  constructor(
    private readonly queries: QueryBus,
    private readonly renderer: SvgRenderer,
  ) {}

  async execute(query: GetDefinitionDiagramQuery): Promise<RenderedDiagram> {
    const version = await this.queries.execute(
      new GetDefinitionVersionQuery(query.key, query.version, query.includeDrafts),
    );
    const definition = version.definition as unknown as LifecycleDefinition;
    if (query.heat) {
      const counts = await this.counts(query.key, query.version, query.heat);
      const body = await drawOr422(() => this.renderer.render(definition, { lang: query.lang, counts }));
      return { body, contentType: SVG, cacheControl: NO_CACHE };
    }
    const draw = async (): Promise<RenderedDiagram> => {
      const body = await this.draw(definition, query);
      const cacheControl = version.status === 'published' ? IMMUTABLE : NO_CACHE;
      // The ETag is the drawing's own hash, so a changed renderer never answers 304 for an old picture.
      return { body, contentType: query.format === 'svg' ? SVG : MERMAID, etag: etagOf(body), cacheControl };
    };
    if (version.status !== 'published') return draw();
    return this.published.getOrCreate(`${query.key}@${query.version}:${query.format}:${query.lang}`, draw);
  }

  private draw(definition: LifecycleDefinition, query: GetDefinitionDiagramQuery): Promise<string> {
    if (query.format === 'mermaid') return Promise.resolve(definitionToMermaid(definition, { lang: query.lang }));
    return drawOr422(() => this.renderer.render(definition, { lang: query.lang }));
  }

  private async counts(key: string, version: number, scope: 'version' | 'all'): Promise<DiagramCounts> {
    const all = await this.queries.execute(new GetStateCountsQuery(key, scope === 'all' ? undefined : version));
    const wanted = scope === 'all' ? null : version;
    return all.find((entry) => entry.version === wanted)?.states ?? {};
  }
}

function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
