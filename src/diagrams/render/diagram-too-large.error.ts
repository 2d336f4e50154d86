/** A definition too big to draw legibly (and to lay out in reasonable time). The HTTP layer answers 422. */
export class DiagramTooLargeError extends Error {
  override readonly name = 'DiagramTooLargeError';

  constructor(
    readonly states: number,
    readonly edges: number,
    readonly maxStates: number,
    readonly maxEdges: number,
  ) {
    super(
      `The diagram has ${states} states and ${edges} transitions; at most ${maxStates} states and ${maxEdges} transitions can be drawn`,
    );
  }
}
