import { ApolloServerPlugin } from '@apollo/server';
import { ArgumentNode, DocumentNode, GraphQLError, ObjectFieldNode, visit } from 'graphql';

/**
 * PostgreSQL's text cannot hold U+0000, so a NUL in any string argument would fail deep in a
 * statement as an internal error. It is refused here, once for every argument of every operation,
 * in variables and in the query's own literals, before anything runs.
 */
export const refuseNulPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const inVariable = nulInVariables(request.variables ?? {});
        const at = inVariable ? [variableUses(document).get(inVariable[0]) ?? `$${inVariable[0]}`, ...inVariable[1]].join('.') : literalNulOf(document);
        if (at) throw new GraphQLError(`${at} must not contain the NUL character`, { extensions: { code: 'BAD_USER_INPUT', field: at, http: { status: 400 } } });
      },
    };
  },
};

/** The variable holding a NUL and the path inside it, e.g. ['input', ['givenName']]. */
function nulInVariables(variables: Record<string, unknown>): [string, string[]] | undefined {
  for (const [name, value] of Object.entries(variables)) {
    const inside = nulAt(value, []);
    if (inside) return [name, inside];
  }
  return undefined;
}

function nulAt(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = nulAt(v, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Where each variable is first passed, as an argument path (`input`, `filter.search`), so an error names the argument. */
function variableUses(document: DocumentNode): Map<string, string> {
  const path: string[] = [];
  const uses = new Map<string, string>();
  visit(document, {
    VariableDefinition: () => false,
    Argument: { enter: (node: ArgumentNode) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node: ObjectFieldNode) => void path.push(node.name.value), leave: () => void path.pop() },
    Variable(node) {
      if (path.length && !uses.has(node.name.value)) uses.set(node.name.value, path.join('.'));
    },
  });
  return uses;
}

/** A document's literals never change: walked once per parsed document (Apollo keeps them), not per request. */
const literalNuls = new WeakMap<DocumentNode, string | undefined>();
function literalNulOf(document: DocumentNode): string | undefined {
  if (!literalNuls.has(document)) literalNuls.set(document, nulInLiterals(document));
  return literalNuls.get(document);
}

/** The argument (and input field) whose literal holds a NUL, e.g. `input.givenName`. */
function nulInLiterals(document: DocumentNode): string | undefined {
  const path: string[] = [];
  let found: string | undefined;
  visit(document, {
    Argument: { enter: (node: ArgumentNode) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node: ObjectFieldNode) => void path.push(node.name.value), leave: () => void path.pop() },
    StringValue(node) {
      if (!found && node.value.includes('\0')) found = path.join('.') || 'a string literal';
    },
  });
  return found;
}
