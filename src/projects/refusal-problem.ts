import { ProblemException } from '../common/problem';
import type { Refusal } from '../lifecycle/engine.types';

/** How each refusal of the engine answers over HTTP. */
export function refusalProblem(refusal: Refusal): ProblemException {
  switch (refusal.kind) {
    case 'unknown_event':
      return new ProblemException(422, 'unknown-event', `This lifecycle has no event ${refusal.type}.`, {
        errors: [{ path: '/type', message: `unknown event type ${refusal.type}` }],
      });
    case 'role_not_allowed':
      return ProblemException.forbidden(`The role ${refusal.role} may not send ${refusal.type}.`, {
        allowedRoles: refusal.allowedRoles,
      });
    case 'payload_invalid':
      return new ProblemException(422, 'invalid-payload', `The payload of ${refusal.type} is invalid.`, {
        errors: refusal.errors,
      });
    case 'not_allowed':
      return ProblemException.conflict(
        'not-allowed-in-state',
        `${refusal.type} is not allowed in the current state.`,
        {
          state: refusal.state,
          allowed: refusal.allowed,
        },
      );
    case 'guard_refused':
      return new ProblemException(
        422,
        'guard-refused',
        `${refusal.type} was refused by ${refusal.guard}: ${refusal.reason}`,
        {
          guard: refusal.guard,
          reason: refusal.reason,
        },
      );
  }
}
