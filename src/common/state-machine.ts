import { Conflict, Forbidden } from './errors';

/** One allowed move: from and to, the mutation that makes it, and who may. */
export interface Transition<S extends string, M extends string> {
  from: S;
  to: S;
  action: string;
  by: readonly M[];
}

/**
 * A lifecycle's checks, from its one table of moves: a move the table does not hold is CONFLICT
 * naming both states (and the mutation that makes it, if another does); one this mover may not make
 * is FORBIDDEN naming who may. `names` are the movers a refusal names; movers without a name (a
 * trigger, the sweep) are left out of it.
 */
export function stateMachine<S extends string, M extends string>(what: string, transitions: readonly Transition<S, M>[], names: Partial<Record<M, string>>) {
  return {
    check(from: S, to: S, action: string, mover: M | null): void {
      const moves = transitions.filter((t) => t.from === from && t.to === to);
      if (!moves.length) throw new Conflict(`${what} cannot move from ${from} to ${to}`);
      const move = moves.find((t) => t.action === action);
      if (!move) throw new Conflict(`${what} moves from ${from} to ${to} with ${moves.map((t) => t.action).join(' or ')}, not ${action}`);
      if (!mover || !move.by.includes(mover)) {
        throw new Forbidden(`only ${move.by.flatMap((m) => (names[m] ? [names[m]] : [])).join(' or ')} may move ${what} from ${from} to ${to}`);
      }
    },
    /** The moves this mover may make from a status, for screens to offer. */
    movesFrom(from: S, mover: M | null): Transition<S, M>[] {
      return mover ? transitions.filter((t) => t.from === from && t.by.includes(mover)) : [];
    },
  };
}
