import { ProblemException } from '../common/problem';
import { DiagramTooLargeError } from './render';

/** Renders, turning "too large to draw" into a clear 422 instead of a 500. */
export async function drawOr422<T>(draw: () => Promise<T>): Promise<T> {
  try {
    return await draw();
  } catch (error) {
    if (!(error instanceof DiagramTooLargeError)) throw error;
    throw new ProblemException(422, 'diagram-too-large', error.message, {
      states: error.states,
      transitions: error.edges,
      maxStates: error.maxStates,
      maxTransitions: error.maxEdges,
    });
  }
}
