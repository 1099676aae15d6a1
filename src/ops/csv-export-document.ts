import {
  ArgumentNode, DefinitionNode, DocumentNode, FieldNode, FragmentDefinitionNode, getNullableType, GraphQLSchema, isObjectType, Kind, OperationDefinitionNode,
  parse, print, SelectionNode, SelectionSetNode, VariableDefinitionNode, visit,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../common/connection';

/**
 * What a CSV export runs (src/ops/csv-export.ts): the caller's query, with one root field that
 * returns a connection, rewritten so that the server can page through it. The root field's `first`
 * and `after` are replaced by the export's own variables, and the page's `pageInfo` (and, on the
 * first page, the connection's `totalCount`) are asked for under aliases of the export's own; the
 * rest of the document is the caller's, unchanged, and runs as a query sent to /graphql would.
 */
export interface ExportPlan {
  /** The root field's name: the file's name. */
  rootField: string;
  /** The root field's response key (its alias, if given). */
  rootKey: string;
  /** Response keys from the root field to the edges and to their node. */
  edgesKey: string;
  nodeKey: string;
  /** The first page's document (asks for the total too) and every later page's. */
  firstPage: string;
  nextPages: string;
  operationName?: string;
  /** The caller's variables, without those only the replaced `first`/`after` used. */
  variables: Record<string, unknown>;
  /** Rows per page: the caller's `first`, or the most a page may hold. */
  pageSize: unknown;
  /** The caller's `after`, if any: where the export starts. */
  startAfter: string | null;
  /** Whether the connection has a totalCount the first page asks for. */
  counted: boolean;
  /** The node's selected leaves, as paths of response keys: the CSV's columns. */
  columns: string[][];
}

/** A document the export cannot run, with the reason; nothing has run. */
export class ExportRefusal extends Error {}

/** Not a document the export can understand (unknown root field): Apollo's own answer to the original explains it best. */
export class AskApollo extends Error {}

export const FIRST = 'csvExportFirst';
export const AFTER = 'csvExportAfter';
export const PAGE_INFO = 'csvExportPage';
export const TOTAL = 'csvExportTotal';

export function planExport(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): ExportPlan {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) throw new AskApollo();
  if (operation.operation !== 'query') throw new ExportRefusal(`only a query can be exported, not a ${operation.operation}`);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));

  const roots = operation.selectionSet.selections;
  if (roots.length !== 1 || roots[0].kind !== Kind.FIELD || roots[0].name.value.startsWith('__')) {
    throw new ExportRefusal('an export has exactly one root field, written out in the query (no fragment), that returns a connection');
  }
  const root = roots[0];
  const field = schema.getQueryType()?.getFields()[root.name.value];
  if (!field) throw new AskApollo();
  const type = getNullableType(field.type);
  const args = new Set(field.args.map((a) => a.name));
  if (!isObjectType(type) || !type.name.endsWith('Connection') || !args.has('first') || !args.has('after') || !type.getFields().edges) {
    throw new ExportRefusal(`${root.name.value} is not a connection: an export pages through a root field with edges { node { ... } }`);
  }
  const edges = only(root.selectionSet, 'edges');
  const node = edges?.selectionSet && only(edges.selectionSet, 'node');
  if (!edges || !node?.selectionSet) throw new ExportRefusal('an export reads edges { node { ... } } of the root field, selected once each, without fragments around them');

  for (const name of [FIRST, AFTER]) {
    if (operation.variableDefinitions?.some((v) => v.variable.name.value === name)) throw new ExportRefusal(`the variable $${name} is the export's own`);
  }
  for (const key of [PAGE_INFO, TOTAL]) {
    if (root.selectionSet!.selections.some((s) => s.kind === Kind.FIELD && s.alias?.value === key)) throw new ExportRefusal(`the alias ${key} is the export's own`);
  }

  const argument = (name: string) => root.arguments?.find((a) => a.name.value === name)?.value;
  const valueOf = (name: string): unknown => {
    const value = argument(name);
    if (!value) return undefined;
    if (value.kind === Kind.VARIABLE) return variables[value.name.value];
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.STRING) return value.value;
    if (value.kind === Kind.NULL) return null;
    // Anything else (a float, a list) is the caller's mistake: the page's validation says so.
    return value;
  };
  const first = valueOf('first');
  const after = valueOf('after');
  if (first === 0) throw new ExportRefusal('first is the number of rows per page: at least 1');
  if (after !== undefined && after !== null && typeof after !== 'string') throw new ExportRefusal('after must be a cursor');

  const counted = Boolean(type.getFields().totalCount);
  const pageFields = (withTotal: boolean) => [
    selection(`${PAGE_INFO}: pageInfo { hasNextPage endCursor }`),
    ...(withTotal ? [selection(`${TOTAL}: totalCount`)] : []),
  ];
  const rewrite = (withTotal: boolean): OperationDefinitionNode => {
    const rewritten: FieldNode = {
      ...root,
      arguments: [...(root.arguments ?? []).filter((a) => a.name.value !== 'first' && a.name.value !== 'after'), argumentOf('first', FIRST), argumentOf('after', AFTER)],
      selectionSet: { ...root.selectionSet!, selections: [...root.selectionSet!.selections, ...pageFields(withTotal)] },
    };
    const definitions = [...(operation.variableDefinitions ?? []), variableOf(FIRST, 'Int'), variableOf(AFTER, 'String')];
    const draft: OperationDefinitionNode = { ...operation, selectionSet: { ...operation.selectionSet, selections: [rewritten] }, variableDefinitions: definitions };
    // Variables only the replaced `first` and `after` used would be unused, which validation refuses.
    const used = usedVariables(draft, fragments);
    return { ...draft, variableDefinitions: definitions.filter((d) => used.has(d.variable.name.value)) };
  };
  const documentOf = (op: OperationDefinitionNode) => {
    const reached = reachableFragments(op.selectionSet, fragments);
    const definitions: DefinitionNode[] = [op, ...[...fragments.values()].filter((f) => reached.has(f.name.value))];
    return print({ kind: Kind.DOCUMENT, definitions });
  };
  const nextOperation = rewrite(false);
  const kept = new Set((nextOperation.variableDefinitions ?? []).map((d) => d.variable.name.value));

  return {
    rootField: root.name.value,
    rootKey: root.alias?.value ?? root.name.value,
    edgesKey: edges.alias?.value ?? edges.name.value,
    nodeKey: node.alias?.value ?? node.name.value,
    firstPage: documentOf(rewrite(counted)),
    nextPages: documentOf(nextOperation),
    operationName: operation.name?.value,
    variables: Object.fromEntries(Object.entries(variables).filter(([name]) => kept.has(name))),
    pageSize: first ?? MAX_PAGE_SIZE,
    startAfter: typeof after === 'string' ? after : null,
    counted,
    columns: leaves(node.selectionSet, fragments, []),
  };
}

