import { instance, type Viz } from '@viz-js/viz';
import type { LifecycleDefinition } from '../../lifecycle/definition.types';
import { buildDiagramModel } from './build-diagram-model';
import type { DiagramModel } from './diagram-model.types';
import type { DiagramOptions } from './diagram-options.types';
import { DiagramTooLargeError } from './diagram-too-large.error';
import { modelToDot } from './definition-to-dot';
import { finishSvg } from './finish-svg';

export interface DiagramLimits {
  maxStates: number;
  maxEdges: number;
}

/** Beyond these a diagram is unreadable, and Graphviz's layout time grows steeply. */
export const DEFAULT_DIAGRAM_LIMITS: DiagramLimits = { maxStates: 400, maxEdges: 2000 };

/** Renders definitions to SVG with Graphviz compiled to WebAssembly, loaded once on first use. */
export class SvgRenderer {
  private viz: Promise<Viz> | undefined;

  constructor(private readonly limits: DiagramLimits = DEFAULT_DIAGRAM_LIMITS) {}

  /** Throws `DiagramTooLargeError` before any layout work when the definition exceeds the limits. */
  async render(definition: LifecycleDefinition, options: DiagramOptions = {}): Promise<string> {
    const model = buildDiagramModel(definition);
    this.assertDrawable(model);
    return this.renderDot(modelToDot(model, definition, options));
  }

  async renderDot(dot: string): Promise<string> {
    const viz = await this.instance();
    return finishSvg(viz.renderString(dot, { format: 'svg', engine: 'dot' }));
  }

  private assertDrawable(model: DiagramModel): void {
    const states = model.states.length;
    const edges = model.transitions.length;
    if (states > this.limits.maxStates || edges > this.limits.maxEdges) {
      throw new DiagramTooLargeError(states, edges, this.limits.maxStates, this.limits.maxEdges);
    }
  }

  private instance(): Promise<Viz> {
    // One WebAssembly instance for all renders; forget a failed load so the next call retries.
    this.viz ??= instance().catch((error: unknown) => {
      this.viz = undefined;
      throw error;
    });
    return this.viz;
  }
}
