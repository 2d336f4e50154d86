export { definitionToDot } from './definition-to-dot';
export { definitionToMermaid } from './mermaid';
export { SvgRenderer, DEFAULT_DIAGRAM_LIMITS, type DiagramLimits } from './svg-renderer';
export { DiagramTooLargeError } from './diagram-too-large.error';
export { buildDiagramModel } from './build-diagram-model';
export { afterEventTypeOf, edgeKeyOf, leafStatePathsOf, statePathOf } from './state-keys';
export type { DiagramCounts, DiagramHighlight, DiagramLang, DiagramOptions } from './diagram-options.types';
export type { DiagramModel, DiagramState, DiagramTransition, DiagramTrigger } from './diagram-model.types';