/** The one field of this name in a selection set of fields only; undefined if none, several, or a fragment beside it (which could select it again). */
function only(set: SelectionSetNode | undefined, name: string): FieldNode | undefined {
  if (!set || set.selections.some((s) => s.kind !== Kind.FIELD)) return undefined;
  const matches = (set.selections as FieldNode[]).filter((s) => s.name.value === name);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The leaves under a selection set, as paths of response keys, in the order written, each once;
 * fragments are read in place (a leaf only some node types have is empty for the others).
 */
function leaves(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, prefix: string[], seen = new Set<string>(), out: string[][] = [], visiting = new Set<string>()): string[][] {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const path = [...prefix, s.alias?.value ?? s.name.value];
      if (s.selectionSet) leaves(s.selectionSet, fragments, path, seen, out, visiting);
      else if (!seen.has(path.join('\0'))) {
        seen.add(path.join('\0'));
        out.push(path);
      }
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      leaves(s.selectionSet, fragments, prefix, seen, out, visiting);
    } else {
      const fragment = fragments.get(s.name.value);
      // An unknown or cyclic spread is the document's error: validation reports it.
      if (fragment && !visiting.has(fragment.name.value)) {
        visiting.add(fragment.name.value);
        leaves(fragment.selectionSet, fragments, prefix, seen, out, visiting);
        visiting.delete(fragment.name.value);
      }
    }
  }
  return out;
}

function reachableFragments(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, reached = new Set<string>()): Set<string> {
  const walk = (selections: readonly SelectionNode[]) => {
    for (const s of selections) {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(s.name.value);
        if (reached.has(s.name.value)) continue;
        reached.add(s.name.value);
        if (fragment) walk(fragment.selectionSet.selections);
      } else if (s.selectionSet) walk(s.selectionSet.selections);
    }
  };
  walk(set.selections);
  return reached;
}

function usedVariables(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): Set<string> {
  const used = new Set<string>();
  const collect = (node: SelectionSetNode) =>
    visit(node, {
      Variable(v) {
        used.add(v.name.value);
      },
    });
  collect(operation.selectionSet);
  // Directives on the operation itself may use variables too.
  for (const d of operation.directives ?? []) visit(d, { Variable: (v) => void used.add(v.name.value) });
  for (const fragmentName of reachableFragments(operation.selectionSet, fragments)) {
    const fragment = fragments.get(fragmentName);
    if (fragment) collect(fragment.selectionSet);
  }
  return used;
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const argumentOf = (arg: string, variable: string): ArgumentNode => ({ kind: Kind.ARGUMENT, name: name(arg), value: { kind: Kind.VARIABLE, name: name(variable) } });
const variableOf = (variable: string, type: string): VariableDefinitionNode => ({
  kind: Kind.VARIABLE_DEFINITION,
  variable: { kind: Kind.VARIABLE, name: name(variable) },
  type: { kind: Kind.NAMED_TYPE, name: name(type) },
});

/** One field, written as in a query. */
function selection(source: string): FieldNode {
  return (parse(`{ ${source} }`).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
}
