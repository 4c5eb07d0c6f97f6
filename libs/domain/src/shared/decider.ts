/**
 * An aggregate as a decider: `decide` turns a command and the current state into new events (or
 * throws a DomainError), `evolve` folds one event into the state. Both are pure, so that replaying
 * a stream always rebuilds the same state.
 */
export interface Decider<State, Command, Event> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

export function fold<State, Command, Event>(
  decider: Decider<State, Command, Event>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

/** An event as the domain sees it: a stable type name and its data. */
export interface TypedEvent<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}
